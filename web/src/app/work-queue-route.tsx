import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { sessionQueries } from '../features/session/api/session-queries';
import { homePathFor } from '../features/session/session-paths';
import { WorkQueuePage } from '../features/workspace/components/work-queue-page';

/** The work queue, for the county's staff (behind RequireSignIn); anyone else goes to their own start. */
export function WorkQueueRoute() {
  const me = useQuery(sessionQueries.me());
  if (!me.data) return null;
  if (me.data.kind !== 'staff') return <Navigate to={homePathFor(me.data)} replace />;
  return <WorkQueuePage profile={me.data} />;
}
