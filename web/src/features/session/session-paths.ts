import type { Profile } from '../../api/types';
import {
  ADMIN_CALLS_PATH,
  ADMIN_STAFF_PATH,
  CLAIMS_PATH,
  FINANCE_PATH,
  JOURNAL_PATH,
  PAYMENTS_DUE_PATH,
  WORK_QUEUE_ROUTE,
} from '../../lib/paths';

export const SIGN_IN_PATH = '/logg-inn';
/** Where a signed-in applicant starts. */
export const HOME_PATH = '/soknader';
/** Where case officers and approvers start: the work queue. */
export const STAFF_HOME_PATH = `/${WORK_QUEUE_ROUTE}`;

type StaffRole = Profile['roles'][number];

/** A part of the county's workspace, and the roles that may open it. */
export interface StaffSection {
  /** i18n key of its name in the menu. */
  label:
    | 'workspace.nav'
    | 'finance.nav'
    | 'payments.nav'
    | 'claims.nav'
    | 'callAdmin.nav'
    | 'staffAdmin.nav'
    | 'journal.nav';
  path: string;
  roles: readonly StaffRole[];
}

/** The workspace's sections in menu order; approvers read frames (they decide against them). */
export const STAFF_SECTIONS: readonly StaffSection[] = [
  { label: 'workspace.nav', path: STAFF_HOME_PATH, roles: ['case_officer', 'approver'] },
  { label: 'finance.nav', path: FINANCE_PATH, roles: ['finance', 'approver'] },
  { label: 'payments.nav', path: PAYMENTS_DUE_PATH, roles: ['finance'] },
  { label: 'claims.nav', path: CLAIMS_PATH, roles: ['finance'] },
  { label: 'callAdmin.nav', path: ADMIN_CALLS_PATH, roles: ['admin'] },
  { label: 'staffAdmin.nav', path: ADMIN_STAFF_PATH, roles: ['admin'] },
  { label: 'journal.nav', path: JOURNAL_PATH, roles: ['case_officer', 'approver', 'finance', 'admin'] },
];

/** The sections a staff member may open. */
export const sectionsFor = (profile: Pick<Profile, 'kind' | 'roles'>): StaffSection[] =>
  profile.kind === 'staff'
    ? STAFF_SECTIONS.filter((s) => s.roles.some((r) => profile.roles.includes(r)))
    : [];

/**
 * Where a signed-in user starts: applicants with their applications, staff in their first section
 * (case officers and approvers in the work queue, finance in the frames, administrators in the calls).
 */
export const homePathFor = (profile: Pick<Profile, 'kind' | 'roles'> | null | undefined): string => {
  if (profile?.kind !== 'staff') return HOME_PATH;
  return sectionsFor(profile)[0]?.path ?? STAFF_HOME_PATH;
};

/** The page the route guard sent the user from, to go back to after signing in. */
export interface SignInState {
  from?: string;
}
