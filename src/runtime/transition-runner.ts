import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError } from '@lib/common';
import {
  checkEvent,
  pendingRecommendedAmount,
  toEngineActor,
  transition,
  type EngineActor,
  type LifecycleContext,
  type LifecycleEvent,
  type LifecycleEventType,
  type SchemeDefinition,
  type TransitionRefused,
} from '@lib/engine';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { EffectRunner, type EffectContext } from './effect-runner';
import type { LifecycleCase } from './lifecycle-case';

/** The body of a command as it came (over HTTP, validated by the controller, or `{}` from a deadline). */
export type CommandBody = Record<string, unknown>;

/** One command to a case, on its way to becoming the engine's event of type `T`. */
export interface EventCommand<C extends LifecycleCase, T extends LifecycleEventType = LifecycleEventType> {
  readonly tx: EntityManager;
  readonly actor: Actor;
  /** Locked by the caller for the transaction, and visible to the actor. */
  readonly application: C;
  readonly scheme: SchemeDefinition;
  readonly type: T;
  readonly body: CommandBody;
  readonly now: Date;
  /** `now` as the engine's instant. */
  readonly at: string;
  /** The lifecycle context before the event. */
  readonly context: LifecycleContext;
}

/**
 * Turns a command into the engine's event, doing the owning feature's part where one is needed (a
 * scheme's eligibility rules on submission, a stored report); throws a `DomainError` to refuse.
 */
export type EventPreparer<C extends LifecycleCase, T extends LifecycleEventType> = (
  command: EventCommand<C, T>,
) => Promise<LifecycleEvent<T>>;

/** One preparer for each event of the engine's catalogue. */
export type EventPreparers<C extends LifecycleCase> = {
  readonly [T in LifecycleEventType]: EventPreparer<C, T>;
};

/** For an event whose command body is its payload as it is. */
export const fromBody = async <T extends LifecycleEventType>({
  body,
  type,
  at,
}: EventCommand<LifecycleCase, T>): Promise<LifecycleEvent<T>> =>
  ({ ...body, type, at }) as LifecycleEvent<T>;

/** The engine's view of the actor: an applicant acts as the applicant of its own organisation's cases. */
export function engineActorFor(
  actor: Actor,
  application: Pick<LifecycleCase, 'organisationId'>,
): EngineActor {
  return toEngineActor(
    actor,
    actor.kind === 'applicant' && actor.organisationIds.includes(application.organisationId),
  );
}

/** An engine refusal as the coded error the API answers with. */
function refusal(r: TransitionRefused): DomainError {
  // Not `status`: that member of a problem document is the HTTP status.
  const where = { currentStatus: r.state.status, currentState: r.state.state };
  switch (r.reason) {
    case 'unknown_event':
      return new DomainError('bad_request', 'unknown_event', r.detail);
    case 'forbidden':
      return new DomainError('forbidden', 'event_forbidden', r.detail, {
        ...where,
        requiredRoles: r.requiredRoles,
      });
    case 'not_accepted':
      return new DomainError('conflict', 'event_not_accepted', r.detail, {
        ...where,
        allowedEvents: r.allowedEvents,
      });
    case 'guard_failed':
      return new DomainError('unprocessable', 'rule_failed', r.detail, { ...where, reasons: r.reasons });
  }
}

/**
 * Runs one transition of a case, inside a transaction the caller owns and with the case's row locked
 * by it: check who may send the event in this state, prepare the event (the feature's part), let the
 * pure engine decide, then store the snapshot and the columns it drives, the audit record and the
 * effects together, or nothing. The single path by which a case changes state, for people (over HTTP)
 * and for the system (deadline jobs) alike.
 */
/** What a transition did: its effects' context, the event and the statuses it moved between. */
export interface TransitionDone extends EffectContext {
  readonly event: string;
  readonly fromStatus: string | null;
  readonly toStatus: string;
}

@Injectable()
export class TransitionRunner {
  constructor(
    private readonly audit: AuditRepository,
    private readonly effects: EffectRunner,
    private readonly clock: Clock,
  ) {}

  async run<C extends LifecycleCase>(
    tx: EntityManager,
    command: Pick<EventCommand<C>, 'actor' | 'application' | 'scheme' | 'type' | 'body'>,
    preparers: EventPreparers<C>,
  ): Promise<TransitionDone> {
    const { actor, application, scheme, type } = command;
    const engineActor = engineActorFor(actor, application);
    const stored = application.snapshot;
    const now = this.clock.now();
    const at = now.toISOString();

    // Role and state first, so that a wrong-state command is a 409 before any form is judged.
    const early = checkEvent(scheme.lifecycle, stored, type, engineActor, at);
    if (early) throw refusal(early);

    const prepare = preparers[type] as EventPreparer<C, LifecycleEventType>;
    const event = await prepare({ ...command, tx, now, at, context: stored.state.context });
    const result = transition(scheme.lifecycle, stored, event, engineActor);
    if (!result.ok) throw refusal(result);

    const context = result.snapshot.state.context;
    application.snapshot = result.snapshot;
    application.status = result.to.status;
    application.state = result.to.state;
    application.machineId = result.snapshot.machineId;
    application.machineVersion = result.snapshot.version;
    application.maximumAmount = context.maximumAmount;
    application.grantedAmount = context.decision?.kind === 'grant' ? context.decision.amount : null;
    application.recommendedAmount = pendingRecommendedAmount(context);
    application.caseOfficerId = context.caseOfficerId;
    application.submittedAt = context.submittedAt ? new Date(context.submittedAt) : null;
    await tx.save(application);

    const role = actorRole(engineActor, type, scheme);
    const record = await this.audit.append(tx, {
      applicationId: application.id,
      actorUserId: engineActor.userId,
      actorRole: role,
      event: type,
      fromState: result.from.state,
      toState: result.to.state,
      payload: eventPayload(event),
      effects: [...result.effects],
      machineId: result.snapshot.machineId,
      machineVersion: result.snapshot.version,
      occurredAt: at,
    });
    const effectContext = {
      tx,
      application,
      auditRecordId: record.id,
      actorUserId: engineActor.userId,
      actorRole: role,
      at: now,
    };
    await this.effects.run(result.effects, effectContext);
    return { ...effectContext, event: type, fromStatus: result.from.status, toStatus: result.to.status };
  }
}

/** The event as recorded: everything the engine received except the type, which has its own column. */
function eventPayload(event: LifecycleEvent): Record<string, unknown> {
  const { type: _type, ...rest } = event as { type: string } & Record<string, unknown>;
  return rest;
}

/** The role the actor acted in: the first of its roles that may send the event. */
function actorRole(actor: EngineActor, type: LifecycleEventType, scheme: SchemeDefinition): string {
  const allowed = scheme.lifecycle.eventRoles[type];
  return actor.roles.find((role) => allowed.includes(role)) ?? actor.roles[0] ?? 'unknown';
}
