import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

/** The signed-in user's applications: an applicant's are those of their organisations. */
export const applicationQueries = {
  all: () => ['applications'] as const,
  list: () =>
    queryOptions({
      queryKey: [...applicationQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/applications', { signal })),
      staleTime: 0,
    }),
};

/** The published calls and the schemes, to name an application's call and scheme in words. */
export const applicationLookups = {
  calls: () =>
    queryOptions({
      queryKey: ['applications', 'calls'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/calls', { signal })),
    }),
  schemes: () =>
    queryOptions({
      queryKey: ['applications', 'schemes'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/schemes', { signal })),
      staleTime: Infinity,
    }),
};
