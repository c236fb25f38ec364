import { DAY_MS } from '@lib/common';
import { EVENT_ROLES, EVENT_TYPES, type LifecycleEvent, type LifecycleEventType } from './events';
import { defineLifecycle } from './lifecycle.definition';
import { ROLES, type EngineActor } from './roles';
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
import { allowedEvents, transition, type TransitionResult } from './transition';

const lifecycle = defineLifecycle({ id: 'common', version: 1 });

const EXTENSION = ['REQUEST_EXTENSION', 'GRANT_EXTENSION', 'REFUSE_EXTENSION'] as const;
const CANCELLATION = ['PROPOSE_CANCELLATION', 'DISMISS_CANCELLATION', 'DECIDE_CANCELLATION'] as const;
const APPEAL = [
  'LODGE_APPEAL',
  'PROPOSE_APPEAL_REVERSAL',
  'PROPOSE_APPEAL_FORWARD',
  'DISMISS_APPEAL_PROPOSAL',
  'DECIDE_APPEAL_REVERSAL',
  'DECIDE_APPEAL_FORWARD',
  'RECORD_APPEAL_UPHELD',
  'RECORD_APPEAL_REVERSED',
] as const;

/** What each state accepts at all (any role, guards aside): the whole table, pinned. */
const ACCEPTS: Record<Scenario, readonly LifecycleEventType[]> = {
  draft: ['SUBMIT', 'WITHDRAW'],
  applied: ['WITHDRAW', 'ASSIGN'],
  in_review: ['WITHDRAW', 'ASSIGN', 'REQUEST_INFO', 'RECOMMEND_GRANT', 'RECOMMEND_REJECTION'],
  awaiting_applicant: ['WITHDRAW', 'ASSIGN', 'ANSWER_INFO', 'INFORMATION_DEADLINE_PASSED'],
  recommended_grant: ['WITHDRAW', 'ASSIGN', 'RETURN_TO_REVIEW', 'DECIDE_GRANT', 'DECIDE_REJECTION'],
  recommended_rejection: ['WITHDRAW', 'ASSIGN', 'RETURN_TO_REVIEW', 'DECIDE_GRANT', 'DECIDE_REJECTION'],
  awaiting_acceptance: ['ACCEPT', 'DECLINE_GRANT', 'ACCEPTANCE_DEADLINE_PASSED', ...APPEAL],
  active: ['REPORT_DEADLINE_PASSED', 'SUBMIT_REPORT', ...EXTENSION, ...CANCELLATION, ...APPEAL],
  report_review: ['RETURN_REPORT', 'APPROVE_REPORT', ...CANCELLATION],
  settling: ['SETTLE'],
  closed: [],
  rejected: [...APPEAL, 'RECORD_APPEAL_QUASHED'],
  appeal_lodged: [...APPEAL, 'RECORD_APPEAL_QUASHED'],
  appeal_reversal_proposed: [...APPEAL, 'RECORD_APPEAL_QUASHED'],
  appeal_forward_proposed: [...APPEAL, 'RECORD_APPEAL_QUASHED'],
  appeal_forwarded: [...APPEAL, 'RECORD_APPEAL_QUASHED'],
  grant_appeal_forwarded: ['ACCEPT', 'DECLINE_GRANT', 'ACCEPTANCE_DEADLINE_PASSED', ...APPEAL],
  withdrawn: [],
  lapsed: [],
  extension_requested: ['REPORT_DEADLINE_PASSED', 'SUBMIT_REPORT', ...EXTENSION, ...CANCELLATION, ...APPEAL],
  cancellation_proposed: [
    'REPORT_DEADLINE_PASSED',
    'SUBMIT_REPORT',
    ...EXTENSION,
    ...CANCELLATION,
    ...APPEAL,
  ],
  cancelling: ['SETTLE'],
  cancelled: [],
};

/** A well-formed event of each type, far in the future so that no deadline rule interferes. */
const LATER = '2030-01-01T00:00:00.000Z';
const SAMPLE: Record<LifecycleEventType, LifecycleEvent> = {
  SUBMIT: ev.submit({ at: LATER }),
  WITHDRAW: ev.withdraw({ at: LATER }),
  ASSIGN: ev.assign({ at: LATER, caseOfficerId: 'user-officer-3' }),
  REQUEST_INFO: ev.requestInfo({ at: LATER, dueAt: '2030-02-01T00:00:00Z' }),
  ANSWER_INFO: ev.answerInfo({ at: LATER }),
  INFORMATION_DEADLINE_PASSED: ev.infoDeadlinePassed({ at: LATER }),
  RECOMMEND_GRANT: ev.recommendGrant({ at: LATER }),
  RECOMMEND_REJECTION: ev.recommendRejection({ at: LATER }),
  RETURN_TO_REVIEW: ev.returnToReview({ at: LATER }),
  DECIDE_GRANT: ev.decideGrant({ at: LATER }),
  DECIDE_REJECTION: ev.decideRejection({ at: LATER }),
  ACCEPT: ev.accept({ at: LATER }),
  DECLINE_GRANT: ev.declineGrant({ at: LATER }),
  ACCEPTANCE_DEADLINE_PASSED: ev.acceptanceDeadlinePassed({ at: LATER }),
  REPORT_DEADLINE_PASSED: ev.reportDeadlinePassed({ at: LATER }),
  SUBMIT_REPORT: ev.submitReport({ at: LATER }),
  RETURN_REPORT: ev.returnReport({ at: LATER, dueAt: '2030-02-01T00:00:00Z' }),
  APPROVE_REPORT: ev.approveReport({ at: LATER }),
  SETTLE: ev.settle({ at: LATER }),
  REQUEST_EXTENSION: ev.requestExtension({ at: LATER, dueAt: '2031-01-01T00:00:00Z' }),
  GRANT_EXTENSION: ev.grantExtension({ at: LATER }),
  REFUSE_EXTENSION: ev.refuseExtension({ at: LATER }),
  PROPOSE_CANCELLATION: ev.proposeCancellation({ at: LATER }),
  DISMISS_CANCELLATION: ev.dismissCancellation({ at: LATER }),
  DECIDE_CANCELLATION: ev.decideCancellation({ at: LATER }),
  LODGE_APPEAL: ev.lodgeAppeal({ at: LATER }),
  PROPOSE_APPEAL_REVERSAL: ev.proposeAppealReversal({ at: LATER }),
  PROPOSE_APPEAL_FORWARD: ev.proposeAppealForward({ at: LATER }),
  DISMISS_APPEAL_PROPOSAL: ev.dismissAppealProposal({ at: LATER }),
  DECIDE_APPEAL_REVERSAL: ev.decideAppealReversal({ at: LATER }),
  DECIDE_APPEAL_FORWARD: ev.decideAppealForward({ at: LATER }),
  RECORD_APPEAL_UPHELD: ev.recordAppealUpheld({ at: LATER }),
  RECORD_APPEAL_REVERSED: ev.recordAppealReversed({ at: LATER }),
  RECORD_APPEAL_QUASHED: ev.recordAppealQuashed({ at: LATER }),
};

const scenarios = Object.keys(SCENARIOS) as Scenario[];

function refused<R extends Extract<TransitionResult, { ok: false }>['reason']>(
  result: TransitionResult,
  reason: R,
) {
  if (result.ok || result.reason !== reason) {
    throw new Error(`expected ${reason}, got ${result.ok ? 'ok' : `${result.reason}: ${result.detail}`}`);
  }
  return result as Extract<TransitionResult, { ok: false; reason: R }>;
}

function accepted(result: TransitionResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.detail}`);
  return result;
}

describe('transition refusals', () => {
  describe('an event the current state does not accept', () => {
    const cases = scenarios.flatMap((scenario) => EVENT_TYPES.map((type) => [scenario, type] as const));

    it.each(cases)('%s + %s', (scenario, type) => {
      const stored = reach(lifecycle, scenario);
      const result = transition(lifecycle, stored, SAMPLE[type], people.everyone);

      if (ACCEPTS[scenario].includes(type)) {
        expect(result.ok || result.reason).not.toBe('not_accepted');
        return;
      }
      const refusal = refused(result, 'not_accepted');
      expect(refusal.state).toEqual(
        expect.objectContaining({ state: expect.any(String), status: expect.any(String) }),
      );
      expect(refusal.allowedEvents.every((allowed) => ACCEPTS[scenario].includes(allowed))).toBe(true);
      expect(refusal.detail).toBe(`${type} is not accepted while the application is ${refusal.state.state}`);
    });

    it('names the current state and the events the actor could send instead', () => {
      const refusal = refused(
        transition(lifecycle, reach(lifecycle, 'draft'), ev.accept(), people.applicant),
        'not_accepted',
      );

      expect(refusal).toEqual({
        ok: false,
        reason: 'not_accepted',
        eventType: 'ACCEPT',
        state: {
          status: 'draft',
          state: 'draft',
          value: 'draft',
          tags: ['awaiting:applicant', 'editable_by_applicant', 'status:draft'],
        },
        allowedEvents: ['SUBMIT', 'WITHDRAW'],
        detail: 'ACCEPT is not accepted while the application is draft',
      });
    });

    it('treats a deadline that fires after the case has moved on as not accepted (idempotent jobs)', () => {
      const refusal = refused(
        transition(lifecycle, reach(lifecycle, 'active'), ev.acceptanceDeadlinePassed(), people.system),
        'not_accepted',
      );

      expect(refusal.allowedEvents).toEqual([]);
      expect(refusal.state.state).toBe('granted.active');
    });
  });

  describe('a role that may not send the event', () => {
    const where = (type: LifecycleEventType) =>
      scenarios.find((scenario) => ACCEPTS[scenario].includes(type)) as Scenario;
    const cases = EVENT_TYPES.flatMap((type) =>
      ROLES.filter((role) => !EVENT_ROLES[type].includes(role)).map(
        (role) => [type, role, where(type)] as const,
      ),
    );

    it.each(cases)('%s sent by %s (in %s)', (type, role, scenario) => {
      const actor: EngineActor = { userId: `user-${role}`, roles: [role] };
      const refusal = refused(
        transition(lifecycle, reach(lifecycle, scenario), SAMPLE[type], actor),
        'forbidden',
      );

      expect(refusal.requiredRoles).toEqual(EVENT_ROLES[type]);
      expect(refusal.detail).toBe(`only ${EVENT_ROLES[type].join(' or ')} may send ${type}`);
    });

    it('refuses an actor with no roles at all', () => {
      refused(
        transition(lifecycle, reach(lifecycle, 'draft'), ev.submit(), { userId: 'u', roles: [] }),
        'forbidden',
      );
    });
  });

  it('refuses an event outside the catalogue', () => {
    const bogus = { type: 'PAY_OUT', at: times.submitted } as unknown as LifecycleEvent;
    const refusal = refused(
      transition(lifecycle, reach(lifecycle, 'active'), bogus, people.everyone),
      'unknown_event',
    );

    expect(refusal.eventType).toBe('PAY_OUT');
  });

  describe('guards', () => {
    const reasonsOf = (result: TransitionResult) => refused(result, 'guard_failed').reasons;

    it('four eyes: the recommender may not decide a grant, even holding the approver role', () => {
      const stored = reach(lifecycle, 'recommended_grant'); // recommended by user-officer

      expect(reasonsOf(transition(lifecycle, stored, ev.decideGrant(), people.officerApprover))).toEqual([
        'four eyes: the decision must be made by someone other than the case officer who recommended it',
      ]);
      accepted(transition(lifecycle, stored, ev.decideGrant(), people.approver));
    });

    it('four eyes: the recommender may not decide a rejection either', () => {
      const stored = reach(lifecycle, 'recommended_rejection');

      expect(reasonsOf(transition(lifecycle, stored, ev.decideRejection(), people.officerApprover))).toEqual([
        'four eyes: the decision must be made by someone other than the case officer who recommended it',
      ]);
    });

    it('a decision must follow the recommendation it decides on', () => {
      expect(
        reasonsOf(
          transition(lifecycle, reach(lifecycle, 'recommended_grant'), ev.decideRejection(), people.approver),
        ),
      ).toEqual(['the recommendation is not a rejection']);
      expect(
        reasonsOf(
          transition(lifecycle, reach(lifecycle, 'recommended_rejection'), ev.decideGrant(), people.approver),
        ),
      ).toEqual(['the recommendation is not a grant']);
    });

    it('a recommendation may not exceed the maximum computed at submission', () => {
      const stored = reach(lifecycle, 'in_review');

      expect(
        reasonsOf(transition(lifecycle, stored, ev.recommendGrant({ amount: MAXIMUM + 1 }), people.officer)),
      ).toEqual([
        'the recommended amount 500000.01 kr exceeds the maximum grant of 500000.00 kr for this application',
      ]);
      accepted(transition(lifecycle, stored, ev.recommendGrant({ amount: MAXIMUM }), people.officer));
    });

    it.each([0, -100, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '4000000'])(
      'a recommended amount of %p is not a positive whole number of øre',
      (amount) => {
        const event = ev.recommendGrant({ amount: amount as number });

        expect(
          reasonsOf(transition(lifecycle, reach(lifecycle, 'in_review'), event, people.officer)),
        ).toEqual(['amount must be a positive whole number of øre']);
      },
    );

    describe("the call's own limits, carried by SUBMIT", () => {
      const submitWith = (extra: Record<string, unknown>) =>
        [
          [{ ...ev.submit(), ...extra } as LifecycleEvent, people.applicant],
          ...SCENARIOS.recommended_grant.slice(1),
        ] as const;
      const drive = (steps: ReturnType<typeof submitWith>) =>
        steps.reduce(
          (current, [event, actor]) => accepted(transition(lifecycle, current, event, actor)).snapshot,
          reach(lifecycle, 'draft'),
        );

      it("the call's delegation limit, not the definition's, decides when the committee must decide", () => {
        const stored = drive(submitWith({ delegationLimit: RECOMMENDED - 1 }));
        expect(reasonsOf(transition(lifecycle, stored, ev.decideGrant(), people.approver))).toEqual([
          expect.stringContaining('above the delegation limit'),
        ]);
        const atLimit = drive(submitWith({ delegationLimit: RECOMMENDED }));
        expect(transition(lifecycle, atLimit, ev.decideGrant(), people.approver).ok).toBe(true);
      });

      it("the call's acceptance days set the acceptance deadline", () => {
        const stored = drive(submitWith({ acceptanceDays: 14 }));
        const result = accepted(transition(lifecycle, stored, ev.decideGrant(), people.approver));
        const due = result.snapshot.state.context.acceptanceDueAt;
        expect(Date.parse(due!) - Date.parse(result.snapshot.state.context.decision!.at)).toBe(14 * DAY_MS);
      });

      it.each([[{ delegationLimit: -1 }], [{ delegationLimit: 1.5 }], [{ acceptanceDays: 0 }]])(
        'refuses a malformed limit %j',
        (extra) => {
          const result = transition(
            lifecycle,
            reach(lifecycle, 'draft'),
            { ...ev.submit(), ...extra },
            people.applicant,
          );
          expect(result.ok).toBe(false);
        },
      );
    });

    describe('the grant decision in words', () => {
      const plain = defineLifecycle({ id: 'plain', version: 1 });

      it('keeps the grounds and conditions for the applicant, when given', () => {
        const stored = reach(plain, 'recommended_grant');
        const result = accepted(
          transition(
            plain,
            stored,
            ev.decideGrant({ grounds: 'Godt prosjekt', conditions: ['Sluttrapport innen fristen'] }),
            people.approver,
          ),
        );
        expect(result.snapshot.state.context.decision).toEqual(
          expect.objectContaining({ grounds: 'Godt prosjekt', conditions: ['Sluttrapport innen fristen'] }),
        );
        const without = accepted(transition(plain, stored, ev.decideGrant(), people.approver));
        expect(without.snapshot.state.context.decision).not.toHaveProperty('grounds');
        expect(without.snapshot.state.context.decision).not.toHaveProperty('conditions');
      });

      it('refuses empty grounds or conditions', () => {
        const stored = reach(plain, 'recommended_grant');
        expect(
          reasonsOf(
            transition(
              plain,
              stored,
              ev.decideGrant({ grounds: ' ', conditions: ['ok', ''] }),
              people.approver,
            ),
          ),
        ).toEqual(['grounds must be a non-empty text', 'conditions[1] must be a non-empty text']);
        expect(
          reasonsOf(
            transition(
              plain,
              stored,
              ev.decideGrant({ conditions: 'one' as unknown as string[] }),
              people.approver,
            ),
          ),
        ).toEqual(['conditions must be a list of texts']);
      });
    });

    describe('above the delegation limit', () => {
      const withCommittee = defineLifecycle({
        id: 'committee',
        version: 1,
        requireCommitteeAbove: 30_000_000,
      });

      it('a grant needs a committee case reference', () => {
        const stored = reach(withCommittee, 'recommended_grant'); // 400 000 kr > 300 000 kr

        expect(reasonsOf(transition(withCommittee, stored, ev.decideGrant(), people.approver))).toEqual([
          'a grant of 400000.00 kr is above the delegation limit of 300000.00 kr and needs a committee case reference (committeeCaseRef, e.g. "FU 161/20")',
        ]);
        expect(
          reasonsOf(
            transition(withCommittee, stored, ev.decideGrant({ committeeCaseRef: ' ' }), people.approver),
          ),
        ).toEqual(['committeeCaseRef must be a non-empty text']);

        const result = accepted(
          transition(
            withCommittee,
            stored,
            ev.decideGrant({ committeeCaseRef: 'FU 161/20' }),
            people.approver,
          ),
        );
        expect(result.snapshot.state.context.decision).toEqual(
          expect.objectContaining({ committeeCaseRef: 'FU 161/20' }),
        );
      });

      it('a grant at the limit does not', () => {
        const atLimit = [
          ...SCENARIOS.in_review,
          [ev.recommendGrant({ amount: 30_000_000 }), people.officer],
        ] as const;
        const stored = atLimit.reduce(
          (current, [event, actor]) => accepted(transition(withCommittee, current, event, actor)).snapshot,
          reach(withCommittee, 'draft'),
        );

        accepted(transition(withCommittee, stored, ev.decideGrant(), people.approver));
      });
    });

    it('a submission carries the scheme’s eligibility reasons and is refused by them', () => {
      const event = ev.submit({
        ineligibilityReasons: ['organisasjonen er ikke registrert i Enhetsregisteret'],
      });

      expect(reasonsOf(transition(lifecycle, reach(lifecycle, 'draft'), event, people.applicant))).toEqual([
        'not eligible: organisasjonen er ikke registrert i Enhetsregisteret',
      ]);
    });

    it('a submission needs a maximum and a project end', () => {
      const event = ev.submit({ maximumAmount: 0, projectEndsAt: '31.12.2026' });

      expect(reasonsOf(transition(lifecycle, reach(lifecycle, 'draft'), event, people.applicant))).toEqual([
        'maximumAmount must be a positive whole number of øre',
        'projectEndsAt must be an ISO-8601 instant with an offset, e.g. 2026-03-01T12:00:00Z',
      ]);
    });

    it.each(['yesterday', '2026-03-02 09:00', '2026-03-02T09:00:00', ''])(
      'an event at %p is refused',
      (at) => {
        expect(
          reasonsOf(transition(lifecycle, reach(lifecycle, 'draft'), ev.submit({ at }), people.applicant)),
        ).toEqual(['at must be an ISO-8601 instant with an offset, e.g. 2026-03-01T12:00:00Z']);
      },
    );

    it('an information request needs a message and a due time after now', () => {
      const event = ev.requestInfo({ message: '', dueAt: times.infoRequested });

      expect(reasonsOf(transition(lifecycle, reach(lifecycle, 'in_review'), event, people.officer))).toEqual([
        'message must be a non-empty text',
        'dueAt must be after the time of the event',
      ]);
    });

    it('a case cannot be assigned to the officer who already has it', () => {
      expect(
        reasonsOf(transition(lifecycle, reach(lifecycle, 'in_review'), ev.assign(), people.officer)),
      ).toEqual(['the case is already assigned to user-officer']);
    });

    it('recommendations are made by identified users only', () => {
      const anonymous: EngineActor = { userId: null, roles: ['case_officer'] };

      expect(
        reasonsOf(transition(lifecycle, reach(lifecycle, 'in_review'), ev.recommendRejection(), anonymous)),
      ).toEqual(['this event must be sent by an identified user']);
    });

    it('a grant cannot be accepted after its acceptance deadline', () => {
      const stored = reach(lifecycle, 'awaiting_acceptance');

      accepted(transition(lifecycle, stored, ev.accept({ at: times.acceptanceDue }), people.applicant));
      expect(
        reasonsOf(
          transition(lifecycle, stored, ev.accept({ at: '2026-04-05T10:30:00.001Z' }), people.applicant),
        ),
      ).toEqual([`the acceptance deadline (${times.acceptanceDue}) has passed`]);
    });

    it('deadline events sent early are refused', () => {
      const early = '2026-03-16T00:00:00Z';

      expect(
        reasonsOf(
          transition(
            lifecycle,
            reach(lifecycle, 'awaiting_acceptance'),
            ev.acceptanceDeadlinePassed({ at: early }),
            people.system,
          ),
        ),
      ).toEqual([`the acceptance deadline (${times.acceptanceDue}) has not passed yet`]);
      expect(
        reasonsOf(
          transition(
            lifecycle,
            reach(lifecycle, 'awaiting_applicant'),
            ev.infoDeadlinePassed({ at: times.infoAnswered }),
            people.system,
          ),
        ),
      ).toEqual([`the information deadline (${times.infoDue}) has not passed yet`]);
      expect(
        reasonsOf(
          transition(
            lifecycle,
            reach(lifecycle, 'active'),
            ev.reportDeadlinePassed({ at: times.accepted }),
            people.system,
          ),
        ),
      ).toEqual([`the final report deadline (${times.projectEnds}) has not passed yet`]);
    });

    it('an overdue report is reminded once per deadline', () => {
      const reminded = accepted(
        transition(lifecycle, reach(lifecycle, 'active'), ev.reportDeadlinePassed(), people.system),
      ).snapshot;

      expect(reasonsOf(transition(lifecycle, reminded, ev.reportDeadlinePassed(), people.system))).toEqual([
        'the applicant has already been reminded of this final report deadline',
      ]);

      // A returned report gets a new deadline, which may be reminded again.
      const returned = [
        [ev.submitReport(), people.applicant],
        [ev.returnReport(), people.officer],
      ] as const;
      const again = returned.reduce(
        (current, [event, actor]) => accepted(transition(lifecycle, current, event, actor)).snapshot,
        reminded,
      );
      accepted(
        transition(
          lifecycle,
          again,
          ev.reportDeadlinePassed({ at: times.reportResubmissionDue }),
          people.system,
        ),
      );
    });

    it('the final payable amount may not exceed the grant', () => {
      const stored = reach(lifecycle, 'report_review');

      expect(
        reasonsOf(
          transition(
            lifecycle,
            stored,
            ev.approveReport({ finalPayableAmount: RECOMMENDED + 1 }),
            people.officer,
          ),
        ),
      ).toEqual(['the final payable amount 400000.01 kr exceeds the granted 400000.00 kr']);
      expect(
        reasonsOf(
          transition(lifecycle, stored, ev.approveReport({ finalPayableAmount: -1 }), people.officer),
        ),
      ).toEqual(['finalPayableAmount must be a whole number of øre, zero or more']);
      const nothing = accepted(
        transition(lifecycle, stored, ev.approveReport({ finalPayableAmount: 0 }), people.officer),
      );
      expect(nothing.effects).toContainEqual({ kind: 'settleFunds', finalPayableAmount: 0 });
      expect(nothing.to.state).toBe('reported.settling');
    });

    it('closes a settling case only when nothing is committed and no claim is open', () => {
      const stored = reach(lifecycle, 'settling');
      expect(
        reasonsOf(transition(lifecycle, stored, ev.settle({ outstanding: 100 }), people.system)),
      ).toEqual(['the grant still has 1.00 kr committed and unpaid']);
      expect(
        reasonsOf(transition(lifecycle, stored, ev.settle({ openClaimAmount: 2_500 }), people.system)),
      ).toEqual(['the grant still has 25.00 kr in open repayment claims']);
      expect(reasonsOf(transition(lifecycle, stored, ev.settle({ outstanding: -1 }), people.system))).toEqual(
        ['outstanding must be a whole number of øre, zero or more'],
      );
      expect(accepted(transition(lifecycle, stored, ev.settle(), people.system)).to.status).toBe('closed');
    });

    it('the machine agrees with the rules: a refused event is one it cannot take', () => {
      const stored = reach(lifecycle, 'recommended_grant');
      const snapshot = lifecycle.machine.resolveState({
        value: stored.state.value,
        context: stored.state.context,
      });
      const decide = { ...ev.decideGrant(), actor: people.officerApprover };

      expect(snapshot.can(decide)).toBe(false);
      expect(snapshot.can({ ...decide, actor: people.approver })).toBe(true);
    });
  });
});

describe('allowedEvents', () => {
  const cases: Array<[Scenario, keyof typeof people, string, LifecycleEventType[]]> = [
    ['draft', 'applicant', times.submitted, ['SUBMIT', 'WITHDRAW']],
    ['draft', 'officer', times.submitted, []],
    ['applied', 'applicant', times.assigned, ['WITHDRAW']],
    ['applied', 'officer', times.assigned, ['ASSIGN']],
    [
      'in_review',
      'officer',
      times.recommended,
      ['ASSIGN', 'REQUEST_INFO', 'RECOMMEND_GRANT', 'RECOMMEND_REJECTION'],
    ],
    ['in_review', 'approver', times.recommended, []],
    ['awaiting_applicant', 'applicant', times.infoAnswered, ['WITHDRAW', 'ANSWER_INFO']],
    ['awaiting_applicant', 'system', times.infoAnswered, []],
    ['awaiting_applicant', 'system', times.infoDue, ['INFORMATION_DEADLINE_PASSED']],
    ['recommended_grant', 'approver', times.decided, ['RETURN_TO_REVIEW', 'DECIDE_GRANT']],
    ['recommended_grant', 'officerApprover', times.decided, ['ASSIGN', 'RETURN_TO_REVIEW']],
    ['recommended_rejection', 'approver', times.decided, ['RETURN_TO_REVIEW', 'DECIDE_REJECTION']],
    ['awaiting_acceptance', 'applicant', times.accepted, ['ACCEPT', 'DECLINE_GRANT', 'LODGE_APPEAL']],
    ['awaiting_acceptance', 'applicant', '2026-04-06T00:00:00Z', ['DECLINE_GRANT', 'LODGE_APPEAL']],
    ['awaiting_acceptance', 'system', times.accepted, []],
    ['awaiting_acceptance', 'system', times.acceptanceDue, ['ACCEPTANCE_DEADLINE_PASSED']],
    ['active', 'applicant', times.reported, ['SUBMIT_REPORT', 'REQUEST_EXTENSION', 'LODGE_APPEAL']],
    ['active', 'officer', times.reported, ['PROPOSE_CANCELLATION']],
    ['active', 'approver', times.reported, []],
    ['extension_requested', 'applicant', times.reported, ['SUBMIT_REPORT', 'LODGE_APPEAL']],
    [
      'extension_requested',
      'officer',
      times.reported,
      ['GRANT_EXTENSION', 'REFUSE_EXTENSION', 'PROPOSE_CANCELLATION'],
    ],
    ['cancellation_proposed', 'applicant', times.reported, ['SUBMIT_REPORT', 'LODGE_APPEAL']],
    ['cancellation_proposed', 'approver', times.reported, ['DISMISS_CANCELLATION', 'DECIDE_CANCELLATION']],
    ['cancellation_proposed', 'officerApprover', times.reported, ['DISMISS_CANCELLATION']],
    ['cancelling', 'approver', times.reported, []],
    ['cancelling', 'system', times.reported, ['SETTLE']],
    ['cancelled', 'everyone', times.reported, []],
    ['active', 'system', times.accepted, []],
    ['active', 'system', times.projectEnds, ['REPORT_DEADLINE_PASSED']],
    ['active', 'finance', times.reported, []],
    ['report_review', 'officer', times.closed, ['RETURN_REPORT', 'APPROVE_REPORT', 'PROPOSE_CANCELLATION']],
    ['closed', 'everyone', times.closed, []],
    ['rejected', 'everyone', times.closed, ['LODGE_APPEAL']],
    ['rejected', 'officer', times.closed, []],
  ];

  it.each(cases)('%s, %s at %s → %j', (scenario, who, at, expected) => {
    expect(allowedEvents(lifecycle, reach(lifecycle, scenario), people[who], at)).toEqual(expected);
  });

  it('offers nothing when the time is not an instant', () => {
    expect(allowedEvents(lifecycle, reach(lifecycle, 'draft'), people.applicant, 'now')).toEqual([]);
  });
});
