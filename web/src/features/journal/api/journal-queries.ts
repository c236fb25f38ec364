import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { JournalFilters } from '../../../api/types';

/** The county's journal (postjournal) for its staff, and a county's public journal for anyone. */
export const journalQueries = {
  all: () => ['journal'] as const,
  list: (filters: JournalFilters) =>
    queryOptions({
      queryKey: [...journalQueries.all(), 'list', filters] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/journal', { params: { query: { ...filters, limit: 500 } }, signal })),
      staleTime: 0,
    }),
  counties: () =>
    queryOptions({
      queryKey: [...journalQueries.all(), 'counties'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/public/journal/counties', { signal })),
      staleTime: 5 * 60_000,
    }),
  publicList: (county: string) =>
    queryOptions({
      queryKey: [...journalQueries.all(), 'public', county] as const,
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/v1/public/journal', { params: { query: { county, limit: 500 } }, signal })),
      staleTime: 0,
    }),
};
