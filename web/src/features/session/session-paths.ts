import { WORK_QUEUE_ROUTE } from '../../lib/paths';

export const SIGN_IN_PATH = '/logg-inn';
/** Where a signed-in applicant starts. */
export const HOME_PATH = '/soknader';
/** Where the county's staff start: the work queue. */
export const STAFF_HOME_PATH = `/${WORK_QUEUE_ROUTE}`;

/** Where a signed-in user starts: applicants with their applications, staff with the work queue. */
export const homePathFor = (profile: { kind: 'applicant' | 'staff' } | null | undefined): string =>
  profile?.kind === 'staff' ? STAFF_HOME_PATH : HOME_PATH;

/** The page the route guard sent the user from, to go back to after signing in. */
export interface SignInState {
  from?: string;
}
