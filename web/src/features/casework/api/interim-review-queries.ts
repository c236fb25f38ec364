import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

/** The grant's interim reports as the county reviews them. */
export const interimReviewQueries = {
  all: (id: string) => ['casework', 'case-id', id, 'interim-reports'] as const,
  list: (id: string) =>
    queryOptions({
      queryKey: interimReviewQueries.all(id),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/applications/{id}/interim-reports', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
};

/** The officer's decision on a sent report. */
export type InterimDecision = { kind: 'approve' } | { kind: 'return'; reason: string };

/** Decides a sent report under the intent's Idempotency-Key; the case is read again whatever the answer. */
export function useDecideInterimReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      reportKey,
      decision,
      key,
    }: {
      id: string;
      reportKey: string;
      decision: InterimDecision;
      key: string;
    }) => {
      const params = { path: { id, key: reportKey }, header: { 'Idempotency-Key': key } };
      return decision.kind === 'approve'
        ? unwrap(api.POST('/api/v1/applications/{id}/interim-reports/{key}/approve', { params }))
        : unwrap(
            api.POST('/api/v1/applications/{id}/interim-reports/{key}/return', {
              params,
              body: { reason: decision.reason },
            }),
          );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['casework'] }),
  });
}
