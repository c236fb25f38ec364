import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { sessionQueries } from '../api/session-queries';
import { SIGN_IN_PATH, type SignInState } from '../session-paths';

/** Pages below it are for signed-in users: anyone else signs in first and comes back here after. */
export function RequireSignIn() {
  const me = useQuery(sessionQueries.me());
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadFailed />;
  if (me.data === null) {
    const state: SignInState = { from: `${location.pathname}${location.search}${location.hash}` };
    return <Navigate to={SIGN_IN_PATH} replace state={state} />;
  }
  return <Outlet />;
}
