import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { PaymentRunItemInput } from '../../../api/types';
import { paymentsQueries } from './payments-queries';

/** The county's payment runs (utbetalingslister) and one run with its items. */
export const paymentRunQueries = {
  all: () => [...paymentsQueries.all(), 'runs'] as const,
  list: () =>
    queryOptions({
      queryKey: [...paymentRunQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/payments/runs', { signal })),
      staleTime: 0,
    }),
  detail: (runId: string) =>
    queryOptions({
      queryKey: [...paymentRunQueries.all(), 'detail', runId] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/payments/runs/{id}', { params: { path: { id: runId } }, signal })),
      staleTime: 0,
    }),
};

/** The approved run's files, which the browser downloads. */
export const creditTransferUrl = (runId: string) =>
  `/api/v1/payments/runs/${encodeURIComponent(runId)}/pain001.xml`;
export const runCsvUrl = (runId: string) => `/api/v1/payments/runs/${encodeURIComponent(runId)}/items.csv`;

export interface NewRun {
  requestedExecutionDate: string;
  items: PaymentRunItemInput[];
  key: string;
}

/** Makes a draft run of the picked due payments; the due list and the runs are read again. */
export function useCreatePaymentRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestedExecutionDate, items, key }: NewRun) =>
      unwrap(
        api.POST('/api/v1/payments/runs', {
          params: { header: { 'Idempotency-Key': key } },
          body: { requestedExecutionDate, items },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: paymentsQueries.all() }),
  });
}

/** Approves a draft run, booking every item; whatever the answer, what is due and the run are read again. */
export function useApprovePaymentRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ runId, key }: { runId: string; key: string }) =>
      unwrap(
        api.POST('/api/v1/payments/runs/{id}/approve', {
          params: { path: { id: runId }, header: { 'Idempotency-Key': key } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: paymentsQueries.all() }),
  });
}
