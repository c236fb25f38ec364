/**
 * Builders for lifecycle tests: people, a timeline and the event sequence that brings a case to each
 * state. Plain code with no Jest dependency, so the runner's integration tests can reuse it.
 */
import type { LifecycleEvent, LifecycleEventPayloads, LifecycleEventType } from '../events';
import type { LifecycleDefinition } from '../lifecycle.definition';
import type { EngineActor } from '../roles';
import type { StoredLifecycle } from '../snapshot-migrations';
import { initialSnapshot, transition } from '../transition';

export const people = {
  applicant: { userId: 'user-applicant', roles: ['applicant'] },
  officer: { userId: 'user-officer', roles: ['case_officer'] },
  otherOfficer: { userId: 'user-officer-2', roles: ['case_officer'] },
  approver: { userId: 'user-approver', roles: ['approver'] },
  /** The same person as `officer`, also an approver: may recommend, may not decide that recommendation. */
  officerApprover: { userId: 'user-officer', roles: ['case_officer', 'approver'] },
  finance: { userId: 'user-finance', roles: ['finance'] },
  system: { userId: null, roles: ['system'] },
  /** Every role at once: for tests about states, not about roles. */
  everyone: {
    userId: 'user-everyone',
    roles: ['applicant', 'case_officer', 'approver', 'finance', 'system'],
  },
} as const satisfies Record<string, EngineActor>;

/** The case's timeline (UTC). */
export const times = {
  created: '2026-03-01T09:00:00.000Z',
  submitted: '2026-03-02T09:00:00.000Z',
  assigned: '2026-03-03T09:00:00.000Z',
  infoRequested: '2026-03-04T09:00:00.000Z',
  infoDue: '2026-03-18T12:00:00.000Z',
  infoAnswered: '2026-03-10T09:00:00.000Z',
  recommended: '2026-03-12T09:00:00.000Z',
  decided: '2026-03-15T10:30:00.000Z',
  /** decided + 21 days */
  acceptanceDue: '2026-04-05T10:30:00.000Z',
  accepted: '2026-03-20T09:00:00.000Z',
  /** Midnight after 31 December in Oslo. */
  projectEnds: '2026-12-31T23:00:00.000Z',
  reported: '2027-01-15T09:00:00.000Z',
  reportReturned: '2027-01-18T09:00:00.000Z',
  reportResubmissionDue: '2027-02-01T23:00:00.000Z',
  closed: '2027-01-20T09:00:00.000Z',
  extensionRequested: '2026-06-01T09:00:00.000Z',
  /** Later than the final report deadline (project end + 30 days in the common lifecycle). */
  extensionDue: '2027-03-31T21:59:00.000Z',
  extensionAnswered: '2026-06-03T09:00:00.000Z',
  cancellationProposed: '2026-06-10T09:00:00.000Z',
  cancellationDecided: '2026-06-12T09:00:00.000Z',
  /** Within three weeks of the decision (last day 2026-04-07, after Easter Monday 6 April). */
  appealLodged: '2026-03-25T09:00:00.000Z',
  appealProposed: '2026-03-27T09:00:00.000Z',
  appealDecided: '2026-03-30T09:00:00.000Z',
} as const;

/** 500 000 kr */
export const MAXIMUM = 50_000_000;
/** 400 000 kr */
export const RECOMMENDED = 40_000_000;

type Payload<T extends LifecycleEventType> = LifecycleEventPayloads[T] & { at?: string };

const make =
  <T extends LifecycleEventType>(type: T, defaults: LifecycleEventPayloads[T] & { at: string }) =>
  (overrides: Partial<Payload<T>> = {}): LifecycleEvent<T> =>
    ({ type, ...defaults, ...overrides }) as unknown as LifecycleEvent<T>;

/** One builder per event, with sensible defaults on the timeline above. */
export const ev = {
  submit: make('SUBMIT', {
    at: times.submitted,
    maximumAmount: MAXIMUM,
    projectEndsAt: times.projectEnds,
    ineligibilityReasons: [],
  }),
  withdraw: make('WITHDRAW', { at: times.assigned, reason: 'Prosjektet er avlyst' }),
  assign: make('ASSIGN', { at: times.assigned }),
  requestInfo: make('REQUEST_INFO', {
    at: times.infoRequested,
    message: 'Legg ved budsjett',
    dueAt: times.infoDue,
  }),
  answerInfo: make('ANSWER_INFO', { at: times.infoAnswered, message: 'Budsjett lagt ved' }),
  infoDeadlinePassed: make('INFORMATION_DEADLINE_PASSED', { at: times.infoDue }),
  recommendGrant: make('RECOMMEND_GRANT', {
    at: times.recommended,
    amount: RECOMMENDED,
    notes: 'Godt prosjekt',
  }),
  recommendRejection: make('RECOMMEND_REJECTION', { at: times.recommended, grounds: 'Utenfor formålet' }),
  returnToReview: make('RETURN_TO_REVIEW', { at: times.decided, message: 'Vurder beløpet på nytt' }),
  decideGrant: make('DECIDE_GRANT', { at: times.decided }),
  decideRejection: make('DECIDE_REJECTION', { at: times.decided, grounds: 'Utenfor formålet' }),
  accept: make('ACCEPT', { at: times.accepted }),
  declineGrant: make('DECLINE_GRANT', { at: times.accepted }),
  acceptanceDeadlinePassed: make('ACCEPTANCE_DEADLINE_PASSED', { at: times.acceptanceDue }),
  reportDeadlinePassed: make('REPORT_DEADLINE_PASSED', { at: times.projectEnds }),
  submitReport: make('SUBMIT_REPORT', { at: times.reported, reportId: 'report-1' }),
  returnReport: make('RETURN_REPORT', {
    at: times.reportReturned,
    message: 'Regnskapet mangler',
    dueAt: times.reportResubmissionDue,
  }),
  approveReport: make('APPROVE_REPORT', { at: times.closed, finalPayableAmount: RECOMMENDED }),
  settle: make('SETTLE', { at: times.closed, outstanding: 0, openClaimAmount: 0 }),
  requestExtension: make('REQUEST_EXTENSION', {
    at: times.extensionRequested,
    reason: 'Kursleverandøren flyttet siste kursuke',
    dueAt: times.extensionDue,
  }),
  grantExtension: make('GRANT_EXTENSION', { at: times.extensionAnswered }),
  refuseExtension: make('REFUSE_EXTENSION', {
    at: times.extensionAnswered,
    grounds: 'Forsinkelsen skyldes ikke forhold utenfor bedriftens kontroll',
  }),
  proposeCancellation: make('PROPOSE_CANCELLATION', {
    at: times.cancellationProposed,
    grounds: 'Prosjektet ble ikke startet',
    repaymentAmount: 0,
  }),
  dismissCancellation: make('DISMISS_CANCELLATION', {
    at: times.cancellationDecided,
    message: 'Bedriften har startet opplæringen likevel',
  }),
  decideCancellation: make('DECIDE_CANCELLATION', { at: times.cancellationDecided }),
  lodgeAppeal: make('LODGE_APPEAL', { at: times.appealLodged, grounds: 'Opplæringen er påkrevd' }),
  proposeAppealReversal: make('PROPOSE_APPEAL_REVERSAL', {
    at: times.appealProposed,
    amount: MAXIMUM,
    grounds: 'Kravet gjelder',
  }),
  proposeAppealForward: make('PROPOSE_APPEAL_FORWARD', { at: times.appealProposed, note: 'Ikke noe nytt' }),
  dismissAppealProposal: make('DISMISS_APPEAL_PROPOSAL', { at: times.appealDecided, message: 'Se igjen' }),
  decideAppealReversal: make('DECIDE_APPEAL_REVERSAL', { at: times.appealDecided }),
  decideAppealForward: make('DECIDE_APPEAL_FORWARD', { at: times.appealDecided }),
  recordAppealUpheld: make('RECORD_APPEAL_UPHELD', { at: times.appealDecided, grounds: 'Riktig beregnet' }),
  recordAppealReversed: make('RECORD_APPEAL_REVERSED', {
    at: times.appealDecided,
    amount: MAXIMUM,
    grounds: 'Omgjort',
  }),
  recordAppealQuashed: make('RECORD_APPEAL_QUASHED', { at: times.appealDecided, grounds: 'Opphevet' }),
};

export type Step = readonly [LifecycleEvent, EngineActor];

const applied: Step[] = [[ev.submit(), people.applicant]];
const inReview: Step[] = [...applied, [ev.assign(), people.officer]];
const awaitingApplicant: Step[] = [...inReview, [ev.requestInfo(), people.officer]];
const recommendedGrant: Step[] = [...inReview, [ev.recommendGrant(), people.officer]];
const recommendedRejection: Step[] = [...inReview, [ev.recommendRejection(), people.officer]];
const awaitingAcceptance: Step[] = [...recommendedGrant, [ev.decideGrant(), people.approver]];
const active: Step[] = [...awaitingAcceptance, [ev.accept(), people.applicant]];
const reportReview: Step[] = [...active, [ev.submitReport(), people.applicant]];
const rejected: Step[] = [...recommendedRejection, [ev.decideRejection(), people.approver]];
const appealLodged: Step[] = [...rejected, [ev.lodgeAppeal(), people.applicant]];
const appealForwardProposed: Step[] = [...appealLodged, [ev.proposeAppealForward(), people.officer]];

/** The events that bring a new draft to each named situation. */
export const SCENARIOS = {
  draft: [],
  applied,
  in_review: inReview,
  awaiting_applicant: awaitingApplicant,
  recommended_grant: recommendedGrant,
  recommended_rejection: recommendedRejection,
  awaiting_acceptance: awaitingAcceptance,
  active,
  report_review: reportReview,
  settling: [...reportReview, [ev.approveReport(), people.officer]],
  closed: [...reportReview, [ev.approveReport(), people.officer], [ev.settle(), people.system]],
  rejected,
  appeal_lodged: appealLodged,
  appeal_reversal_proposed: [...appealLodged, [ev.proposeAppealReversal(), people.officer]],
  appeal_forward_proposed: appealForwardProposed,
  appeal_forwarded: [...appealForwardProposed, [ev.decideAppealForward(), people.approver]],
  grant_appeal_forwarded: [
    ...awaitingAcceptance,
    [ev.lodgeAppeal(), people.applicant],
    [ev.proposeAppealForward(), people.officer],
    [ev.decideAppealForward(), people.approver],
  ],
  withdrawn: [...applied, [ev.withdraw(), people.applicant]],
  lapsed: [...awaitingAcceptance, [ev.acceptanceDeadlinePassed(), people.system]],
  extension_requested: [...active, [ev.requestExtension(), people.applicant]],
  cancellation_proposed: [...active, [ev.proposeCancellation(), people.officer]],
  cancelling: [
    ...active,
    [ev.proposeCancellation(), people.officer],
    [ev.decideCancellation(), people.approver],
  ],
  cancelled: [
    ...active,
    [ev.proposeCancellation(), people.officer],
    [ev.decideCancellation(), people.approver],
    [ev.settle({ at: times.cancellationDecided }), people.system],
  ],
} satisfies Record<string, readonly Step[]>;

export type Scenario = keyof typeof SCENARIOS;

/** Applies steps to a stored snapshot, failing loudly on any refusal. */
export function apply(
  definition: LifecycleDefinition,
  stored: StoredLifecycle,
  steps: readonly Step[],
): StoredLifecycle {
  return steps.reduce((current, [event, actor]) => {
    const result = transition(definition, current, event, actor);
    if (!result.ok) throw new Error(`${event.type} refused in a fixture: ${result.reason}: ${result.detail}`);
    return result.snapshot;
  }, stored);
}

/** A new case driven to `scenario`. */
export function reach(definition: LifecycleDefinition, scenario: Scenario): StoredLifecycle {
  return apply(definition, initialSnapshot(definition, { createdAt: times.created }), SCENARIOS[scenario]);
}
