import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { RepaymentClaim } from '../../../api/types';

/** The county's repayment claims, and each grant's payment plan as it stands. */
export const claimsQueries = {
  all: () => ['repayment-claims'] as const,
  list: () =>
    queryOptions({
      queryKey: [...claimsQueries.all(), 'list'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/repayment-claims', { params: { query: { limit: 500 } }, signal })),
      staleTime: 0,
    }),
  plan: (caseKey: string) =>
    queryOptions({
      queryKey: ['payment-plan', caseKey] as const,
      queryFn: ({ signal }) =>
        unwrap(
          api.GET('/api/v1/applications/{id}/payment-plan', { params: { path: { id: caseKey } }, signal }),
        ),
      staleTime: 0,
    }),
};

/** What registering a repayment sends: the claim, and the Idempotency-Key of the user's intent. */
export interface Settlement {
  claim: RepaymentClaim;
  key: string;
}

/** Registers a claim's repayment for the amount listed; the list and plans are read again after. */
export function useSettleClaim() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ claim, key }: Settlement) =>
      unwrap(
        api.POST('/api/v1/repayment-claims/{id}/settle', {
          params: { path: { id: claim.id }, header: { 'Idempotency-Key': key } },
          body: { amount: claim.amount },
        }),
      ),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: claimsQueries.all() });
      await queryClient.invalidateQueries({ queryKey: ['payment-plan'] });
    },
  });
}
