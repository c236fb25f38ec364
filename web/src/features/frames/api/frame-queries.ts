import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { profileQuery } from '../../../api/profile';

/** The county's budget frames (rammer): the list, one frame, and what its charts draw. */
export const frameQueries = {
  all: () => ['frames'] as const,
  list: () =>
    queryOptions({
      queryKey: [...frameQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/frames', { signal })),
      staleTime: 0,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...frameQueries.all(), 'frame', id] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/frames/{id}', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
  burnDown: (id: string) =>
    queryOptions({
      queryKey: [...frameQueries.all(), 'frame', id, 'burn-down'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/frames/{id}/burn-down', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
  pipeline: (id: string) =>
    queryOptions({
      queryKey: [...frameQueries.all(), 'frame', id, 'pipeline'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/frames/{id}/pipeline', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
  alerts: (id: string) =>
    queryOptions({
      queryKey: [...frameQueries.all(), 'frame', id, 'alerts'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/frames/{id}/alerts', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
};

/** The schemes by name, and who is reading (finance sees the links to change and pay). */
export const frameLookups = {
  schemes: () =>
    queryOptions({
      queryKey: [...frameQueries.all(), 'schemes'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/schemes', { signal })),
      staleTime: Infinity,
    }),
  me: () => profileQuery(frameQueries.all()),
};

/** The balances of all the county's frames as CSV, downloaded by the browser with its session. */
export const BALANCES_CSV_URL = '/api/v1/frames/balances.csv';
