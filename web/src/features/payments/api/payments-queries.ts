import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { PaymentDue } from '../../../api/types';

/** Cases read for the page; more are listed as a note, not shown (a county has far fewer open). */
export const PAYMENTS_DUE_PAGE_SIZE = 500;

/** What the payment plans say may be paid now, in the reader's county. */
export const paymentsQueries = {
  all: () => ['payments'] as const,
  due: () =>
    queryOptions({
      queryKey: [...paymentsQueries.all(), 'due'] as const,
      queryFn: ({ signal }) =>
        unwrap(
          api.GET('/api/v1/payments/due', {
            params: { query: { limit: PAYMENTS_DUE_PAGE_SIZE } },
            signal,
          }),
        ),
      staleTime: 0,
    }),
};

/** What booking a payment sends: the row, and the Idempotency-Key of the user's intent to pay it. */
export interface Booking {
  row: PaymentDue;
  key: string;
}

/**
 * Pays one due instalment, or an approved payout request, for the amount listed; the list is read
 * again whatever the answer.
 */
export function useBookPayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ row, key }: Booking): Promise<void> => {
      if (row.payoutRequest) {
        await unwrap(
          api.POST('/api/v1/payments/due/{reference}/payout-requests/{number}/book', {
            params: {
              path: { reference: row.caseReference, number: String(row.payoutRequest.number) },
              header: { 'Idempotency-Key': key },
            },
            body: { amount: row.amount },
          }),
        );
        return;
      }
      await unwrap(
        api.POST('/api/v1/payments/due/{reference}/book', {
          params: { path: { reference: row.caseReference }, header: { 'Idempotency-Key': key } },
          body: { instalment: row.instalment?.number ?? 0, amount: row.amount },
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: paymentsQueries.all() }),
  });
}
