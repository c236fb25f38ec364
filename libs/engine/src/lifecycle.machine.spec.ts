import { initialTransition } from 'xstate';
import type { AnyStateNode } from 'xstate';
import {
  assignFrame,
  cancelAllDeadlines,
  cancelDeadline,
  commitFunds,
  issueLetter,
  notify,
  releaseFunds,
  settleFunds,
  cancelFunds,
  scheduleDeadline,
  scheduleOverdueReportNotice,
  schedulePreliminaryReply,
  type Effect,
} from './effects';
import type { LifecycleEvent } from './events';
import { defineLifecycle } from './lifecycle.definition';
import type { EngineActor } from './roles';
import type { LifecycleStatus } from './tags';
import {
  ev,
  MAXIMUM,
  people,
  reach,
  RECOMMENDED,
  SCENARIOS,
  times,
  type Scenario,
} from './testing/lifecycle.fixtures';
import { allowedEvents, describeState, initialSnapshot, transition } from './transition';

const lifecycle = defineLifecycle({ id: 'common', version: 1 });

interface Row {
  readonly from: Scenario;
  readonly event: LifecycleEvent;
  readonly actor: EngineActor;
  readonly to: string;
  readonly status: LifecycleStatus;
  readonly effects: readonly Effect[];
}

const withdrawnNotice = notify('application_withdrawn', ['case_officer']);

/** Every transition of the common lifecycle: state × event → next state and effects, exactly. */
const TRANSITIONS: readonly Row[] = [
  {
    from: 'draft',
    event: ev.submit(),
    actor: people.applicant,
    to: 'applied',
    status: 'applied',
    effects: [
      // One calendar month after submission (forvaltningsloven § 11 a).
      schedulePreliminaryReply('2026-04-02T09:00:00.000Z'),
      notify('application_submitted', ['applicant', 'case_officer']),
    ],
  },
  {
    from: 'draft',
    event: ev.withdraw(),
    actor: people.applicant,
    to: 'withdrawn',
    status: 'withdrawn',
    effects: [],
  },
  {
    from: 'applied',
    event: ev.assign(),
    actor: people.officer,
    to: 'assessment.in_review',
    status: 'assessment',
    effects: [notify('assessment_started', ['applicant'])],
  },
  {
    from: 'applied',
    event: ev.withdraw(),
    actor: people.applicant,
    to: 'withdrawn',
    status: 'withdrawn',
    effects: [withdrawnNotice],
  },
  {
    from: 'in_review',
    event: ev.assign({ caseOfficerId: 'user-officer-2' }),
    actor: people.officer,
    to: 'assessment.in_review',
    status: 'assessment',
    effects: [notify('case_assigned', ['case_officer'])],
  },
  {
    from: 'in_review',
    event: ev.withdraw(),
    actor: people.applicant,
    to: 'withdrawn',
    status: 'withdrawn',
    effects: [withdrawnNotice],
  },
  {
    from: 'in_review',
    event: ev.requestInfo(),
    actor: people.officer,
    to: 'assessment.awaiting_applicant',
    status: 'assessment',
    effects: [
      scheduleDeadline('information_response', times.infoDue),
      notify('information_requested', ['applicant']),
    ],
  },
  {
    from: 'in_review',
    event: ev.recommendGrant(),
    actor: people.officer,
    to: 'assessment.recommended',
    status: 'assessment',
    effects: [notify('recommendation_ready', ['approver'])],
  },
  {
    from: 'in_review',
    event: ev.recommendRejection(),
    actor: people.officer,
    to: 'assessment.recommended',
    status: 'assessment',
    effects: [notify('recommendation_ready', ['approver'])],
  },
  {
    from: 'awaiting_applicant',
    event: ev.answerInfo(),
    actor: people.applicant,
    to: 'assessment.in_review',
    status: 'assessment',
    effects: [cancelDeadline('information_response'), notify('information_received', ['case_officer'])],
  },
  {
    from: 'awaiting_applicant',
    event: ev.infoDeadlinePassed(),
    actor: people.system,
    to: 'assessment.in_review',
    status: 'assessment',
    effects: [notify('information_deadline_passed', ['case_officer'])],
  },
  {
    from: 'awaiting_applicant',
    event: ev.withdraw({ at: times.infoAnswered }),
    actor: people.applicant,
    to: 'withdrawn',
    status: 'withdrawn',
    effects: [cancelDeadline('information_response'), withdrawnNotice],
  },
  {
    from: 'awaiting_applicant',
    event: ev.assign({ at: times.infoAnswered, caseOfficerId: 'user-officer-2' }),
    actor: people.officer,
    to: 'assessment.awaiting_applicant',
    status: 'assessment',
    effects: [notify('case_assigned', ['case_officer'])],
  },
  {
    from: 'recommended_grant',
    event: ev.decideGrant(),
    actor: people.approver,
    to: 'granted.awaiting_acceptance',
    status: 'granted',
    effects: [
      assignFrame(),
      commitFunds(RECOMMENDED),
      scheduleDeadline('acceptance', times.acceptanceDue),
      issueLetter('grant'),
      notify('grant_decided', ['applicant', 'case_officer']),
    ],
  },
  {
    from: 'recommended_rejection',
    event: ev.decideRejection(),
    actor: people.approver,
    to: 'rejected',
    status: 'rejected',
    effects: [issueLetter('rejection'), notify('rejection_decided', ['applicant', 'case_officer'])],
  },
  {
    from: 'recommended_grant',
    event: ev.returnToReview(),
    actor: people.approver,
    to: 'assessment.in_review',
    status: 'assessment',
    effects: [notify('recommendation_returned', ['case_officer'])],
  },
  {
    from: 'recommended_grant',
    event: ev.withdraw({ at: times.decided }),
    actor: people.applicant,
    to: 'withdrawn',
    status: 'withdrawn',
    effects: [withdrawnNotice],
  },
  {
    from: 'recommended_grant',
    event: ev.assign({ at: times.decided, caseOfficerId: 'user-officer-2' }),
    actor: people.officer,
    to: 'assessment.recommended',
    status: 'assessment',
    effects: [notify('case_assigned', ['case_officer'])],
  },
  {
    from: 'awaiting_acceptance',
    event: ev.accept(),
    actor: people.applicant,
    to: 'granted.active',
    status: 'granted',
    effects: [
      cancelDeadline('acceptance'),
      scheduleDeadline('final_report', times.projectEnds),
      notify('grant_accepted', ['case_officer']),
    ],
  },
  {
    from: 'awaiting_acceptance',
    event: ev.declineGrant(),
    actor: people.applicant,
    to: 'withdrawn',
    status: 'withdrawn',
    effects: [
      cancelDeadline('acceptance'),
      releaseFunds(RECOMMENDED, 'declined'),
      notify('grant_declined', ['case_officer']),
    ],
  },
  {
    from: 'awaiting_acceptance',
    event: ev.acceptanceDeadlinePassed(),
    actor: people.system,
    to: 'lapsed',
    status: 'lapsed',
    effects: [releaseFunds(RECOMMENDED, 'lapsed'), notify('grant_lapsed', ['applicant', 'case_officer'])],
  },
  {
    from: 'active',
    event: ev.submitReport(),
    actor: people.applicant,
    to: 'reported.report_review',
    status: 'reported',
    effects: [cancelDeadline('final_report'), notify('final_report_submitted', ['case_officer'])],
  },
  {
    from: 'active',
    event: ev.reportDeadlinePassed(),
    actor: people.system,
    to: 'granted.active',
    status: 'granted',
    effects: [
      // The call's days after the report became overdue decide when these are due.
      scheduleOverdueReportNotice('report_escalation', times.projectEnds),
      scheduleOverdueReportNotice('report_lapse_proposal', times.projectEnds),
      notify('final_report_overdue', ['applicant', 'case_officer']),
    ],
  },
  {
    from: 'report_review',
    event: ev.returnReport(),
    actor: people.officer,
    to: 'granted.active',
    status: 'granted',
    effects: [
      scheduleDeadline('final_report', times.reportResubmissionDue),
      notify('final_report_returned', ['applicant']),
    ],
  },
  {
    from: 'report_review',
    event: ev.approveReport({ finalPayableAmount: 35_000_000 }),
    actor: people.officer,
    to: 'reported.settling',
    status: 'reported',
    effects: [
      issueLetter('settlement'),
      settleFunds(35_000_000),
      notify('final_report_approved', ['applicant', 'finance']),
    ],
  },
  {
    from: 'report_review',
    event: ev.approveReport({ finalPayableAmount: RECOMMENDED }),
    actor: people.officer,
    to: 'reported.settling',
    status: 'reported',
    effects: [
      issueLetter('settlement'),
      settleFunds(RECOMMENDED),
      notify('final_report_approved', ['applicant', 'finance']),
    ],
  },
  {
    from: 'settling',
    event: ev.settle(),
    actor: people.system,
    to: 'closed',
    status: 'closed',
    effects: [notify('grant_settled', ['applicant'])],
  },
  // Utsatt frist
  {
    from: 'active',
    event: ev.requestExtension(),
    actor: people.applicant,
    to: 'granted.active',
    status: 'granted',
    effects: [notify('extension_requested', ['case_officer'])],
  },
  {
    from: 'extension_requested',
    event: ev.grantExtension(),
    actor: people.officer,
    to: 'granted.active',
    status: 'granted',
    effects: [
      issueLetter('extension_granted'),
      scheduleDeadline('final_report', times.extensionDue),
      notify('extension_granted', ['applicant']),
    ],
  },
  {
    from: 'extension_requested',
    event: ev.refuseExtension(),
    actor: people.officer,
    to: 'granted.active',
    status: 'granted',
    effects: [issueLetter('extension_refused'), notify('extension_refused', ['applicant'])],
  },
  // Heving
  {
    from: 'active',
    event: ev.proposeCancellation({ repaymentAmount: 1_000_000 }),
    actor: people.officer,
    to: 'granted.active',
    status: 'granted',
    effects: [notify('cancellation_proposed', ['approver'])],
  },
  {
    from: 'report_review',
    event: ev.proposeCancellation(),
    actor: people.officer,
    to: 'reported.report_review',
    status: 'reported',
    effects: [notify('cancellation_proposed', ['approver'])],
  },
  {
    from: 'cancellation_proposed',
    event: ev.dismissCancellation(),
    actor: people.approver,
    to: 'granted.active',
    status: 'granted',
    effects: [notify('cancellation_dismissed', ['case_officer'])],
  },
  {
    from: 'cancellation_proposed',
    event: ev.decideCancellation(),
    actor: people.approver,
    to: 'cancelled.settling',
    status: 'cancelled',
    effects: [
      cancelAllDeadlines(),
      issueLetter('cancellation'),
      cancelFunds(0),
      notify('grant_cancelled', ['applicant', 'case_officer', 'finance']),
    ],
  },
  ...appealRows(),
  {
    from: 'cancelling',
    event: ev.settle({ at: times.cancellationDecided }),
    actor: people.system,
    to: 'cancelled.closed',
    status: 'cancelled',
    effects: [],
  },
];

/** Klage: lodged, prepared (four eyes) and decided by the county or recorded from the appeals board. */
function appealRows(): Row[] {
  const preparation = {
    kind: 'scheduleNotice',
    notice: 'appeal_preparation',
    lodgedAt: times.appealLodged,
  } as const;
  const lodged = [preparation, notify('appeal_lodged', ['applicant', 'case_officer'])];
  const outcomeLetter = issueLetter('appeal_outcome');
  /** The acceptance days (21) run again from the appeal's outcome. */
  const newAcceptance = scheduleDeadline('acceptance', '2026-04-20T09:00:00.000Z');
  const reversed = notify('appeal_reversed', ['applicant', 'case_officer', 'finance']);
  const ready = notify('appeal_proposal_ready', ['approver']);
  return [
    {
      from: 'rejected',
      event: ev.lodgeAppeal(),
      actor: people.applicant,
      to: 'rejected',
      status: 'rejected',
      effects: lodged,
    },
    {
      from: 'awaiting_acceptance',
      event: ev.lodgeAppeal(),
      actor: people.applicant,
      to: 'granted.awaiting_acceptance',
      status: 'granted',
      effects: lodged,
    },
    {
      from: 'active',
      event: ev.lodgeAppeal({ at: times.reported }),
      actor: people.applicant,
      to: 'granted.active',
      status: 'granted',
      effects: [{ ...preparation, lodgedAt: times.reported }, lodged[1]],
    },
    {
      from: 'appeal_lodged',
      event: ev.proposeAppealReversal(),
      actor: people.officer,
      to: 'rejected',
      status: 'rejected',
      effects: [ready],
    },
    {
      from: 'appeal_lodged',
      event: ev.proposeAppealForward(),
      actor: people.officer,
      to: 'rejected',
      status: 'rejected',
      effects: [ready],
    },
    {
      from: 'appeal_reversal_proposed',
      event: ev.dismissAppealProposal(),
      actor: people.approver,
      to: 'rejected',
      status: 'rejected',
      effects: [notify('appeal_proposal_returned', ['case_officer'])],
    },
    {
      from: 'appeal_reversal_proposed',
      event: ev.decideAppealReversal(),
      actor: people.approver,
      to: 'granted.awaiting_acceptance',
      status: 'granted',
      effects: [assignFrame(), commitFunds(MAXIMUM), newAcceptance, outcomeLetter, reversed],
    },
    {
      from: 'appeal_forward_proposed',
      event: ev.decideAppealForward(),
      actor: people.approver,
      to: 'rejected',
      status: 'rejected',
      effects: [issueLetter('appeal_forwarded'), notify('appeal_forwarded', ['applicant', 'case_officer'])],
    },
    {
      from: 'appeal_forwarded',
      event: ev.recordAppealUpheld(),
      actor: people.approver,
      to: 'rejected',
      status: 'rejected',
      effects: [outcomeLetter, notify('appeal_upheld', ['applicant', 'case_officer'])],
    },
    {
      from: 'appeal_forwarded',
      event: ev.recordAppealReversed(),
      actor: people.approver,
      to: 'granted.awaiting_acceptance',
      status: 'granted',
      effects: [assignFrame(), commitFunds(MAXIMUM), newAcceptance, outcomeLetter, reversed],
    },
    {
      from: 'appeal_forwarded',
      event: ev.recordAppealQuashed(),
      actor: people.approver,
      to: 'assessment.in_review',
      status: 'assessment',
      effects: [outcomeLetter, notify('appeal_quashed', ['applicant', 'case_officer'])],
    },
    {
      from: 'grant_appeal_forwarded',
      event: ev.recordAppealUpheld(),
      actor: people.approver,
      to: 'granted.awaiting_acceptance',
      status: 'granted',
      effects: [newAcceptance, outcomeLetter, notify('appeal_upheld', ['applicant', 'case_officer'])],
    },
    {
      from: 'grant_appeal_forwarded',
      event: ev.recordAppealReversed(),
      actor: people.approver,
      to: 'granted.awaiting_acceptance',
      status: 'granted',
      // Only the increase is committed: the grant appealed against already is.
      effects: [commitFunds(MAXIMUM - RECOMMENDED), newAcceptance, outcomeLetter, reversed],
    },
  ];
}

describe('the common lifecycle', () => {
  it.each(TRANSITIONS.map((row) => [row.from, row.event.type, row.to, row] as const))(
    '%s + %s → %s',
    (_from, _type, _to, row) => {
      const result = transition(lifecycle, reach(lifecycle, row.from), row.event, row.actor);

      if (!result.ok) throw new Error(`refused: ${result.detail}`);
      expect(result.to.state).toBe(row.to);
      expect(result.to.status).toBe(row.status);
      expect(result.effects).toEqual(row.effects);
      expect(result.snapshot).toMatchObject({ machineId: 'common', version: 1 });
      expect(describeState(lifecycle, result.snapshot)).toEqual(result.to);
    },
  );

  it('covers every event every state accepts', () => {
    const covered = new Set(TRANSITIONS.map((row) => `${stateOf(row.from)} ${row.event.type}`));
    const accepted = (Object.keys(SCENARIOS) as Scenario[]).flatMap((scenario) =>
      allowedEvents(lifecycle, reach(lifecycle, scenario), people.everyone, '2100-01-01T00:00:00Z').map(
        (type) => `${stateOf(scenario)} ${type}`,
      ),
    );
    // ACCEPT is ruled out in 2100 (its deadline has passed); it is in the table all the same.
    expect(accepted.filter((pair) => !covered.has(pair))).toEqual([]);
    expect(covered.size).toBe(TRANSITIONS.length - 1); // two APPROVE_REPORT rows share a pair
  });

  it('starts in draft with an empty record', () => {
    const stored = initialSnapshot(lifecycle, { createdAt: times.created });

    expect(stored).toEqual({
      machineId: 'common',
      version: 1,
      state: {
        value: 'draft',
        context: expect.objectContaining({ createdAt: times.created, submittedAt: null, decision: null }),
      },
    });
    expect(describeState(lifecycle, stored).status).toBe('draft');
  });

  it('records what the rest of the system needs in the context', () => {
    const closed = reach(lifecycle, 'closed').state.context;

    expect(closed).toEqual({
      createdAt: times.created,
      submittedAt: times.submitted,
      maximumAmount: MAXIMUM,
      delegationLimit: null,
      acceptanceDays: null,
      projectEndsAt: times.projectEnds,
      caseOfficerId: 'user-officer',
      informationRequest: null,
      recommendation: {
        kind: 'grant',
        amount: RECOMMENDED,
        notes: 'Godt prosjekt',
        by: 'user-officer',
        at: times.recommended,
      },
      decision: {
        kind: 'grant',
        amount: RECOMMENDED,
        committeeCaseRef: null,
        by: 'user-approver',
        at: times.decided,
      },
      acceptanceDueAt: times.acceptanceDue,
      acceptedAt: times.accepted,
      finalReportDueAt: times.projectEnds,
      finalReportOverdueNotifiedFor: null,
      reportId: 'report-1',
      finalPayableAmount: RECOMMENDED,
      endedAt: times.closed,
      cancellation: null,
      extension: null,
      appeal: null,
    });
  });

  it('stores instants in one canonical UTC form whatever offset the caller used', () => {
    const result = transition(
      lifecycle,
      reach(lifecycle, 'recommended_grant'),
      ev.decideGrant({ at: '2026-03-15T11:30:00+01:00' }),
      people.approver,
    );

    if (!result.ok) throw new Error(result.detail);
    expect(result.snapshot.state.context.decision?.at).toBe(times.decided);
    expect(result.effects).toContainEqual(scheduleDeadline('acceptance', times.acceptanceDue));
  });

  describe('tags', () => {
    const expected: Record<Scenario, { status: LifecycleStatus; tags: string[] }> = {
      draft: { status: 'draft', tags: ['awaiting:applicant', 'editable_by_applicant'] },
      applied: { status: 'applied', tags: ['awaiting:case_officer'] },
      in_review: { status: 'assessment', tags: ['awaiting:case_officer'] },
      awaiting_applicant: { status: 'assessment', tags: ['awaiting:applicant', 'editable_by_applicant'] },
      recommended_grant: { status: 'assessment', tags: ['awaiting:approver'] },
      recommended_rejection: { status: 'assessment', tags: ['awaiting:approver'] },
      awaiting_acceptance: { status: 'granted', tags: ['awaiting:applicant'] },
      active: { status: 'granted', tags: ['awaiting:applicant', 'payable'] },
      report_review: { status: 'reported', tags: ['awaiting:case_officer', 'payable'] },
      settling: { status: 'reported', tags: ['payable', 'settling'] },
      closed: { status: 'closed', tags: ['payable', 'terminal'] },
      rejected: { status: 'rejected', tags: ['appealable', 'terminal'] },
      withdrawn: { status: 'withdrawn', tags: ['terminal'] },
      lapsed: { status: 'lapsed', tags: ['terminal'] },
      extension_requested: { status: 'granted', tags: ['awaiting:applicant', 'payable'] },
      cancellation_proposed: { status: 'granted', tags: ['awaiting:applicant', 'payable'] },
      cancelling: { status: 'cancelled', tags: ['settling'] },
      cancelled: { status: 'cancelled', tags: ['terminal'] },
      appeal_lodged: { status: 'rejected', tags: ['appealable', 'terminal'] },
      appeal_reversal_proposed: { status: 'rejected', tags: ['appealable', 'terminal'] },
      appeal_forward_proposed: { status: 'rejected', tags: ['appealable', 'terminal'] },
      appeal_forwarded: { status: 'rejected', tags: ['appealable', 'terminal'] },
      grant_appeal_forwarded: { status: 'granted', tags: ['awaiting:applicant'] },
    };

    it.each(Object.entries(expected))(
      '%s carries its status tag and shared tags',
      (scenario, { status, tags }) => {
        const view = describeState(lifecycle, reach(lifecycle, scenario as Scenario));

        expect(view.status).toBe(status);
        expect(view.tags).toEqual([...tags, `status:${status}`].sort());
      },
    );
  });

  describe('purity', () => {
    afterEach(() => jest.useRealTimers());

    const walk = (node: AnyStateNode): AnyStateNode[] => [node, ...Object.values(node.states).flatMap(walk)];

    it('has no delayed transitions, invoked actors or spawned children', () => {
      const nodes = walk(lifecycle.machine.root);

      expect(nodes.length).toBeGreaterThan(10);
      expect(nodes.filter((node) => node.after.length > 0 || node.invoke.length > 0)).toEqual([]);
      const [initial] = initialTransition(lifecycle.machine, { createdAt: times.created });
      expect(initial.children).toEqual({});
    });

    it('takes time only from events: same events, any wall clock, same results and no timers', () => {
      const runAt = (wallClock: string) => {
        jest.useFakeTimers({ now: new Date(wallClock) });
        const run = (Object.keys(SCENARIOS) as Scenario[]).map((scenario) => reach(lifecycle, scenario));
        expect(jest.getTimerCount()).toBe(0);
        jest.useRealTimers();
        return run;
      };

      const in1999 = runAt('1999-12-31T23:59:59Z');
      const in2040 = runAt('2040-06-01T12:00:00Z');

      expect(in2040).toEqual(in1999);
      expect(in1999.map((stored) => stored.state.context.acceptanceDueAt)).toContain(times.acceptanceDue);
    });

    it('returns plain JSON snapshots that survive a database round trip', () => {
      for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
        const stored = reach(lifecycle, scenario);
        expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
      }
    });

    it('leaves the snapshot it was given untouched', () => {
      const stored = reach(lifecycle, 'recommended_grant');
      const before = structuredClone(stored);

      transition(lifecycle, deepFreeze(stored), ev.decideGrant(), people.approver);
      transition(lifecycle, stored, ev.decideGrant(), people.officer);

      expect(stored).toEqual(before);
    });
  });
});

describe('cancellation (heving) and extension (utsatt frist)', () => {
  const ok = (result: ReturnType<typeof transition>) => {
    if (!result.ok) throw new Error(`refused: ${result.detail}`);
    return result;
  };
  const reasons = (result: ReturnType<typeof transition>) => {
    if (result.ok || result.reason !== 'guard_failed') throw new Error('expected a guard refusal');
    return result.reasons;
  };

  it('records the proposal, then the decision with who decided and when the case ended', () => {
    const proposed = ok(
      transition(
        lifecycle,
        reach(lifecycle, 'active'),
        ev.proposeCancellation({ repaymentAmount: 2_500_000 }),
        people.officer,
      ),
    ).snapshot;
    expect(proposed.state.context.cancellation).toEqual({
      grounds: 'Prosjektet ble ikke startet',
      repaymentAmount: 2_500_000,
      proposedBy: 'user-officer',
      proposedAt: times.cancellationProposed,
      decidedBy: null,
      decidedAt: null,
    });

    const decided = ok(transition(lifecycle, proposed, ev.decideCancellation(), people.approver));
    expect(decided.effects).toContainEqual(cancelFunds(2_500_000));
    expect(decided.snapshot.state.context).toMatchObject({
      cancellation: { decidedBy: 'user-approver', decidedAt: times.cancellationDecided },
      endedAt: times.cancellationDecided,
    });
  });

  it('marks an appeal after the last day late, and still takes it', () => {
    const late = ok(
      transition(
        lifecycle,
        reach(lifecycle, 'rejected'),
        ev.lodgeAppeal({ at: '2026-04-08T09:00:00Z' }),
        people.applicant,
      ),
    );
    expect(late.snapshot.state.context.appeal).toMatchObject({
      lastDay: '2026-04-07',
      late: true,
      against: 'rejection',
    });
  });

  it('four eyes on an appeal: the proposer may not decide it, even holding the approver role', () => {
    const proposed = reach(lifecycle, 'appeal_reversal_proposed'); // proposed by user-officer

    expect(
      reasons(transition(lifecycle, proposed, ev.decideAppealReversal(), people.officerApprover)),
    ).toEqual([
      'four eyes: the appeal must be decided by someone other than the case officer who proposed it',
    ]);
    expect(reasons(transition(lifecycle, proposed, ev.decideAppealForward(), people.approver))).toEqual([
      'no proposal to forward the decision waits',
    ]);
  });

  it('reverses only in the applicant’s favour, up to the maximum', () => {
    const grant = ok(
      transition(lifecycle, reach(lifecycle, 'awaiting_acceptance'), ev.lodgeAppeal(), people.applicant),
    );
    expect(
      reasons(
        transition(
          lifecycle,
          grant.snapshot,
          ev.proposeAppealReversal({ amount: RECOMMENDED }),
          people.officer,
        ),
      ),
    ).toEqual(['a reversal must grant more than the 400000.00 kr appealed against']);
    expect(
      reasons(
        transition(
          lifecycle,
          grant.snapshot,
          ev.proposeAppealReversal({ amount: MAXIMUM + 1 }),
          people.officer,
        ),
      ),
    ).toHaveLength(1);
  });

  it('holds the acceptance deadline while a grant is appealed', () => {
    const stored = reach(lifecycle, 'grant_appeal_forwarded');
    expect(
      reasons(
        transition(
          lifecycle,
          stored,
          ev.acceptanceDeadlinePassed({ at: '2026-04-10T00:00:00Z' }),
          people.system,
        ),
      ),
    ).toEqual(['an appeal against the grant is open']);
  });

  it("takes one appeal at a time, and none after the appeals board's decision", () => {
    expect(
      reasons(transition(lifecycle, reach(lifecycle, 'appeal_lodged'), ev.lodgeAppeal(), people.applicant)),
    ).toEqual(['an appeal against this decision is already open']);
    const upheld = ok(
      transition(lifecycle, reach(lifecycle, 'appeal_forwarded'), ev.recordAppealUpheld(), people.approver),
    );
    expect(reasons(transition(lifecycle, upheld.snapshot, ev.lodgeAppeal(), people.applicant))).toEqual([
      "the appeals board's decision on the appeal is final (forvaltningsloven § 28)",
    ]);
  });

  it('four eyes: the proposer may not decide the cancellation, even holding the approver role', () => {
    const proposed = reach(lifecycle, 'cancellation_proposed'); // proposed by user-officer

    expect(reasons(transition(lifecycle, proposed, ev.decideCancellation(), people.officerApprover))).toEqual(
      ['four eyes: the cancellation must be decided by someone other than the case officer who proposed it'],
    );
  });

  it('decides nothing that was not proposed, and takes one proposal at a time', () => {
    expect(
      reasons(transition(lifecycle, reach(lifecycle, 'active'), ev.decideCancellation(), people.approver)),
    ).toEqual(['no cancellation is proposed']);
    expect(
      reasons(
        transition(
          lifecycle,
          reach(lifecycle, 'cancellation_proposed'),
          ev.proposeCancellation(),
          people.officer,
        ),
      ),
    ).toEqual(['a cancellation of this grant is already proposed']);
  });

  it('a dismissed proposal leaves the grant running and room for another', () => {
    const dismissed = ok(
      transition(
        lifecycle,
        reach(lifecycle, 'cancellation_proposed'),
        ev.dismissCancellation(),
        people.approver,
      ),
    ).snapshot;
    expect(dismissed.state.context.cancellation).toBeNull();
    ok(transition(lifecycle, dismissed, ev.proposeCancellation(), people.officer));
  });

  it.each([
    [{ grounds: '  ' }, ['grounds must be a non-empty text']],
    [{ repaymentAmount: -1 }, ['repaymentAmount must be a whole number of øre, zero or more']],
    [{ repaymentAmount: 10.5 }, ['repaymentAmount must be a whole number of øre, zero or more']],
  ])('refuses a proposal with %j', (override, expected) => {
    expect(
      reasons(
        transition(
          lifecycle,
          reach(lifecycle, 'active'),
          ev.proposeCancellation(override as never),
          people.officer,
        ),
      ),
    ).toEqual(expected);
  });

  it('a granted extension moves the final report deadline; the officer may choose another date', () => {
    const other = '2027-02-28T22:59:00.000Z';
    const granted = ok(
      transition(
        lifecycle,
        reach(lifecycle, 'extension_requested'),
        ev.grantExtension({ dueAt: '2027-02-28T23:59:00+01:00', grounds: 'Godt begrunnet' }),
        people.officer,
      ),
    );
    expect(granted.effects).toContainEqual(scheduleDeadline('final_report', other));
    expect(granted.snapshot.state.context.finalReportDueAt).toBe(other);
    expect(granted.snapshot.state.context.extension).toEqual({
      reason: 'Kursleverandøren flyttet siste kursuke',
      requestedDueAt: times.extensionDue,
      previousDueAt: times.projectEnds,
      requestedProjectEndsAt: null,
      previousProjectEndsAt: times.projectEnds,
      requestedBy: 'user-applicant',
      requestedAt: times.extensionRequested,
      outcome: {
        kind: 'granted',
        dueAt: other,
        projectEndsAt: null,
        grounds: 'Godt begrunnet',
        by: 'user-officer',
        at: times.extensionAnswered,
      },
    });
  });

  it('a refused extension keeps the deadline and records the grounds', () => {
    const refused = ok(
      transition(lifecycle, reach(lifecycle, 'extension_requested'), ev.refuseExtension(), people.officer),
    ).snapshot.state.context;
    expect(refused.finalReportDueAt).toBe(times.projectEnds);
    expect(refused.extension?.outcome).toMatchObject({ kind: 'refused', by: 'user-officer' });
  });

  it('refuses a request for a date not after the current deadline, or a second one while one waits', () => {
    expect(
      reasons(
        transition(
          lifecycle,
          reach(lifecycle, 'active'),
          ev.requestExtension({ dueAt: '2026-12-01T00:00:00Z' }),
          people.applicant,
        ),
      ),
    ).toEqual([`dueAt must be after the current final report deadline (${times.projectEnds})`]);
    expect(
      reasons(
        transition(
          lifecycle,
          reach(lifecycle, 'extension_requested'),
          ev.requestExtension(),
          people.applicant,
        ),
      ),
    ).toEqual(['a request for a later deadline already waits for the case officer']);
    expect(
      reasons(transition(lifecycle, reach(lifecycle, 'active'), ev.grantExtension(), people.officer)),
    ).toEqual(['no request for a later deadline is waiting']);
  });
});

function stateOf(scenario: Scenario): string {
  return describeState(lifecycle, reach(lifecycle, scenario)).state;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
