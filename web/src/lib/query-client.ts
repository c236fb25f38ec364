import { QueryClient } from '@tanstack/react-query';
import { ProblemError } from '../api/problem';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      // A refusal (4xx) will not change by asking again.
      retry: (failures, error) =>
        !(error instanceof ProblemError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});
