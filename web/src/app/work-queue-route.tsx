import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from '../features/session/api/session-queries';
import { WorkQueuePage } from '../features/workspace/components/work-queue-page';

/** The work queue with the signed-in staff member's county and roles (behind StaffOnly). */
export function WorkQueueRoute() {
  const me = useQuery(sessionQueries.me());
  return me.data ? <WorkQueuePage profile={me.data} /> : null;
}
