import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet } from 'react-router';
import type { Profile } from '../api/types';
import { sessionQueries } from '../features/session/api/session-queries';
import { homePathFor } from '../features/session/session-paths';

/**
 * Pages below it are for the county's staff with one of these roles (behind RequireSignIn); anyone
 * else goes to their own start page. The API refuses them anyway: this spares them a page of 403s.
 */
export function StaffOnly({ roles }: { roles: readonly Profile['roles'][number][] }) {
  const me = useQuery(sessionQueries.me());
  if (!me.data) return null;
  if (me.data.kind !== 'staff' || !roles.some((role) => me.data?.roles.includes(role))) {
    return <Navigate to={homePathFor(me.data)} replace />;
  }
  return <Outlet />;
}
