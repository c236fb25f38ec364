import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { profileQuery } from '../../../api/profile';
import type { StaffRole } from '../../../api/types';

/** The county's staff, for its administrators. */
export const staffQueries = {
  all: () => ['staff-admin'] as const,
  /** Who is administering: nobody deactivates themselves. */
  me: () => profileQuery(staffQueries.all()),
  list: () =>
    queryOptions({
      queryKey: [...staffQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/staff', { signal })),
      staleTime: 0,
    }),
};

export interface Invitation {
  fullName: string;
  email: string;
  roles: StaffRole[];
}

/** A key per attempt: a double click or a retried request invites, changes or deactivates once. */
const once = () => ({ 'Idempotency-Key': crypto.randomUUID() });

/** Invites a new staff member by e-mail; the list is read again. */
export function useInviteStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitation: Invitation) =>
      unwrap(api.POST('/api/v1/staff/invitations', { params: { header: once() }, body: invitation })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffQueries.all() }),
  });
}

/** Sends a new invitation link to someone who has not chosen a password yet. */
export function useReinvite(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      unwrap(
        api.POST('/api/v1/staff/{id}/invitations', {
          params: { path: { id }, header: once() },
          body: { version },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffQueries.all() }),
  });
}

/** Sets a staff member's roles, on the version the administrator saw. */
export function useChangeRoles(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; roles: StaffRole[] }) =>
      unwrap(api.PATCH('/api/v1/staff/{id}', { params: { path: { id }, header: once() }, body })),
    // A stale version too: the page shows the current one for the next try.
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffQueries.all() }),
  });
}

/** Deactivates or reactivates a staff member. */
export function useSetActive(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ active, version }: { active: boolean; version: number }) => {
      const params = { path: { id }, header: once() };
      return unwrap(
        active
          ? api.POST('/api/v1/staff/{id}/reactivate', { params, body: { version } })
          : api.POST('/api/v1/staff/{id}/deactivate', { params, body: { version } }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffQueries.all() }),
  });
}

/**
 * Opens the queue dashboard (bull-board, a page of the API's own): the API sets a short-lived cookie
 * for the dashboard's path, then the browser goes there.
 */
export function useOpenQueueDashboard() {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/admin/queues/session')),
    onSuccess: ({ url }) => window.location.assign(url),
  });
}
