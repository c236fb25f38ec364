import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

/** The organisations the signed-in applicant acts for. */
export const organisationQueries = {
  all: () => ['organisations'] as const,
  mine: () =>
    queryOptions({
      queryKey: [...organisationQueries.all(), 'mine'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/organisations', { signal })),
    }),
};

/** Sets the account the organisation's grants are paid to; the organisations are read again. */
export function useSetPayoutAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      organisationId,
      accountNumber,
      key,
    }: {
      organisationId: string;
      accountNumber: string;
      key: string;
    }) =>
      unwrap(
        api.PUT('/api/v1/organisations/{id}/payout-account', {
          params: { path: { id: organisationId }, header: { 'Idempotency-Key': key } },
          body: { accountNumber },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: organisationQueries.all() }),
  });
}

/** Reads the organisation again from the Brønnøysund register; the organisations are read again. */
export function useRefreshFromRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organisationId, key }: { organisationId: string; key: string }) =>
      unwrap(
        api.POST('/api/v1/organisations/{id}/refresh-register', {
          params: { path: { id: organisationId }, header: { 'Idempotency-Key': key } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: organisationQueries.all() }),
  });
}
