import { getNextTransitions, initialTransition, transition as xstateTransition } from 'xstate';
import type { LifecycleInput } from './context';
import { isEffect, isEffectKind, type Effect } from './effects';
import {
  EVENT_TYPES,
  isEventType,
  type LifecycleEvent,
  type LifecycleEventType,
  type MachineEvent,
} from './events';
import type { LifecycleDefinition, VariationEffectHook } from './lifecycle.definition';
import { eventReasons, preconditionReasons } from './lifecycle.rules';
import { hasAnyRole, type EngineActor, type Role } from './roles';
import { migrateSnapshot, type StoredLifecycle } from './snapshot-migrations';
import { viewOf, type JsonStateValue, type LifecycleStateView } from './state-view';
import { isInstant } from './time';

/** The event was applied. Persist `snapshot`, `to.status`/`to.state`, and carry out `effects` in order. */
export interface TransitionAccepted {
  readonly ok: true;
  readonly event: LifecycleEventType;
  /** The new stored snapshot, at the definition's current version: plain JSON. */
  readonly snapshot: StoredLifecycle;
  readonly from: LifecycleStateView;
  readonly to: LifecycleStateView;
  readonly effects: readonly Effect[];
  /** The version the stored snapshot had when it had to be migrated first; null when it was current. */
  readonly migratedFrom: number | null;
}

/** Why an event was refused. Nothing changed; nothing is to be persisted. */
export type TransitionRefused = {
  readonly ok: false;
  readonly eventType: string;
  /** Where the case stands (unchanged). */
  readonly state: LifecycleStateView;
  /** One human-readable sentence. */
  readonly detail: string;
} & (
  | { readonly reason: 'unknown_event' }
  | { readonly reason: 'forbidden'; readonly requiredRoles: readonly Role[] }
  | { readonly reason: 'not_accepted'; readonly allowedEvents: readonly LifecycleEventType[] }
  | { readonly reason: 'guard_failed'; readonly reasons: readonly string[] }
);

export type TransitionResult = TransitionAccepted | TransitionRefused;

/** The snapshot of a new draft (or whatever the lifecycle starts in). */
export function initialSnapshot(definition: LifecycleDefinition, input: LifecycleInput): StoredLifecycle {
  if (!isInstant(input.createdAt))
    throw new RangeError(`createdAt ${JSON.stringify(input.createdAt)} is not an instant`);
  const [snapshot] = initialTransition(definition.machine, input);
  return toStored(definition, snapshot.value, snapshot.context);
}

/** Status, leaf state and tags of a stored snapshot (migrating it first if it is older). */
export function describeState(definition: LifecycleDefinition, stored: StoredLifecycle): LifecycleStateView {
  return viewOf(restore(definition, migrateSnapshot(definition, stored)));
}

/**
 * The events `actor` may send now, in catalogue order: accepted by the current state, allowed for one
 * of the actor's roles, and not ruled out by a payload-independent rule (four eyes, deadlines, …) at
 * time `at`. Payload rules (amount ≤ maximum, …) can still refuse one when sent. Use it for buttons,
 * and read it from a `not_accepted` refusal for the 409.
 */
export function allowedEvents(
  definition: LifecycleDefinition,
  stored: StoredLifecycle,
  actor: EngineActor,
  at: string,
): LifecycleEventType[] {
  const snapshot = restore(definition, migrateSnapshot(definition, stored));
  return allowedIn(definition, snapshot, actor, at);
}

/**
 * Whether `actor` could send an event of this type now, before its payload is prepared (which may
 * cost database reads): the catalogue, the role, the state and the payload-independent rules, with
 * the same refusals `transition` gives. Null when it could.
 */
export function checkEvent(
  definition: LifecycleDefinition,
  stored: StoredLifecycle,
  eventType: string,
  actor: EngineActor,
  at: string,
): TransitionRefused | null {
  const snapshot = restore(definition, migrateSnapshot(definition, stored));
  const refused = refuseByKindRoleOrState(definition, snapshot, eventType, actor, at);
  if (refused) return refused;
  if (!isEventType(eventType)) throw new Error('unreachable: the event type was checked');
  const reasons = preconditionReasons(eventType, snapshot.context, actor, at);
  return reasons.length > 0
    ? {
        ok: false,
        eventType,
        state: viewOf(snapshot),
        reason: 'guard_failed',
        reasons,
        detail: reasons.join('; '),
      }
    : null;
}

/** The first three checks of every event: in the catalogue, sent by an allowed role, accepted by the state. */
function refuseByKindRoleOrState(
  definition: LifecycleDefinition,
  snapshot: RestoredSnapshot,
  eventType: string,
  actor: EngineActor,
  at: string,
): TransitionRefused | null {
  const state = viewOf(snapshot);
  const refuse = { ok: false as const, eventType, state };
  if (!isEventType(eventType)) {
    return { ...refuse, reason: 'unknown_event', detail: `${eventType} is not a lifecycle event` };
  }
  const requiredRoles = definition.eventRoles[eventType];
  if (!hasAnyRole(actor, requiredRoles)) {
    return {
      ...refuse,
      reason: 'forbidden',
      requiredRoles,
      detail: `only ${requiredRoles.join(' or ')} may send ${eventType}`,
    };
  }
  if (!acceptedIn(snapshot).has(eventType)) {
    return {
      ...refuse,
      reason: 'not_accepted',
      allowedEvents: allowedIn(definition, snapshot, actor, at),
      detail: `${eventType} is not accepted while the application is ${state.state}`,
    };
  }
  return null;
}

/**
 * Applies one event, purely: no actor is started, no action is executed, no clock is read.
 *
 * Checks, in order: the event type is in the catalogue (`unknown_event`), one of the actor's roles may
 * send it (`forbidden`), the current state accepts it (`not_accepted`, with the events the actor may
 * send instead), and every rule passes (`guard_failed`, with reasons). An older stored snapshot is
 * migrated first. The machine's own `can()` is asserted to agree with the rules.
 */
export function transition(
  definition: LifecycleDefinition,
  stored: StoredLifecycle,
  event: LifecycleEvent,
  actor: EngineActor,
): TransitionResult {
  const current = migrateSnapshot(definition, stored);
  const migratedFrom = current.version === stored.version ? null : stored.version;
  const snapshot = restore(definition, current);
  const from = viewOf(snapshot);
  const eventType: unknown = event.type;
  const refused = refuseByKindRoleOrState(definition, snapshot, String(eventType), actor, event.at);
  if (refused) return refused;
  if (!isEventType(eventType)) throw new Error('unreachable: the event type was checked');
  const refuse = { ok: false as const, eventType, state: from };

  const machineEvent = { ...event, actor: { userId: actor.userId, roles: [...actor.roles] } } as MachineEvent;
  const reasons = eventReasons(snapshot.context, machineEvent, definition.options);
  if (reasons.length > 0) return { ...refuse, reason: 'guard_failed', reasons, detail: reasons.join('; ') };
  if (!snapshot.can(machineEvent)) {
    throw new Error(
      `lifecycle "${definition.id}": the rules allow ${eventType} in ${from.state} but the machine does not`,
    );
  }

  const [next, actions] = xstateTransition(definition.machine, snapshot, machineEvent);
  if (next.status !== 'active') {
    throw new Error(`lifecycle "${definition.id}": ${eventType} left the machine ${next.status}`, {
      cause: next.error,
    });
  }
  const to = viewOf(next);
  const hook = definition.effects[eventType] as VariationEffectHook<LifecycleEventType> | undefined;
  const effects = [
    ...actions
      .filter((action) => isEffectKind(action.type))
      .map((action) => ({ kind: action.type, ...(action.params as object) })),
    ...(hook?.({ event: machineEvent, from, to, context: next.context }) ?? []),
  ];
  const broken = effects.filter((effect) => !isEffect(effect));
  if (broken.length > 0) {
    throw new Error(
      `lifecycle "${definition.id}": ${eventType} produced effects outside the catalogue: ${JSON.stringify(broken)}`,
    );
  }

  return {
    ok: true,
    event: eventType,
    snapshot: toStored(definition, next.value, next.context),
    from,
    to,
    effects: effects as Effect[],
    migratedFrom,
  };
}

/** The machine snapshot for a current stored snapshot (`resolveState` is pure: it starts nothing). */
function restore(definition: LifecycleDefinition, stored: StoredLifecycle) {
  return definition.machine.resolveState({ value: stored.state.value, context: stored.state.context });
}

type RestoredSnapshot = ReturnType<typeof restore>;

/** Event types some transition of the active states handles, guards not considered. */
function acceptedIn(snapshot: RestoredSnapshot): Set<string> {
  return new Set(getNextTransitions(snapshot).map((t) => t.eventType as string));
}

function allowedIn(
  definition: LifecycleDefinition,
  snapshot: RestoredSnapshot,
  actor: EngineActor,
  at: string,
): LifecycleEventType[] {
  const accepted = acceptedIn(snapshot);
  return EVENT_TYPES.filter(
    (type) =>
      accepted.has(type) &&
      hasAnyRole(actor, definition.eventRoles[type]) &&
      preconditionReasons(type, snapshot.context, actor, at).length === 0,
  );
}

function toStored(definition: LifecycleDefinition, value: unknown, context: unknown): StoredLifecycle {
  // A JSON round trip: what is returned is exactly what the database will give back.
  return JSON.parse(
    JSON.stringify({
      machineId: definition.id,
      version: definition.version,
      state: { value: value as JsonStateValue, context },
    }),
  ) as StoredLifecycle;
}
