import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

/** The grant's payout requests as the county reviews them. */
export const payoutReviewQueries = {
  all: (id: string) => ['casework', 'case-id', id, 'payout-requests'] as const,
  list: (id: string) =>
    queryOptions({
      queryKey: payoutReviewQueries.all(id),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/applications/{id}/payout-requests', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
};

/** The officer's decision on a sent request. */
export type PayoutDecision =
  | { kind: 'approve'; amount: number; repayment?: number }
  | { kind: 'return'; reason: string }
  | { kind: 'reject'; reason: string };

/** Decides a sent request under the intent's Idempotency-Key; the case is read again whatever the answer. */
export function useDecidePayout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      number,
      decision,
      key,
    }: {
      id: string;
      number: number;
      decision: PayoutDecision;
      key: string;
    }) => {
      const params = { path: { id, number: String(number) }, header: { 'Idempotency-Key': key } };
      switch (decision.kind) {
        case 'approve':
          return unwrap(
            api.POST('/api/v1/applications/{id}/payout-requests/{number}/approve', {
              params,
              body: {
                amount: decision.amount,
                ...(decision.repayment !== undefined ? { repayment: decision.repayment } : {}),
              },
            }),
          );
        case 'return':
          return unwrap(
            api.POST('/api/v1/applications/{id}/payout-requests/{number}/return', {
              params,
              body: { reason: decision.reason },
            }),
          );
        case 'reject':
          return unwrap(
            api.POST('/api/v1/applications/{id}/payout-requests/{number}/reject', {
              params,
              body: { reason: decision.reason },
            }),
          );
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['casework'] }),
  });
}
