import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { DirectAllocationBody, Frame, ReallocationBody, TopUpBody } from '../../../api/types';

/** The frame being changed, and the county's frames to reallocate to. */
export const frameChangesQueries = {
  all: () => ['frame-changes'] as const,
  frame: (frameId: string) =>
    queryOptions({
      queryKey: [...frameChangesQueries.all(), frameId] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/frames/{id}', { params: { path: { id: frameId } }, signal })),
      staleTime: 0,
    }),
  frames: () =>
    queryOptions({
      queryKey: [...frameChangesQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/frames', { signal })),
      staleTime: 0,
    }),
};

/** A command with the Idempotency-Key of its submission: a repeat of the same submission books once. */
export interface Keyed<T> {
  body: T;
  key: string;
}

/**
 * Finance's changes of a frame. Each answers with the frame after it, which the page shows at once;
 * the county's frame list is read again (a reallocation changes two frames).
 */
export function useFrameChanges(frameId: string) {
  const queryClient = useQueryClient();
  const changed = (frame: Frame) => {
    queryClient.setQueryData(frameChangesQueries.frame(frameId).queryKey, frame);
    void queryClient.invalidateQueries({ queryKey: frameChangesQueries.frames().queryKey });
  };
  const path = { id: frameId };
  const topUp = useMutation({
    mutationFn: ({ body, key }: Keyed<TopUpBody>) =>
      unwrap(
        api.POST('/api/v1/frames/{id}/allocations', {
          params: { path, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    onSuccess: changed,
  });
  const reallocate = useMutation({
    mutationFn: ({ body, key }: Keyed<ReallocationBody>) =>
      unwrap(
        api.POST('/api/v1/frames/{id}/reallocations', {
          params: { path, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    onSuccess: (pair) => changed(pair.from),
  });
  const directAllocation = useMutation({
    mutationFn: ({ body, key }: Keyed<DirectAllocationBody>) =>
      unwrap(
        api.POST('/api/v1/frames/{id}/direct-allocations', {
          params: { path, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    onSuccess: changed,
  });
  return { topUp, reallocate, directAllocation };
}
