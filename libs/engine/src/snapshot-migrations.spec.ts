import { defineLifecycle } from './lifecycle.definition';
import {
  COMMON_LIFECYCLE_VERSION,
  commonSnapshotMigrations,
  migrateSnapshot,
  SnapshotMigrationError,
  SnapshotMigrations,
  type LegacyLifecycleState,
} from './snapshot-migrations';
import { ev, people, reach, times } from './testing/lifecycle.fixtures';
import { transition } from './transition';

/**
 * A snapshot exactly as version 1 of the "grants" lifecycle stored it: the sub-state waiting for the
 * applicant was called `waiting_for_applicant`, the assigned officer was `assignee`, and there was no
 * record of overdue-report reminders.
 */
const VERSION_1_ROW = {
  machineId: 'grants',
  version: 1,
  state: {
    value: { assessment: 'waiting_for_applicant' },
    context: {
      createdAt: '2026-03-01T09:00:00.000Z',
      submittedAt: '2026-03-02T09:00:00.000Z',
      maximumAmount: 50_000_000,
      projectEndsAt: '2026-12-31T23:00:00.000Z',
      assignee: 'user-officer',
      informationRequest: {
        message: 'Legg ved budsjett',
        dueAt: '2026-03-18T12:00:00.000Z',
        requestedBy: 'user-officer',
        requestedAt: '2026-03-04T09:00:00.000Z',
      },
      recommendation: null,
      decision: null,
      acceptanceDueAt: null,
      acceptedAt: null,
      finalReportDueAt: null,
      reportId: null,
      finalPayableAmount: null,
      endedAt: null,
    },
  },
};

/** Version 1 → 2: rename the state and the field, add the reminder record and the delegation limit. */
function renameWaitingState({ value, context }: LegacyLifecycleState): LegacyLifecycleState {
  const { assignee, ...rest } = context;
  const renamed =
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>).assessment === 'waiting_for_applicant'
      ? { assessment: 'awaiting_applicant' }
      : value;
  return {
    value: renamed,
    context: {
      ...rest,
      caseOfficerId: assignee ?? null,
      finalReportOverdueNotifiedFor: null,
      delegationLimit: null,
      acceptanceDays: null,
      cancellation: null,
      extension: null,
      appeal: null,
    },
  };
}

const v2 = () =>
  defineLifecycle({
    id: 'grants',
    version: 2,
    migrations: new SnapshotMigrations().register(1, renameWaitingState),
  });

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof SnapshotMigrationError) return error.code;
    throw error;
  }
  throw new Error('expected a SnapshotMigrationError');
};

describe('snapshot migrations', () => {
  it('migrates a version 1 snapshot and then transitions it', () => {
    const lifecycle = v2();
    const stored = JSON.parse(JSON.stringify(VERSION_1_ROW));

    const migrated = migrateSnapshot(lifecycle, stored);

    expect(migrated.version).toBe(2);
    expect(migrated.state.value).toEqual({ assessment: 'awaiting_applicant' });
    expect(migrated.state.context).toMatchObject({
      caseOfficerId: 'user-officer',
      finalReportOverdueNotifiedFor: null,
    });
    expect(migrated.state.context).not.toHaveProperty('assignee');
    expect(stored).toEqual(VERSION_1_ROW); // the input is not modified

    const result = transition(lifecycle, stored, ev.answerInfo(), people.applicant);
    if (!result.ok) throw new Error(result.detail);
    expect(result.migratedFrom).toBe(1);
    expect(result.from.state).toBe('assessment.awaiting_applicant');
    expect(result.to.state).toBe('assessment.in_review');
    expect(result.effects).toEqual([
      { kind: 'cancelDeadline', deadline: 'information_response' },
      { kind: 'notify', template: 'information_received', recipients: ['case_officer'] },
    ]);
    expect(result.snapshot).toMatchObject({ machineId: 'grants', version: 2 });
    expect(result.snapshot.state.context.caseOfficerId).toBe('user-officer');
  });

  it('applies the steps in order across several versions', () => {
    const seen: number[] = [];
    const lifecycle = defineLifecycle({
      id: 'grants',
      version: 3,
      migrations: new SnapshotMigrations()
        .register(2, (state) => (seen.push(2), state))
        .register(1, (state) => (seen.push(1), renameWaitingState(state))),
    });

    const migrated = migrateSnapshot(lifecycle, VERSION_1_ROW);

    expect(seen).toEqual([1, 2]);
    expect(migrated.version).toBe(3);
  });

  it('passes a current snapshot through unchanged, with no migratedFrom', () => {
    const lifecycle = v2();
    const stored = reach(lifecycle, 'active');

    expect(migrateSnapshot(lifecycle, stored)).toEqual(stored);
    const result = transition(lifecycle, stored, ev.submitReport(), people.applicant);
    expect(result).toMatchObject({ ok: true, migratedFrom: null });
  });

  it('refuses a version newer than the code', () => {
    expect(codeOf(() => migrateSnapshot(v2(), { ...VERSION_1_ROW, version: 3 }))).toBe('future_version');
  });

  it('refuses another lifecycle’s snapshot', () => {
    expect(codeOf(() => migrateSnapshot(v2(), { ...VERSION_1_ROW, machineId: 'loans' }))).toBe(
      'wrong_machine',
    );
  });

  it('refuses an older version with no migration path, in transition too', () => {
    const lifecycle = defineLifecycle({ id: 'grants', version: 2 });

    expect(() => migrateSnapshot(lifecycle, VERSION_1_ROW)).toThrow(
      'no migration of "grants" snapshots from version 1 to 2',
    );
    expect(
      codeOf(() => transition(lifecycle, VERSION_1_ROW as never, ev.answerInfo(), people.applicant)),
    ).toBe('missing_migration');
  });

  it.each([
    null,
    'x',
    { machineId: 'grants', version: 1 },
    { machineId: 'grants', version: 1, state: { value: 'draft' } },
  ])('refuses a malformed row %j', (row) => {
    expect(codeOf(() => migrateSnapshot(v2(), row))).toBe('malformed');
  });

  it.each([0, 1.5, '1'])('refuses version %p', (version) => {
    expect(codeOf(() => migrateSnapshot(v2(), { ...VERSION_1_ROW, version }))).toBe('malformed');
  });

  it('refuses a migration that forgets part of the context', () => {
    const sloppy = defineLifecycle({
      id: 'grants',
      version: 2,
      migrations: new SnapshotMigrations().register(1, () => ({
        value: { assessment: 'awaiting_applicant' },
        context: VERSION_1_ROW.state.context,
      })),
    });

    expect(() => migrateSnapshot(sloppy, VERSION_1_ROW)).toThrow(
      'the context of a "grants" snapshot (version 1 migrated to 2) does not fit: missing [delegationLimit, acceptanceDays, caseOfficerId, finalReportOverdueNotifiedFor, cancellation, extension, appeal], unknown [assignee]',
    );
  });

  it('refuses a migration that leaves an unknown state', () => {
    const sloppy = defineLifecycle({
      id: 'grants',
      version: 2,
      migrations: new SnapshotMigrations().register(1, (state) => ({
        ...renameWaitingState(state),
        value: { assessment: 'waiting_for_applicant' },
      })),
    });

    expect(codeOf(() => migrateSnapshot(sloppy, VERSION_1_ROW))).toBe('invalid_after_migration');
  });

  it('does not register a step twice or from version 0', () => {
    const migrations = new SnapshotMigrations().register(1, renameWaitingState);

    expect(() => migrations.register(1, renameWaitingState)).toThrow(
      'a migration from version 1 is already registered',
    );
    expect(() => migrations.register(0, renameWaitingState)).toThrow(RangeError);
    expect(migrations.fromVersions()).toEqual([1]);
  });

  it('keeps the fixture honest: today’s context is the version 1 one, renamed and extended', () => {
    const today = Object.keys(reach(v2(), 'awaiting_applicant').state.context).sort();
    const migrated = Object.keys(renameWaitingState(VERSION_1_ROW.state).context).sort();

    expect(migrated).toEqual(today);
    expect(times.infoDue).toBe(VERSION_1_ROW.state.context.informationRequest.dueAt);
  });

  describe('the common lifecycle’s own steps', () => {
    const lifecycle = defineLifecycle({
      id: 'common',
      version: COMMON_LIFECYCLE_VERSION,
      migrations: commonSnapshotMigrations(),
    });

    /** An active grant as version 1 stored it: no cancellation and no extension in its context. */
    const storedV1 = () => {
      const today = reach(lifecycle, 'active');
      const { cancellation, extension, appeal, ...context } = today.state.context;
      expect([cancellation, extension, appeal]).toEqual([null, null, null]);
      return { machineId: 'common', version: 1, state: { value: today.state.value, context } };
    };

    it('version 1 → 3 adds an empty cancellation, extension and appeal and keeps the state', () => {
      const migrated = migrateSnapshot(lifecycle, storedV1());

      expect(migrated.version).toBe(3);
      expect(migrated.state.value).toEqual({ granted: 'active' });
      expect(migrated.state.context).toMatchObject({ cancellation: null, extension: null, appeal: null });
    });

    it('version 2 → 3 adds an empty appeal to a rejected case, which may then be appealed', () => {
      const today = reach(lifecycle, 'rejected');
      const { appeal, ...context } = today.state.context;
      const stored = { machineId: 'common', version: 2, state: { value: today.state.value, context } };

      const lodged = transition(lifecycle, stored as never, ev.lodgeAppeal(), people.applicant);
      if (!lodged.ok) throw new Error(lodged.detail);
      expect(appeal).toBeNull();
      expect(lodged.migratedFrom).toBe(2);
      expect(lodged.snapshot.state.context.appeal).toMatchObject({ against: 'rejection', late: false });
    });

    it('a grant stored by version 1 can be proposed for cancellation and cancelled', () => {
      const proposed = transition(lifecycle, storedV1() as never, ev.proposeCancellation(), people.officer);
      if (!proposed.ok) throw new Error(proposed.detail);
      expect(proposed.migratedFrom).toBe(1);

      const decided = transition(lifecycle, proposed.snapshot, ev.decideCancellation(), people.approver);
      if (!decided.ok) throw new Error(decided.detail);
      expect(decided.to).toMatchObject({ status: 'cancelled', state: 'cancelled.settling' });
    });
  });
});
