import { CONTEXT_KEYS, type LifecycleContext } from './context';
import type { LifecycleMachine } from './lifecycle.machine';
import { stateKeyOf, type JsonStateValue } from './state-view';

/**
 * What the transition runner stores (one JSON column): the definition's id and version beside the
 * machine state, so that a snapshot written by an older definition can be recognised and migrated.
 * The engine's own envelope rather than XState's persisted format: there are no child actors or
 * history states to keep, and the stored shape stays stable across XState upgrades.
 */
export interface StoredLifecycle {
  readonly machineId: string;
  readonly version: number;
  readonly state: PersistedLifecycleState;
}

export interface PersistedLifecycleState {
  readonly value: JsonStateValue;
  readonly context: LifecycleContext;
}

/** A state of some older version: plain JSON that need not match today's types. */
export interface LegacyLifecycleState {
  readonly value: unknown;
  readonly context: Readonly<Record<string, unknown>>;
}

/** One step, from version N to N+1. Pure: it must not read the clock or the database. */
export type SnapshotMigration = (state: LegacyLifecycleState) => LegacyLifecycleState;

export type SnapshotMigrationErrorCode =
  'malformed' | 'wrong_machine' | 'future_version' | 'missing_migration' | 'invalid_after_migration';

/**
 * A stored snapshot the current definition cannot use. This is a data or deployment fault (a 500 for
 * that request, and an alert), never something the user did.
 */
export class SnapshotMigrationError extends Error {
  override readonly name = 'SnapshotMigrationError';

  constructor(
    readonly code: SnapshotMigrationErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The migrations of one lifecycle definition, keyed by the version they migrate from. */
export class SnapshotMigrations {
  private readonly steps = new Map<number, SnapshotMigration>();

  /** Registers the step `fromVersion` → `fromVersion + 1`. */
  register(fromVersion: number, migrate: SnapshotMigration): this {
    if (!Number.isSafeInteger(fromVersion) || fromVersion < 1) {
      throw new RangeError(`a migration must start from a version of 1 or more, got ${fromVersion}`);
    }
    if (this.steps.has(fromVersion)) {
      throw new Error(`a migration from version ${fromVersion} is already registered`);
    }
    this.steps.set(fromVersion, migrate);
    return this;
  }

  get(fromVersion: number): SnapshotMigration | undefined {
    return this.steps.get(fromVersion);
  }

  /** The versions that have a step out of them, ascending. */
  fromVersions(): number[] {
    return [...this.steps.keys()].sort((a, b) => a - b);
  }
}

/** The parts of a definition that migration needs (kept narrow to avoid a cycle with the definition). */
export interface MigrationTarget {
  readonly id: string;
  readonly version: number;
  readonly machine: LifecycleMachine;
  readonly migrations: SnapshotMigrations;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Brings a stored snapshot up to the definition's version by applying the registered steps in order,
 * then checks that the result is a state of the current machine with a complete context. A current
 * snapshot passes through unchanged (but checked). Throws `SnapshotMigrationError` for another
 * machine's snapshot, a version newer than the code (roll the deploy forward, do not guess) or a gap
 * in the chain.
 */
export function migrateSnapshot(definition: MigrationTarget, stored: unknown): StoredLifecycle {
  if (!isRecord(stored) || !isRecord(stored.state) || !isRecord(stored.state.context)) {
    throw new SnapshotMigrationError(
      'malformed',
      'a stored lifecycle needs machineId, version and state { value, context }',
    );
  }
  const { machineId, version } = stored;
  if (machineId !== definition.id) {
    throw new SnapshotMigrationError(
      'wrong_machine',
      `the snapshot belongs to lifecycle "${String(machineId)}", not "${definition.id}"`,
    );
  }
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw new SnapshotMigrationError(
      'malformed',
      `the snapshot's version ${JSON.stringify(version)} is not a version`,
    );
  }
  if (version > definition.version) {
    throw new SnapshotMigrationError(
      'future_version',
      `the snapshot is version ${version} of "${definition.id}" but this code knows only up to version ${definition.version}`,
    );
  }

  let state: LegacyLifecycleState = { value: stored.state.value, context: stored.state.context };
  for (let from = version; from < definition.version; from++) {
    const step = definition.migrations.get(from);
    if (step === undefined) {
      throw new SnapshotMigrationError(
        'missing_migration',
        `no migration of "${definition.id}" snapshots from version ${from} to ${from + 1}`,
      );
    }
    state = step(structuredClone(state));
  }

  return {
    machineId: definition.id,
    version: definition.version,
    state: checkState(definition, state, version),
  };
}

function checkState(
  definition: MigrationTarget,
  state: LegacyLifecycleState,
  from: number,
): PersistedLifecycleState {
  const where =
    from === definition.version ? `version ${from}` : `version ${from} migrated to ${definition.version}`;
  const keys = Object.keys(state.context);
  const missing = CONTEXT_KEYS.filter((key) => !keys.includes(key));
  const unknown = keys.filter((key) => !(CONTEXT_KEYS as string[]).includes(key));
  if (missing.length > 0 || unknown.length > 0) {
    throw new SnapshotMigrationError(
      'invalid_after_migration',
      `the context of a "${definition.id}" snapshot (${where}) does not fit: missing [${missing.join(', ')}], unknown [${unknown.join(', ')}]`,
    );
  }
  try {
    const resolved = definition.machine.resolveState({
      value: state.value as JsonStateValue,
      context: state.context as unknown as LifecycleContext,
    });
    // resolveState fills in initial children; store the leaf it settled on.
    stateKeyOf(resolved.value);
    return {
      value: JSON.parse(JSON.stringify(resolved.value)) as JsonStateValue,
      context: state.context as unknown as LifecycleContext,
    };
  } catch (error) {
    throw new SnapshotMigrationError(
      'invalid_after_migration',
      `the state ${JSON.stringify(state.value)} of a "${definition.id}" snapshot (${where}) is not a state of this lifecycle: ${(error as Error).message}`,
    );
  }
}

/**
 * The steps the common lifecycle's own shape needs; every scheme's chain starts with them (a scheme
 * with steps of its own registers them on the result, from the next version on). Version 2 added the
 * cancellation (heving) and the final report extension (utsatt frist) to the context, and the
 * `cancelled` state; no stored state is renamed.
 */
export function commonSnapshotMigrations(): SnapshotMigrations {
  return (
    new SnapshotMigrations()
      .register(1, (state) => ({
        value: state.value,
        context: { ...state.context, cancellation: null, extension: null },
      }))
      // Version 3 added the appeal (klage); no case had one before.
      .register(2, (state) => ({ value: state.value, context: { ...state.context, appeal: null } }))
  );
}

/** The snapshot version the common lifecycle's shape has reached (see `commonSnapshotMigrations`). */
export const COMMON_LIFECYCLE_VERSION = 3;
