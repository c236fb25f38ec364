import { DAY_MS, type Actor } from '@lib/common';
import { toEngineActor } from './engine-actor';
import { notify, scheduleDeadline, type Effect } from './effects';
import {
  defineLifecycle,
  LifecycleDefinitionError,
  statesTagged,
  validateLifecycleDefinition,
} from './lifecycle.definition';
import { SnapshotMigrations } from './snapshot-migrations';
import { statusOf, TAGS } from './tags';
import { ev, people, reach } from './testing/lifecycle.fixtures';
import { transition, type TransitionResult } from './transition';

function accepted(result: TransitionResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.detail}`);
  return result;
}

describe('defineLifecycle', () => {
  it('fills in the defaults', () => {
    const lifecycle = defineLifecycle({ id: 'plain', version: 1 });

    expect(lifecycle.options).toEqual({
      acceptanceDays: 21,
      finalReportDue: { from: 'project_end', days: 0 },
      requireCommitteeAbove: null,
      rules: {},
    });
    expect(lifecycle.eventRoles.DECIDE_GRANT).toEqual(['approver']);
    expect(validateLifecycleDefinition(lifecycle)).toEqual([]);
  });

  describe('variations', () => {
    it('sets how long the applicant has to accept', () => {
      const lifecycle = defineLifecycle({ id: 'short', version: 1, acceptanceDays: 14 });

      const result = accepted(
        transition(lifecycle, reach(lifecycle, 'recommended_grant'), ev.decideGrant(), people.approver),
      );

      expect(result.effects).toContainEqual(scheduleDeadline('acceptance', '2026-03-29T10:30:00.000Z'));
      expect(result.snapshot.state.context.acceptanceDueAt).toBe('2026-03-29T10:30:00.000Z');
    });

    it.each([
      [{ from: 'project_end', days: 60 } as const, '2027-03-01T23:00:00.000Z'],
      [{ from: 'acceptance', days: 30 } as const, '2026-04-19T09:00:00.000Z'],
    ])('sets when the final report is due (%j)', (finalReportDue, dueAt) => {
      const lifecycle = defineLifecycle({ id: 'report', version: 1, finalReportDue });

      const result = accepted(
        transition(lifecycle, reach(lifecycle, 'awaiting_acceptance'), ev.accept(), people.applicant),
      );

      expect(result.effects).toContainEqual(scheduleDeadline('final_report', dueAt));
    });

    it('adds guards that return the scheme’s reasons, and the machine honours them', () => {
      const lifecycle = defineLifecycle({
        id: 'strict',
        version: 1,
        rules: {
          SUBMIT: ({ event }) =>
            Date.parse(event.projectEndsAt) - Date.parse(event.at) > 2 * 365 * DAY_MS
              ? ['the project may last at most two years']
              : [],
        },
      });
      const tooLong = ev.submit({ projectEndsAt: '2029-01-01T00:00:00Z' });

      const result = transition(lifecycle, reach(lifecycle, 'draft'), tooLong, people.applicant);

      expect(result).toMatchObject({
        ok: false,
        reason: 'guard_failed',
        reasons: ['the project may last at most two years'],
      });
      const stored = reach(lifecycle, 'draft');
      const snapshot = lifecycle.machine.resolveState({
        value: stored.state.value,
        context: stored.state.context,
      });
      expect(snapshot.can({ ...tooLong, actor: people.applicant })).toBe(false);
      accepted(transition(lifecycle, stored, ev.submit(), people.applicant));
    });

    it('adds effects after the common ones', () => {
      const lifecycle = defineLifecycle({
        id: 'advance',
        version: 1,
        effects: {
          ACCEPT: ({ context, from, to }) =>
            from.status === 'granted' && to.state === 'granted.active' && context.acceptedAt !== null
              ? [notify('advance_payment_due', ['finance'])]
              : [],
        },
      });

      const result = accepted(
        transition(lifecycle, reach(lifecycle, 'awaiting_acceptance'), ev.accept(), people.applicant),
      );

      expect(result.effects.map((effect) => effect.kind)).toEqual([
        'cancelDeadline',
        'scheduleDeadline',
        'notify',
        'notify',
      ]);
      expect(result.effects.at(-1)).toEqual(notify('advance_payment_due', ['finance']));
    });

    it('refuses effects outside the catalogue loudly: that is a bug in the scheme', () => {
      const lifecycle = defineLifecycle({
        id: 'broken',
        version: 1,
        effects: {
          ACCEPT: () => [{ kind: 'sendEmail' } as unknown as Effect, { kind: 'commitFunds', amount: 1.5 }],
        },
      });

      expect(() =>
        transition(lifecycle, reach(lifecycle, 'awaiting_acceptance'), ev.accept(), people.applicant),
      ).toThrow(/effects outside the catalogue/);
    });

    it('checks a notice against its kind: a due time for the preliminary reply, the overdue time for a follow-up', () => {
      const withNotices = (notices: unknown[]) =>
        defineLifecycle({
          id: 'notices',
          version: 1,
          effects: { ACCEPT: () => notices as Effect[] },
        });
      const accept = (lifecycle: ReturnType<typeof withNotices>) =>
        transition(lifecycle, reach(lifecycle, 'awaiting_acceptance'), ev.accept(), people.applicant);
      const due = '2026-05-01T09:00:00.000Z';

      expect(
        accepted(
          accept(
            withNotices([
              { kind: 'scheduleNotice', notice: 'preliminary_reply', dueAt: due },
              { kind: 'scheduleNotice', notice: 'report_escalation', overdueSince: due },
            ]),
          ),
        ).effects.slice(-2),
      ).toHaveLength(2);
      for (const broken of [
        { kind: 'scheduleNotice', notice: 'preliminary_reply', overdueSince: due },
        { kind: 'scheduleNotice', notice: 'report_lapse_proposal', dueAt: due },
        { kind: 'scheduleNotice', notice: 'reminder', dueAt: due },
      ]) {
        expect(() => accept(withNotices([broken]))).toThrow(/effects outside the catalogue/);
      }
    });

    it('changes who may send an event', () => {
      const lifecycle = defineLifecycle({
        id: 'finance-closes',
        version: 1,
        eventRoles: { APPROVE_REPORT: ['case_officer', 'finance'] },
      });

      const result = accepted(
        transition(lifecycle, reach(lifecycle, 'report_review'), ev.approveReport(), people.finance),
      );

      expect(result.to.state).toBe('reported.settling');
      expect(lifecycle.eventRoles.SUBMIT_REPORT).toEqual(['applicant']);
    });
  });

  describe('validation at start-up', () => {
    const problemsOf = (define: () => unknown): readonly string[] => {
      try {
        define();
      } catch (error) {
        if (error instanceof LifecycleDefinitionError) return error.problems;
        throw error;
      }
      throw new Error('expected a LifecycleDefinitionError');
    };

    it('lists every problem with the options', () => {
      expect(
        problemsOf(() =>
          defineLifecycle({
            id: 'Bad Id',
            version: 0,
            acceptanceDays: 1.5,
            finalReportDue: { from: 'project_start' as 'project_end', days: -1 },
            requireCommitteeAbove: 2.5,
          }),
        ),
      ).toEqual([
        'id "Bad Id" must be lower-case letters, digits, "-" or "_"',
        'version 0 must be a whole number of 1 or more',
        'acceptanceDays 1.5 must be a whole number of 1 or more',
        'finalReportDue.from "project_start" is unknown',
        'finalReportDue.days -1 must be a whole number of 0 or more',
        'requireCommitteeAbove 2.5 must be null or a whole number of øre',
      ]);
    });

    it('checks the role table', () => {
      expect(
        problemsOf(() =>
          defineLifecycle({
            id: 'roles',
            version: 1,
            eventRoles: { ACCEPT: [], APPROVE_REPORT: ['auditor' as 'finance'] },
          }),
        ),
      ).toEqual(['no role may send ACCEPT', 'eventRoles.APPROVE_REPORT names the unknown role auditor']);
    });

    it('checks hooks and the migration chain', () => {
      const migrations = new SnapshotMigrations().register(1, (s) => s).register(3, (s) => s);

      expect(
        problemsOf(() =>
          defineLifecycle({
            id: 'chain',
            version: 3,
            migrations,
            rules: { PAY: () => [] } as never,
          }),
        ),
      ).toEqual([
        'a hook names the unknown event PAY',
        'a migration from version 3 cannot exist in version 3',
        'the migration from version 2 is missing',
      ]);
    });
  });
});

describe('statusOf', () => {
  it('reads the one status tag of a view or an XState snapshot', () => {
    const lifecycle = defineLifecycle({ id: 'plain', version: 1 });
    const stored = reach(lifecycle, 'awaiting_acceptance');

    expect(statusOf({ tags: ['payable', 'status:granted'] })).toBe('granted');
    expect(
      statusOf(lifecycle.machine.resolveState({ value: stored.state.value, context: stored.state.context })),
    ).toBe('granted');
  });

  it.each([[[]], [['status:draft', 'status:closed']], [['status:appeal']]])('refuses tags %j', (tags) => {
    expect(() => statusOf({ tags })).toThrow(/exactly one known status tag/);
  });
});

describe('toEngineActor', () => {
  const owner: Actor = { kind: 'applicant', userId: 'a1', email: 'a@x.no', organisationIds: ['o1'] };
  const system: Actor = { kind: 'system', userId: null, reason: 'deadline' };
  const staff: Actor = {
    kind: 'staff',
    userId: 's1',
    email: 's@x.no',
    countyId: 'c1',
    roles: ['case_officer', 'admin'],
  };

  it.each([
    [owner, true, { userId: 'a1', roles: ['applicant'] }],
    [owner, false, { userId: 'a1', roles: [] }],
    [staff, false, { userId: 's1', roles: ['case_officer'] }],
    [system, false, { userId: null, roles: ['system'] }],
  ])('maps %j (owner: %s)', (actor, owns, expected) => {
    expect(toEngineActor(actor, owns)).toEqual(expected);
  });

  it('lets an owning applicant accept and no one else', () => {
    const lifecycle = defineLifecycle({ id: 'plain', version: 1 });
    const stored = reach(lifecycle, 'awaiting_acceptance');

    expect(transition(lifecycle, stored, ev.accept(), toEngineActor(owner, false))).toMatchObject({
      reason: 'forbidden',
    });
    expect(transition(lifecycle, stored, ev.accept(), toEngineActor(owner, true))).toMatchObject({
      ok: true,
    });
  });
});

describe('statesTagged', () => {
  const lifecycle = defineLifecycle({ id: 'plain', version: 1 });

  it('names the leaf states that carry a tag, as the state column stores them', () => {
    expect(statesTagged(lifecycle, TAGS.awaitingApprover)).toEqual(['assessment.recommended']);
    expect(statesTagged(lifecycle, TAGS.awaitingApplicant).sort()).toEqual([
      'assessment.awaiting_applicant',
      'draft',
      'granted.active',
      'granted.awaiting_acceptance',
    ]);
  });

  it('counts a tag a parent state carries for each of its leaves', () => {
    expect(statesTagged(lifecycle, 'status:assessment').sort()).toEqual([
      'assessment.awaiting_applicant',
      'assessment.in_review',
      'assessment.recommended',
    ]);
    expect(statesTagged(lifecycle, 'no_such_tag')).toEqual([]);
  });
});
