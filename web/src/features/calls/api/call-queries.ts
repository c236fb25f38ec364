import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

/** Published calls, public: no sign-in needed. */
export const callQueries = {
  all: () => ['calls'] as const,
  list: () =>
    queryOptions({
      queryKey: [...callQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/calls', { signal })),
    }),
};

/** The schemes, for their names, purposes and who may apply. */
export const schemeQueries = {
  all: () => ['schemes'] as const,
  list: () =>
    queryOptions({
      queryKey: [...schemeQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/schemes', { signal })),
      staleTime: Infinity,
    }),
};
