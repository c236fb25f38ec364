import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { ProblemError } from './problem';
import type { Profile } from './types';

/**
 * Who is reading, under a feature's own query key (`[...scope, 'me']`, so that the feature's
 * invalidations and sign-out's clearing reach it as before): the profile, or null when nobody is
 * signed in (401 is an answer here, not a failure); any other refusal is thrown as its problem.
 */
export function profileQuery<const Scope extends readonly string[]>(scope: Scope) {
  return queryOptions({
    queryKey: [...scope, 'me'] as const,
    queryFn: async ({ signal }): Promise<Profile | null> => {
      const { data, error, response } = await api.GET('/api/v1/me', { signal });
      if (data !== undefined) return data;
      if (response.status === 401) return null;
      throw new ProblemError(response.status, error ?? {});
    },
    staleTime: 5 * 60_000,
  });
}
