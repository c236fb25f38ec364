import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { PayoutRequestInput } from '../../../api/types';

/** The grant's payout requests (utbetalingsanmodninger) and what a new one may be. */
export const payoutQueries = {
  all: (id: string) => ['applications', id, 'payout-requests'] as const,
  list: (id: string) =>
    queryOptions({
      queryKey: payoutQueries.all(id),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/applications/{id}/payout-requests', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
};

/** What sending a request takes: the grant, the request to replace (if any) and the keys of the intent. */
export interface SendPayout {
  id: string;
  /** A draft or returned request to replace; none: a new one is started. */
  number: number | null;
  body: PayoutRequestInput;
  keys: { save: string; send: string };
  /** Save the draft only, without sending it (so files can be attached to it). */
  saveOnly?: boolean;
  /** Told the draft's number once it is saved, whether or not sending it then succeeds. */
  onSaved?: (number: number) => void;
}

/**
 * Saves the request (a new draft, or the draft or returned request replaced) and sends it (unless
 * `saveOnly`), each step
 * under its own Idempotency-Key; the list and the case are read again whatever the answer.
 */
export function useSendPayoutRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, number, body, keys, saveOnly, onSaved }: SendPayout) => {
      const saved =
        number === null
          ? await unwrap(
              api.POST('/api/v1/applications/{id}/payout-requests', {
                params: { path: { id }, header: { 'Idempotency-Key': keys.save } },
                body,
              }),
            )
          : await unwrap(
              api.PUT('/api/v1/applications/{id}/payout-requests/{number}', {
                params: { path: { id, number: String(number) }, header: { 'Idempotency-Key': keys.save } },
                body,
              }),
            );
      onSaved?.(saved.number);
      if (saveOnly) return saved;
      return unwrap(
        api.POST('/api/v1/applications/{id}/payout-requests/{number}/send', {
          params: { path: { id, number: String(saved.number) }, header: { 'Idempotency-Key': keys.send } },
        }),
      );
    },
    // A final request moves the case too (its report is submitted): the case is read again with the list.
    onSettled: (_data, _error, { id, body }) =>
      queryClient.invalidateQueries({
        queryKey: body.kind === 'final' ? ['applications'] : ['applications', id],
      }),
  });
}
