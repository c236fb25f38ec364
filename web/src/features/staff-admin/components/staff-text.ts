import { ProblemError } from '../../../api/problem';
import type { StaffMember, StaffRole } from '../../../api/types';
import type { MessageKey } from '../../../i18n/nb';

export const ROLES: readonly StaffRole[] = ['case_officer', 'approver', 'finance', 'admin'];

export const roleName = (role: StaffRole): MessageKey => `staffAdmin.role.${role}`;
export const roleHelp = (role: StaffRole): MessageKey => `staffAdmin.role.${role}.help`;

type Change = NonNullable<StaffMember['lastChange']>['action'];
export const changeName = (action: Change): MessageKey => `staffAdmin.change.${action}`;

/** Where a staff member stands: deactivated, invited (the link still open or expired), or active. */
export function staffStatus(member: StaffMember): {
  text: MessageKey;
  color: 'success' | 'danger' | 'info' | 'warning';
} {
  if (!member.active) return { text: 'staffAdmin.status.deactivated', color: 'danger' };
  if (member.invitationPending)
    return member.invitationExpiresAt
      ? { text: 'staffAdmin.status.invited', color: 'info' }
      : { text: 'staffAdmin.status.invitationExpired', color: 'warning' };
  return { text: 'staffAdmin.status.active', color: 'success' };
}

/** A refusal of a change in words: the API's code where we have a text for it. */
export function refusalText(error: unknown): MessageKey {
  if (!(error instanceof ProblemError)) return 'app.error';
  switch (error.problem.code) {
    case 'stale_version':
      return 'staffAdmin.refusal.stale';
    case 'own_admin_role':
      return 'staffAdmin.roles.ownAdmin';
    case 'deactivate_self':
      return 'staffAdmin.access.self';
    case 'email_taken':
      return 'staffAdmin.invite.emailTaken';
    case 'not_found':
      return 'staffAdmin.refusal.notFound';
    default:
      return 'app.error';
  }
}
