import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CreateCall, UpdateCall } from '../../../api/types';

/** The county's calls (utlysninger) for its administrators: drafts and published. */
export const callAdminQueries = {
  all: () => ['admin-calls'] as const,
  list: () =>
    queryOptions({
      queryKey: [...callAdminQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/calls', { signal })),
      staleTime: 0,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...callAdminQueries.all(), id] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/admin/calls/{id}', { params: { path: { id } }, signal })),
      staleTime: 0,
    }),
};

/** What a call is built from: the schemes (schema and call form) and the county's frames. */
export const callAdminLookups = {
  schemes: () =>
    queryOptions({
      queryKey: ['schemes', 'list'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/schemes', { signal })),
      staleTime: Infinity,
    }),
  frames: () =>
    queryOptions({
      queryKey: ['admin-calls', 'frames'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/frames', { signal })),
    }),
};

/** The public list of calls, to invalidate once a call is published. */
export const PUBLIC_CALLS_KEY = ['calls'] as const;

const command = (key: string) => ({ header: { 'Idempotency-Key': key } });

export const createCall = (body: CreateCall, key: string) =>
  unwrap(api.POST('/api/v1/admin/calls', { params: command(key), body }));

export const updateCall = (id: string, body: UpdateCall, key: string) =>
  unwrap(api.PATCH('/api/v1/admin/calls/{id}', { params: { path: { id }, ...command(key) }, body }));

export const publishCall = (id: string, key: string) =>
  unwrap(api.POST('/api/v1/admin/calls/{id}/publish', { params: { path: { id }, ...command(key) } }));
