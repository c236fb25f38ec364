import { useQuery } from '@tanstack/react-query';
import { ApplyPage } from '../features/applications/components/apply-page';
import { sessionQueries } from '../features/session/api/session-queries';

/** The apply page for the organisations the signed-in user acts for (behind RequireSignIn). */
export function ApplyRoute() {
  const me = useQuery(sessionQueries.me());
  return <ApplyPage organisations={me.data?.organisations ?? []} />;
}
