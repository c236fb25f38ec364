import type { AnyStateNode } from 'xstate';
import type { LifecycleContext } from './context';
import type { Effect } from './effects';
import { EVENT_ROLES, EVENT_TYPES, isEventType, type LifecycleEventType, type MachineEvent } from './events';
import { createLifecycleMachine, type LifecycleMachine } from './lifecycle.machine';
import {
  DEFAULT_LIFECYCLE_OPTIONS,
  type FinalReportDue,
  type LifecycleOptions,
  type VariationRules,
} from './lifecycle.options';
import { isOre, type Ore } from '@lib/common';
import { isRole, type Role } from './roles';
import { SnapshotMigrations } from './snapshot-migrations';
import type { LifecycleStateView } from './state-view';
import { STATUS_TAG_PREFIX, STATUSES } from './tags';

/**
 * Extra effects a scheme adds to one event, computed from the context after the transition (for
 * instance an advance payment notice on ACCEPT). Only catalogue effects; pure.
 */
export type VariationEffectHook<T extends LifecycleEventType> = (args: {
  readonly event: MachineEvent<T>;
  readonly from: LifecycleStateView;
  readonly to: LifecycleStateView;
  readonly context: LifecycleContext;
}) => readonly Effect[];

export type VariationEffects = { readonly [K in LifecycleEventType]?: VariationEffectHook<K> };

/** What a scheme contributes to its lifecycle. Everything but `id` and `version` is optional. */
export interface LifecycleVariation {
  /** Stored with every snapshot; one per scheme, e.g. the scheme's id. */
  readonly id: string;
  /**
   * The shape version of stored snapshots (state names and context). Bump it, and register a
   * migration from the previous version, whenever the shape changes, in the kernel or the scheme.
   */
  readonly version: number;
  /** Days to accept a grant before it lapses. Default 21. */
  readonly acceptanceDays?: number;
  /** When the final report falls due. Default: on the project's end date. */
  readonly finalReportDue?: FinalReportDue;
  /** Grants above this many øre need a committee case reference. Default null (never). */
  readonly requireCommitteeAbove?: Ore | null;
  /** Replaces who may send single events (e.g. finance also approving reports). */
  readonly eventRoles?: { readonly [K in LifecycleEventType]?: readonly Role[] };
  /** Extra guards, per event. */
  readonly rules?: VariationRules;
  /** Extra effects, per event. */
  readonly effects?: VariationEffects;
  readonly migrations?: SnapshotMigrations;
}

/** A composed lifecycle: the machine plus everything the runner and the UI need to know about it. */
export interface LifecycleDefinition {
  readonly id: string;
  readonly version: number;
  readonly machine: LifecycleMachine;
  readonly options: LifecycleOptions;
  /** Who may send each event: the role table for documentation, the UI and `allowedEvents`. */
  readonly eventRoles: Readonly<Record<LifecycleEventType, readonly Role[]>>;
  readonly effects: VariationEffects;
  readonly migrations: SnapshotMigrations;
}

/** A definition that would misbehave at run time; thrown at start-up, listing every problem. */
export class LifecycleDefinitionError extends Error {
  override readonly name = 'LifecycleDefinitionError';

  constructor(
    readonly lifecycleId: string,
    readonly problems: readonly string[],
  ) {
    super(`lifecycle "${lifecycleId}" is invalid:\n- ${problems.join('\n- ')}`);
  }
}

/**
 * Composes the common lifecycle with a scheme's variation and validates the whole, so that a broken
 * scheme stops the process at start-up rather than a case at run time.
 */
export function defineLifecycle(variation: LifecycleVariation): LifecycleDefinition {
  const options: LifecycleOptions = {
    acceptanceDays: variation.acceptanceDays ?? DEFAULT_LIFECYCLE_OPTIONS.acceptanceDays,
    finalReportDue: variation.finalReportDue ?? DEFAULT_LIFECYCLE_OPTIONS.finalReportDue,
    requireCommitteeAbove:
      variation.requireCommitteeAbove === undefined
        ? DEFAULT_LIFECYCLE_OPTIONS.requireCommitteeAbove
        : variation.requireCommitteeAbove,
    rules: variation.rules ?? {},
  };
  const definition: LifecycleDefinition = {
    id: variation.id,
    version: variation.version,
    machine: createLifecycleMachine(options),
    options,
    eventRoles: { ...EVENT_ROLES, ...variation.eventRoles },
    effects: variation.effects ?? {},
    migrations: variation.migrations ?? new SnapshotMigrations(),
  };
  const problems = validateLifecycleDefinition(definition);
  if (problems.length > 0) throw new LifecycleDefinitionError(String(variation.id), problems);
  return definition;
}

/** Every problem with a definition, or none. `defineLifecycle` runs it; exported for start-up checks of the whole registry. */
export function validateLifecycleDefinition(definition: LifecycleDefinition): string[] {
  const { id, version, options } = definition;
  const problems: string[] = [];

  if (typeof id !== 'string' || !/^[a-z][a-z0-9_-]*$/.test(id)) {
    problems.push(`id ${JSON.stringify(id)} must be lower-case letters, digits, "-" or "_"`);
  }
  if (!Number.isSafeInteger(version) || version < 1)
    problems.push(`version ${version} must be a whole number of 1 or more`);
  if (!Number.isSafeInteger(options.acceptanceDays) || options.acceptanceDays < 1) {
    problems.push(`acceptanceDays ${options.acceptanceDays} must be a whole number of 1 or more`);
  }
  const { from, days } = options.finalReportDue;
  if (from !== 'project_end' && from !== 'acceptance')
    problems.push(`finalReportDue.from "${String(from)}" is unknown`);
  if (!Number.isSafeInteger(days) || days < 0)
    problems.push(`finalReportDue.days ${days} must be a whole number of 0 or more`);
  if (options.requireCommitteeAbove !== null && !isOre(options.requireCommitteeAbove)) {
    problems.push(
      `requireCommitteeAbove ${String(options.requireCommitteeAbove)} must be null or a whole number of øre`,
    );
  }

  for (const type of Object.keys(definition.eventRoles)) {
    const roles: readonly unknown[] =
      (definition.eventRoles as Record<string, readonly unknown[]>)[type] ?? [];
    if (!isEventType(type)) problems.push(`eventRoles names the unknown event ${type}`);
    else if (roles.length === 0) problems.push(`no role may send ${type}`);
    for (const role of roles)
      if (!isRole(role)) problems.push(`eventRoles.${type} names the unknown role ${String(role)}`);
  }
  for (const hooks of [options.rules, definition.effects]) {
    for (const type of Object.keys(hooks))
      if (!isEventType(type)) problems.push(`a hook names the unknown event ${type}`);
  }

  problems.push(...machineProblems(definition.machine));

  for (const from of definition.migrations.fromVersions()) {
    if (from >= version) problems.push(`a migration from version ${from} cannot exist in version ${version}`);
  }
  const [oldest] = definition.migrations.fromVersions();
  for (let from = oldest ?? version; from < version; from++) {
    if (definition.migrations.get(from) === undefined)
      problems.push(`the migration from version ${from} is missing`);
  }
  return problems;
}

/** Every leaf has exactly one status tag, every status is used, events are the catalogue's, and no timers. */
function machineProblems(machine: LifecycleMachine): string[] {
  const problems: string[] = [];
  const usedStatuses = new Set<string>();
  const handled = new Set<string>();

  const visit = (node: AnyStateNode, inherited: readonly string[]): void => {
    const tags = [...inherited, ...node.tags];
    const where = node.path.join('.') || '(root)';
    if (node.after.length > 0)
      problems.push(`${where} uses an \`after\` timer; deadlines must arrive as events`);
    if (node.invoke.length > 0) problems.push(`${where} invokes an actor; the lifecycle must stay pure`);
    const events: readonly string[] = node.ownEvents;
    for (const event of events) {
      handled.add(event);
      if (!isEventType(event))
        problems.push(`${where} handles ${event}, which is not in the event catalogue`);
    }
    const children = Object.values(node.states);
    if (children.length > 0) {
      for (const child of children) visit(child, tags);
      return;
    }
    const statuses = tags.filter((tag) => tag.startsWith(STATUS_TAG_PREFIX));
    if (statuses.length !== 1)
      problems.push(`${where} has ${statuses.length} status tags [${statuses.join(', ')}], not 1`);
    statuses.forEach((tag) => usedStatuses.add(tag.slice(STATUS_TAG_PREFIX.length)));
  };
  visit(machine.root, []);

  for (const status of STATUSES)
    if (!usedStatuses.has(status)) problems.push(`no state has status ${status}`);
  for (const type of EVENT_TYPES) if (!handled.has(type)) problems.push(`no state handles ${type}`);
  return problems;
}

/**
 * The leaf states (dotted, as `LifecycleStateView.state` names them) that carry `tag`, their own or
 * inherited: a work queue filters the stored `state` column on these, so it reads tags, not names.
 */
export function statesTagged(definition: LifecycleDefinition, tag: string): string[] {
  const found: string[] = [];
  const visit = (node: AnyStateNode, inherited: readonly string[]): void => {
    const tags = [...inherited, ...node.tags];
    const children = Object.values(node.states);
    if (children.length > 0) {
      for (const child of children) visit(child, tags);
      return;
    }
    if (tags.includes(tag)) found.push(node.path.join('.'));
  };
  visit(definition.machine.root, []);
  return found;
}
