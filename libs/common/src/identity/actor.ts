/** Roles a county employee can hold. Applicants have no role: they act for their organisations. */
export const STAFF_ROLES = ['case_officer', 'approver', 'finance', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Who is acting, passed explicitly as the first argument of every service call (no ambient state).
 * An applicant acts for the organisations it belongs to; staff act within their county.
 */
export type Actor =
  | { kind: 'applicant'; userId: string; email: string; organisationIds: readonly string[] }
  | { kind: 'staff'; userId: string; email: string; countyId: string; roles: readonly StaffRole[] }
  | { kind: 'system'; userId: null; reason: string };

export const isStaff = (actor: Actor): actor is Extract<Actor, { kind: 'staff' }> => actor.kind === 'staff';
export const isApplicant = (actor: Actor): actor is Extract<Actor, { kind: 'applicant' }> =>
  actor.kind === 'applicant';
