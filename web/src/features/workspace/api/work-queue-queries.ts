import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { ApplicationQuery } from '../../../api/types';

/** What the case officer or approver has chosen to see; the cursor is the query's own business. */
export type WorkQueueFilters = Omit<ApplicationQuery, 'after' | 'limit'>;

const PAGE_SIZE = 25;

/** The county's work queue, one keyset page after another ("Vis flere" reads the next). */
export const workQueueQueries = {
  all: () => ['work-queue'] as const,
  list: (filters: WorkQueueFilters) =>
    infiniteQueryOptions({
      queryKey: [...workQueueQueries.all(), 'list', filters] as const,
      queryFn: ({ pageParam, signal }) =>
        unwrap(
          api.GET('/api/v1/applications', {
            params: {
              query: { ...filters, limit: PAGE_SIZE, ...(pageParam ? { after: pageParam } : {}) },
            },
            signal,
          }),
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      staleTime: 0,
    }),
};

/** The schemes and the published calls, to filter on and to name a case's scheme in words. */
export const workQueueLookups = {
  schemes: () =>
    queryOptions({
      queryKey: [...workQueueQueries.all(), 'schemes'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/schemes', { signal })),
      staleTime: Infinity,
    }),
  calls: () =>
    queryOptions({
      queryKey: [...workQueueQueries.all(), 'calls'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/calls', { signal })),
    }),
};
