import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

/** The county's paying account and organisation number, for its administrators. */
export const paymentDetailsQueries = {
  all: () => ['county-payment-details'] as const,
  current: () =>
    queryOptions({
      queryKey: [...paymentDetailsQueries.all(), 'current'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/counties/current/payment-details', { signal })),
      staleTime: 0,
    }),
};

/** Saves both; the key is the caller's, the same for a retry of the same values. */
export function useSetPaymentDetails() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: { paymentAccount: string; organisationNumber: string; key: string }) =>
      unwrap(
        api.PUT('/api/v1/counties/current/payment-details', {
          params: { header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: paymentDetailsQueries.all() }),
  });
}
