import type { DeadlineKind } from './effects';
import type { Ore } from '@lib/common';
import type { EngineActor, Role } from './roles';
import type { Instant } from './time';

/** The fixed event catalogue, in the order the lifecycle usually meets them. */
export const EVENT_TYPES = [
  'SUBMIT',
  'WITHDRAW',
  'ASSIGN',
  'REQUEST_INFO',
  'ANSWER_INFO',
  'INFORMATION_DEADLINE_PASSED',
  'RECOMMEND_GRANT',
  'RECOMMEND_REJECTION',
  'RETURN_TO_REVIEW',
  'DECIDE_GRANT',
  'DECIDE_REJECTION',
  'ACCEPT',
  'DECLINE_GRANT',
  'ACCEPTANCE_DEADLINE_PASSED',
  'REPORT_DEADLINE_PASSED',
  'SUBMIT_REPORT',
  'RETURN_REPORT',
  'APPROVE_REPORT',
  'SETTLE',
  'REQUEST_EXTENSION',
  'GRANT_EXTENSION',
  'REFUSE_EXTENSION',
  'PROPOSE_CANCELLATION',
  'DISMISS_CANCELLATION',
  'DECIDE_CANCELLATION',
  'LODGE_APPEAL',
  'PROPOSE_APPEAL_REVERSAL',
  'PROPOSE_APPEAL_FORWARD',
  'DISMISS_APPEAL_PROPOSAL',
  'DECIDE_APPEAL_REVERSAL',
  'DECIDE_APPEAL_FORWARD',
  'RECORD_APPEAL_UPHELD',
  'RECORD_APPEAL_REVERSED',
  'RECORD_APPEAL_QUASHED',
] as const;
export type LifecycleEventType = (typeof EVENT_TYPES)[number];

/** What each event carries besides `type` and `at`. Amounts are integer øre. */
export interface LifecycleEventPayloads {
  /**
   * Draft → applied. The caller runs the scheme's eligibility rules and grant calculation on the
   * submitted form and passes the results in, so the machine stays scheme-agnostic.
   */
  SUBMIT: {
    /** The most this application can be granted, computed by the scheme (maksimalt tilskudd). */
    readonly maximumAmount: Ore;
    /** The call's delegation limit (delegert myndighet); above it a decision needs the committee. */
    readonly delegationLimit?: Ore | null;
    /** The call's days to accept a grant (akseptfrist); absent = the definition's default. */
    readonly acceptanceDays?: number | null;
    /** When the project ends; the final report (sluttrapport) is due relative to it. */
    readonly projectEndsAt: Instant;
    /** The scheme's eligibility reasons; any reason refuses the submission. */
    readonly ineligibilityReasons: readonly string[];
    /** The case number (saksnummer) the submission opened the case under, kept in the case history. */
    readonly caseNumber?: string;
  };
  /** The applicant withdraws before a decision (or declines nothing yet granted). */
  WITHDRAW: { readonly reason?: string };
  /** A case officer takes the case (applied → assessment) or hands it to another officer. */
  ASSIGN: { readonly caseOfficerId?: string };
  REQUEST_INFO: { readonly message: string; readonly dueAt: Instant };
  /** The applicant has updated the application and sends it back to the case officer. */
  ANSWER_INFO: { readonly message?: string };
  INFORMATION_DEADLINE_PASSED: Record<never, never>;
  /** Innstilling om tilsagn: the amount the case officer proposes. */
  RECOMMEND_GRANT: { readonly amount: Ore; readonly notes: string };
  RECOMMEND_REJECTION: { readonly grounds: string };
  /** The approver sends the recommendation back instead of deciding. */
  RETURN_TO_REVIEW: { readonly message: string };
  /** Vedtak om tilsagn for the recommended amount; above the delegation limit it cites the committee case. */
  DECIDE_GRANT: {
    readonly committeeCaseRef?: string;
    /** The decision's grounds (begrunnelse) and conditions (vilkår), as the applicant reads them. */
    readonly grounds?: string;
    readonly conditions?: readonly string[];
  };
  /** Vedtak om avslag. */
  DECIDE_REJECTION: { readonly grounds: string };
  /** The applicant accepts the grant (aksept av tilsagn). */
  ACCEPT: Record<never, never>;
  DECLINE_GRANT: { readonly reason?: string };
  ACCEPTANCE_DEADLINE_PASSED: Record<never, never>;
  REPORT_DEADLINE_PASSED: Record<never, never>;
  /** The final report (sluttrapport); its content is stored by the caller under `reportId`. */
  SUBMIT_REPORT: { readonly reportId: string };
  RETURN_REPORT: { readonly message: string; readonly dueAt: Instant };
  /** Approves the report and fixes what is finally paid; the rest of the commitment is released. */
  APPROVE_REPORT: { readonly finalPayableAmount: Ore };
  /**
   * Oppgjør: the settlement of an approved report is complete and the case closes. Sent by the system
   * (the service that pays the final instalment or settles a repayment claim) with what it found:
   * nothing may still be committed to the grant, and no repayment claim may be open.
   */
  SETTLE: { readonly outstanding: Ore; readonly openClaimAmount: Ore };
  /**
   * Utsatt frist: the applicant asks, with a reason, for a later final report deadline (`dueAt`), a
   * later project end (`projectEndsAt`, forlenget prosjektperiode), or both. A later project end alone
   * moves a deadline counted from the project end with it.
   */
  REQUEST_EXTENSION: { readonly reason: string; readonly dueAt?: Instant; readonly projectEndsAt?: Instant };
  /**
   * The case officer grants the request as asked, or with another deadline (`dueAt`) or project end
   * (`projectEndsAt`; a deadline counted from the project end follows it unless `dueAt` is given).
   */
  GRANT_EXTENSION: { readonly dueAt?: Instant; readonly projectEndsAt?: Instant; readonly grounds?: string };
  /** The case officer refuses the request, with grounds; the deadline stays. */
  REFUSE_EXTENSION: { readonly grounds: string };
  /**
   * Heving, prepared: the case officer proposes to cancel the accepted grant, with grounds and what is
   * to be paid back (øre, at most what was paid; the caller checks that against the ledger).
   */
  PROPOSE_CANCELLATION: { readonly grounds: string; readonly repaymentAmount?: Ore };
  /** The approver does not cancel: the proposal is dropped and the grant runs on. */
  DISMISS_CANCELLATION: { readonly message: string };
  /** Vedtak om heving: an approver other than the proposer cancels the grant as proposed. */
  DECIDE_CANCELLATION: Record<never, never>;
  /**
   * Klage: the applicant appeals the decision, with grounds. After the last day (three weeks, see
   * `appealLastDay`) it is still accepted, and marked late (forvaltningsloven § 31).
   */
  LODGE_APPEAL: { readonly grounds: string };
  /**
   * The case officer proposes that the county reverse its own decision (§ 33): a grant of `amount`
   * instead of the rejection, or a grant raised to `amount`.
   */
  PROPOSE_APPEAL_REVERSAL: { readonly amount: Ore; readonly grounds: string };
  /** The case officer proposes to send the case to the appeals board, with the preparation note. */
  PROPOSE_APPEAL_FORWARD: { readonly note: string };
  /** The approver sends the proposal back to the case officer instead of deciding it. */
  DISMISS_APPEAL_PROPOSAL: { readonly message: string };
  /** An approver other than the proposer reverses the decision as proposed (omgjøring). */
  DECIDE_APPEAL_REVERSAL: Record<never, never>;
  /** An approver other than the proposer sends the case to the appeals board as proposed. */
  DECIDE_APPEAL_FORWARD: Record<never, never>;
  /** The appeals board upheld the decision (stadfestet), as recorded by the county's staff. */
  RECORD_APPEAL_UPHELD: { readonly grounds: string };
  /** The appeals board reversed the decision (omgjort): a grant of `amount`, or a grant raised to it. */
  RECORD_APPEAL_REVERSED: { readonly amount: Ore; readonly grounds: string };
  /** The appeals board quashed the decision and returned the case (opphevet og sendt tilbake). */
  RECORD_APPEAL_QUASHED: { readonly grounds: string };
}

/** An event as callers send it: `at` is when it happened (request time, or a deadline's due time). */
export type LifecycleEvent<T extends LifecycleEventType = LifecycleEventType> = {
  [K in T]: { readonly type: K; readonly at: Instant } & LifecycleEventPayloads[K];
}[T];

/** What the XState machine receives: the event plus who sent it (for four eyes and the record). */
export type MachineEvent<T extends LifecycleEventType = LifecycleEventType> = LifecycleEvent<T> & {
  readonly actor: EngineActor;
};

/** Who may send each event. A variation may override single entries. */
export const EVENT_ROLES: Readonly<Record<LifecycleEventType, readonly Role[]>> = {
  SUBMIT: ['applicant'],
  WITHDRAW: ['applicant'],
  ASSIGN: ['case_officer'],
  REQUEST_INFO: ['case_officer'],
  ANSWER_INFO: ['applicant'],
  INFORMATION_DEADLINE_PASSED: ['system'],
  RECOMMEND_GRANT: ['case_officer'],
  RECOMMEND_REJECTION: ['case_officer'],
  RETURN_TO_REVIEW: ['approver'],
  DECIDE_GRANT: ['approver'],
  DECIDE_REJECTION: ['approver'],
  ACCEPT: ['applicant'],
  DECLINE_GRANT: ['applicant'],
  ACCEPTANCE_DEADLINE_PASSED: ['system'],
  REPORT_DEADLINE_PASSED: ['system'],
  SUBMIT_REPORT: ['applicant'],
  RETURN_REPORT: ['case_officer'],
  APPROVE_REPORT: ['case_officer'],
  SETTLE: ['system'],
  REQUEST_EXTENSION: ['applicant'],
  GRANT_EXTENSION: ['case_officer'],
  REFUSE_EXTENSION: ['case_officer'],
  PROPOSE_CANCELLATION: ['case_officer'],
  DISMISS_CANCELLATION: ['approver'],
  DECIDE_CANCELLATION: ['approver'],
  LODGE_APPEAL: ['applicant'],
  PROPOSE_APPEAL_REVERSAL: ['case_officer'],
  PROPOSE_APPEAL_FORWARD: ['case_officer'],
  DISMISS_APPEAL_PROPOSAL: ['approver'],
  DECIDE_APPEAL_REVERSAL: ['approver'],
  DECIDE_APPEAL_FORWARD: ['approver'],
  RECORD_APPEAL_UPHELD: ['approver'],
  RECORD_APPEAL_REVERSED: ['approver'],
  RECORD_APPEAL_QUASHED: ['approver'],
};

/**
 * The system event the deadline worker sends when a deadline of each kind falls due, with
 * `at` = the deadline's due time (or later). Sending it early is refused by a guard.
 */
export const DEADLINE_EVENTS: Readonly<Record<DeadlineKind, LifecycleEventType>> = {
  information_response: 'INFORMATION_DEADLINE_PASSED',
  acceptance: 'ACCEPTANCE_DEADLINE_PASSED',
  final_report: 'REPORT_DEADLINE_PASSED',
};

export const isEventType = (value: unknown): value is LifecycleEventType =>
  typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
