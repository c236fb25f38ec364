import { Actor, DomainError, notFound } from '@lib/common';
import type { LifecycleEventType, SchemeDefinition } from '@lib/engine';
import type { EntityManager } from 'typeorm';
import { County } from '../counties/county.entity';
import { UserAccount } from '../users/user.entity';
import type { Application } from './application.entity';
import { ImpartialityDeclaration } from './impartiality-declaration.entity';
import type { CaseImpartialityDto } from './impartiality.dto';

/** The audit event of a declaration of impartiality; not a lifecycle event, the state stays. */
export const IMPARTIALITY_EVENT = 'DECLARE_IMPARTIALITY';

/** The roles that act on a case and so declare impartiality on it (finance and admin do not decide cases). */
export const DECLARING_ROLES = ['case_officer', 'approver'] as const;

/**
 * A member of staff's standing on a case: partial if they ever declared so (that stands for good),
 * else impartial if they declared so, else nothing yet.
 */
export async function currentDeclaration(
  manager: EntityManager,
  applicationId: string,
  userId: string,
): Promise<Pick<ImpartialityDeclaration, 'verdict'> | null> {
  const rows = await manager.find(ImpartialityDeclaration, {
    select: { verdict: true },
    where: { applicationId, userId },
  });
  return rows.find((r) => r.verdict === 'partial') ?? rows[0] ?? null;
}

export function partialOnCase(who: 'you' | 'assignee'): DomainError {
  return new DomainError(
    'forbidden',
    'partial_on_case',
    who === 'you'
      ? 'You declared yourself partial (inhabil) on this case and may not act on it'
      : 'The case officer named declared themselves partial (inhabil) on this case and cannot be given it',
  );
}

/** Whether the case's county asks its staff to declare impartiality before acting. */
export async function impartialityRequired(manager: EntityManager, countyId: string): Promise<boolean> {
  const county = await manager.findOneBy(County, { id: countyId });
  return county?.impartialityRequired ?? true;
}

/**
 * The check before a member of staff acts on a case (habilitet, forvaltningsloven §§ 6–8): someone
 * who declared themselves partial never acts on it; where the county requires it, nobody acts on it
 * without a current declaration of impartiality. Applicants and the system are not asked.
 */
export async function assertMayActOnCase(
  tx: EntityManager,
  actor: Actor,
  application: Pick<Application, 'id' | 'countyId'>,
): Promise<void> {
  if (actor.kind !== 'staff') return;
  const mine = await currentDeclaration(tx, application.id, actor.userId);
  if (mine?.verdict === 'partial') throw partialOnCase('you');
  if (mine?.verdict === 'impartial') return;
  if (!(await impartialityRequired(tx, application.countyId))) return;
  throw new DomainError(
    'conflict',
    'impartiality_not_declared',
    'Declare whether you are impartial (habil) on this case before acting on it',
  );
}

/**
 * The check for a lifecycle command: only for a sender whose role may send the event (a wrong role
 * stays a 403 `event_forbidden`). Assigning the case distributes work and prepares no decision, so
 * it asks no declaration of the sender; but neither the sender nor the officer who is given the case
 * may be partial on it.
 */
export async function assertMayCommand(
  tx: EntityManager,
  actor: Actor,
  application: Pick<Application, 'id' | 'countyId'>,
  scheme: SchemeDefinition,
  type: LifecycleEventType,
  body: Record<string, unknown>,
): Promise<void> {
  if (actor.kind !== 'staff') return;
  const allowed: readonly string[] = scheme.lifecycle.eventRoles[type];
  if (!actor.roles.some((role) => allowed.includes(role))) return;
  if (type !== 'ASSIGN') return assertMayActOnCase(tx, actor, application);
  if ((await currentDeclaration(tx, application.id, actor.userId))?.verdict === 'partial')
    throw partialOnCase('you');
  const assignee = typeof body.caseOfficerId === 'string' ? body.caseOfficerId : actor.userId;
  if (
    assignee !== actor.userId &&
    (await currentDeclaration(tx, application.id, assignee))?.verdict === 'partial'
  )
    throw partialOnCase('assignee');
}

/** Impartiality on the case as a member of the county's staff reads it; null for anyone else. */
export async function caseImpartiality(
  manager: EntityManager,
  actor: Actor,
  application: Pick<Application, 'id' | 'countyId'>,
): Promise<CaseImpartialityDto | null> {
  if (actor.kind !== 'staff') return null;
  const rows = await manager.find(ImpartialityDeclaration, {
    where: { applicationId: application.id },
    order: { declaredAt: 'ASC', id: 'ASC' },
  });
  const ids = [...new Set(rows.map((r) => r.userId))];
  const users = ids.length
    ? await manager
        .createQueryBuilder(UserAccount, 'u')
        .select(['u.id', 'u.fullName'])
        .where('u.id IN (:...ids)', { ids })
        .getMany()
    : [];
  const names = new Map(users.map((u) => [u.id, u.fullName]));
  const mine = rows
    .filter((r) => r.userId === actor.userId)
    .sort((a, b) => (a.verdict === 'partial' ? -1 : b.verdict === 'partial' ? 1 : 0))[0];
  return {
    required: await impartialityRequired(manager, application.countyId),
    mine: mine?.verdict ?? null,
    declarations: rows.map((r) => ({
      userId: r.userId,
      name: names.get(r.userId) ?? '',
      verdict: r.verdict,
      ground: r.ground,
      explanation: r.explanation,
      declaredAt: r.declaredAt.toISOString(),
    })),
  };
}

/** The county's staff who may see the case; anyone else is told there is no such case. */
export function staffOnCase(actor: Actor): Extract<Actor, { kind: 'staff' }> {
  if (actor.kind !== 'staff') throw notFound('Application');
  return actor;
}
