import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

/** The interim reports (delrapporter, e.g. årsrapport) the grant owes. */
export const interimReportQueries = {
  all: (id: string) => ['applications', id, 'interim-reports'] as const,
  list: (id: string) =>
    queryOptions({
      queryKey: interimReportQueries.all(id),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/applications/{id}/interim-reports', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
};

/** What sending a report takes: the grant, the report's key, its content and the keys of the intent. */
export interface SendInterimReport {
  id: string;
  reportKey: string;
  content: Record<string, unknown>;
  keys: { save: string; send: string };
}

/**
 * Saves the report (the first save starts it) and sends it, each step under its own
 * Idempotency-Key; the case is read again whatever the answer.
 */
export function useSendInterimReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reportKey, content, keys }: SendInterimReport) => {
      const path = { id, key: reportKey };
      await unwrap(
        api.PUT('/api/v1/applications/{id}/interim-reports/{key}', {
          params: { path, header: { 'Idempotency-Key': keys.save } },
          body: { content },
        }),
      );
      return unwrap(
        api.POST('/api/v1/applications/{id}/interim-reports/{key}/send', {
          params: { path, header: { 'Idempotency-Key': keys.send } },
        }),
      );
    },
    onSettled: (_data, _error, { id }) => queryClient.invalidateQueries({ queryKey: ['applications', id] }),
  });
}
