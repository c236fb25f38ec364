/**
 * Who may send lifecycle events. These are audiences, not staff roles: `applicant` means "acts for the
 * organisation that owns this application" (the HTTP layer decides that before calling the engine), and
 * `system` is the deadline worker.
 */
export const ROLES = ['applicant', 'case_officer', 'approver', 'finance', 'system'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The actor as the engine sees it. `userId` is null only for `system`; decisions and recommendations
 * record it, and the four-eyes rule compares it.
 */
export interface EngineActor {
  readonly userId: string | null;
  readonly roles: readonly Role[];
}

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export const hasAnyRole = (actor: EngineActor, roles: readonly Role[]): boolean =>
  actor.roles.some((role) => roles.includes(role));
