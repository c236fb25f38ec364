// The last recorded change of a staff member, and their roles, in words.
import type { StaffMember, StaffRole } from '../../../api/types';
import { useI18n, type Translate } from '../../../i18n/i18n';
import { changeName, roleName } from './staff-text';

export function LastChange({ member }: { member: StaffMember }) {
  const { t, date } = useI18n();
  const change = member.lastChange;
  if (!change) return null;
  const values = { change: t(changeName(change.action)), date: date(change.at), name: change.byName ?? '' };
  return (
    <>{change.byName ? t('staffAdmin.change.when', values) : t('staffAdmin.change.whenBySystem', values)}</>
  );
}

export const rolesInWords = (roles: readonly StaffRole[], t: Translate) =>
  roles.map((role) => t(roleName(role))).join(', ');
