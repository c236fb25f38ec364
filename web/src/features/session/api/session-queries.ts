import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { profileQuery } from '../../../api/profile';
import { ProblemError } from '../../../api/problem';

/** Who is signed in: the profile, or null when nobody is (401 is an answer here, not a failure). */
export const sessionQueries = {
  all: () => ['session'] as const,
  me: () => profileQuery(sessionQueries.all()),
};

export interface Credentials {
  email: string;
  password: string;
}

/** Signs in by e-mail and password: the API sets the session cookie; then everything is re-read. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => unwrap(api.POST('/api/v1/auth/session', { body: credentials })),
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      await queryClient.fetchQuery({ ...sessionQueries.me(), staleTime: 0 });
    },
  });
}

/** Chooses a password with an invitation's token; the answer names the address to sign in with. */
export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      unwrap(api.POST('/api/v1/invitations/accept', { body })),
  });
}

/**
 * Signs out: the user first leaves for the front page (so that no page for signed-in users is left
 * to send them to sign in again, whatever request fails first), then the API clears the cookies, and
 * nothing of theirs stays in the cache.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    onMutate: () => navigate('/'),
    mutationFn: async () => {
      const { response } = await api.DELETE('/api/v1/auth/session');
      if (!response.ok) throw new ProblemError(response.status, {});
    },
    onSettled: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      queryClient.setQueryData(sessionQueries.me().queryKey, null);
    },
  });
}
