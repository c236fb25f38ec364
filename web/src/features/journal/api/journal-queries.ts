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
};
