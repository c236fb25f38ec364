import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { profileQuery } from '../../../api/profile';
import type { EntryFilters } from '../../../api/types';

const PAGE_SIZE = 50;

/** The filters as a query string, the same for the page's reads and the CSV download. */
export function filterQuery(filters: EntryFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (typeof value === 'string' && value !== '') query.set(key, value);
  return query;
}

/** The CSV of the frame's entries with the filters the page shows (the browser downloads it). */
export function entriesCsvUrl(frameId: string, filters: EntryFilters): string {
  const query = filterQuery(filters).toString();
  return `/api/v1/frames/${encodeURIComponent(frameId)}/entries.csv${query ? `?${query}` : ''}`;
}

/** One frame's heading and its ledger (posteringer), newest first, a keyset page at a time. */
export const frameLedgerQueries = {
  all: () => ['frame-ledger'] as const,
  /** Who is reading: finance may change the frame, approvers only read. */
  me: () => profileQuery(frameLedgerQueries.all()),
  frame: (frameId: string) =>
    queryOptions({
      queryKey: [...frameLedgerQueries.all(), frameId, 'frame'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/frames/{id}', { params: { path: { id: frameId } }, signal })),
      staleTime: 0,
    }),
  entries: (frameId: string, filters: EntryFilters) =>
    infiniteQueryOptions({
      queryKey: [...frameLedgerQueries.all(), frameId, 'entries', filters] as const,
      queryFn: ({ pageParam, signal }) =>
        unwrap(
          api.GET('/api/v1/frames/{id}/entries', {
            params: {
              path: { id: frameId },
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
