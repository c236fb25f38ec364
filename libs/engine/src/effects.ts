import { isOre, type Ore } from '@lib/common';
import { isInstant, type Instant } from './time';

/**
 * The fixed catalogue of effects. A transition decides; the transition runner does, inside the same
 * database transaction that stores the new snapshot. Anything that needs the database (is there money
 * left in the frame?) is checked by the runner while carrying out the effect, not by a guard.
 */
export const EFFECT_KINDS = [
  'assignFrame',
  'commitFunds',
  'releaseFunds',
  'settleFunds',
  'cancelFunds',
  'scheduleDeadline',
  'cancelDeadline',
  'cancelAllDeadlines',
  'scheduleNotice',
  'notify',
  'issueLetter',
] as const;
export type EffectKind = (typeof EFFECT_KINDS)[number];

/**
 * Letters a case can carry (vedtaksbrev): the decision on the application, the heving of a grant, its
 * settlement (sluttoppgjør) with the repayment claim it may raise (tilbakebetalingskrav), the answer
 * to a request for a later report deadline (utsatt frist), an appeal's outcome and the notice that an
 * appeal went to the appeals board.
 */
export const LETTER_KINDS = [
  'grant',
  'rejection',
  'cancellation',
  'settlement',
  'appeal_outcome',
  'appeal_forwarded',
  'repayment_claim',
  'extension_granted',
  'extension_refused',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** Deadlines the lifecycle sets. Each one, when due, is answered by one system event (`DEADLINE_EVENTS`). */
export const DEADLINE_KINDS = ['information_response', 'acceptance', 'final_report'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * Deadlines that only tell people something when due (no lifecycle event answers them): the
 * preliminary reply owed a month after submission, and the follow-ups of an overdue final report.
 * Cancelling the final report's deadline takes its follow-ups with it. An appeal not prepared in
 * the call's days reminds the case officer.
 */
export const NOTICE_KINDS = [
  'preliminary_reply',
  'report_escalation',
  'report_lapse_proposal',
  'appeal_preparation',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The final report's follow-ups, due the call's days after the report became overdue. */
export const OVERDUE_REPORT_NOTICES = ['report_escalation', 'report_lapse_proposal'] as const;
export type OverdueReportNotice = (typeof OVERDUE_REPORT_NOTICES)[number];

/** Why committed money goes back to the frame (ramme). */
export const RELEASE_REASONS = ['declined', 'lapsed', 'underspend', 'cancelled'] as const;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];

/**
 * Who a notification is for; the runner resolves each audience: `applicant` = the owning organisation's
 * contacts, `case_officer` = the assigned case officer (`context.caseOfficerId`, or the county queue when
 * none), `approver` and `finance` = the county's holders of that role.
 */
export const AUDIENCES = ['applicant', 'case_officer', 'approver', 'finance'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Templates the common lifecycle uses. Variation effects may name their own. */
export const NOTIFICATION_TEMPLATES = [
  'application_submitted',
  'application_withdrawn',
  'assessment_started',
  'case_assigned',
  'information_requested',
  'information_received',
  'information_deadline_passed',
  'recommendation_ready',
  'recommendation_returned',
  'grant_decided',
  'rejection_decided',
  'grant_accepted',
  'grant_declined',
  'grant_lapsed',
  'final_report_overdue',
  'final_report_submitted',
  'final_report_returned',
  'final_report_approved',
  'grant_settled',
  'extension_requested',
  'extension_granted',
  'extension_refused',
  'cancellation_proposed',
  'cancellation_dismissed',
  'grant_cancelled',
  'appeal_lodged',
  'appeal_proposal_ready',
  'appeal_proposal_returned',
  'appeal_reversed',
  'appeal_forwarded',
  'appeal_upheld',
  'appeal_quashed',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/**
 * Charge the grant to its call's budget frame (ramme): the application records the frame, and the
 * money effects that follow move money on it. Refused when the call has no frame.
 */
export interface AssignFrameEffect {
  readonly kind: 'assignFrame';
}

/** Reserve money against the frame: the grant commitment (tilsagn). */
export interface CommitFundsEffect {
  readonly kind: 'commitFunds';
  readonly amount: Ore;
}

/** Give committed money back to the frame. */
export interface ReleaseFundsEffect {
  readonly kind: 'releaseFunds';
  readonly amount: Ore;
  readonly reason: ReleaseReason;
}

/**
 * Oppgjør: the final payable amount is fixed. Whatever is still committed above what is left to pay
 * goes back to the frame (underspend); if more was paid than is payable, a repayment claim
 * (tilbakebetalingskrav) is raised for the difference. The runner reads what was paid from the ledger.
 */
export interface SettleFundsEffect {
  readonly kind: 'settleFunds';
  readonly finalPayableAmount: Ore;
}

/**
 * Heving: the grant is cancelled. Everything still committed and unpaid goes back to the frame; when
 * the decision claims money back, a repayment claim is raised for `repaymentAmount` (at most what was
 * paid, which the runner reads from the ledger and checks). With nothing claimed the case is settled
 * at once.
 */
export interface CancelFundsEffect {
  readonly kind: 'cancelFunds';
  readonly repaymentAmount: Ore;
}

/** Create (or move) the one open deadline of this kind for the application. */
export interface ScheduleDeadlineEffect {
  readonly kind: 'scheduleDeadline';
  readonly deadline: DeadlineKind;
  readonly dueAt: Instant;
}

export interface CancelDeadlineEffect {
  readonly kind: 'cancelDeadline';
  readonly deadline: DeadlineKind;
}

/**
 * The case owes nothing more on time: every open deadline and notice of the application goes (a
 * cancelled grant's final report, its reminders and follow-ups, a preliminary reply not yet due).
 * A repayment claim's own follow-ups stay.
 */
export interface CancelAllDeadlinesEffect {
  readonly kind: 'cancelAllDeadlines';
}

/**
 * Create (or move) the one open notice of this kind for the application. The preliminary reply is due
 * at a time the lifecycle knows; an overdue report's follow-ups are due the call parameters' days
 * (`overdueEscalationDays`, `overdueLapseProposalDays`) after `overdueSince`.
 */
export type ScheduleNoticeEffect =
  | { readonly kind: 'scheduleNotice'; readonly notice: 'preliminary_reply'; readonly dueAt: Instant }
  | { readonly kind: 'scheduleNotice'; readonly notice: OverdueReportNotice; readonly overdueSince: Instant }
  /** Due the call's `appealPreparationDays` after the appeal was lodged. */
  | { readonly kind: 'scheduleNotice'; readonly notice: 'appeal_preparation'; readonly lodgedAt: Instant };

export interface NotifyEffect {
  readonly kind: 'notify';
  readonly template: string;
  readonly recipients: readonly Audience[];
}

/**
 * Write the decision letter (vedtaksbrev) of the decision just recorded, from what the case, call,
 * county and organisation say now, and keep it with the case; the notification that follows names it.
 */
export interface IssueLetterEffect {
  readonly kind: 'issueLetter';
  readonly letter: LetterKind;
}

export type Effect =
  | AssignFrameEffect
  | CommitFundsEffect
  | ReleaseFundsEffect
  | SettleFundsEffect
  | CancelFundsEffect
  | ScheduleDeadlineEffect
  | CancelDeadlineEffect
  | CancelAllDeadlinesEffect
  | ScheduleNoticeEffect
  | NotifyEffect
  | IssueLetterEffect;

export const assignFrame = (): AssignFrameEffect => ({ kind: 'assignFrame' });
export const commitFunds = (amount: Ore): CommitFundsEffect => ({ kind: 'commitFunds', amount });
export const releaseFunds = (amount: Ore, reason: ReleaseReason): ReleaseFundsEffect => ({
  kind: 'releaseFunds',
  amount,
  reason,
});
export const settleFunds = (finalPayableAmount: Ore): SettleFundsEffect => ({
  kind: 'settleFunds',
  finalPayableAmount,
});
export const cancelFunds = (repaymentAmount: Ore): CancelFundsEffect => ({
  kind: 'cancelFunds',
  repaymentAmount,
});
export const scheduleDeadline = (deadline: DeadlineKind, dueAt: Instant): ScheduleDeadlineEffect => ({
  kind: 'scheduleDeadline',
  deadline,
  dueAt,
});
export const cancelDeadline = (deadline: DeadlineKind): CancelDeadlineEffect => ({
  kind: 'cancelDeadline',
  deadline,
});
export const cancelAllDeadlines = (): CancelAllDeadlinesEffect => ({ kind: 'cancelAllDeadlines' });
export const schedulePreliminaryReply = (dueAt: Instant): ScheduleNoticeEffect => ({
  kind: 'scheduleNotice',
  notice: 'preliminary_reply',
  dueAt,
});
export const scheduleOverdueReportNotice = (
  notice: OverdueReportNotice,
  overdueSince: Instant,
): ScheduleNoticeEffect => ({ kind: 'scheduleNotice', notice, overdueSince });
export const notify = (template: string, recipients: readonly Audience[]): NotifyEffect => ({
  kind: 'notify',
  template,
  recipients,
});

export const issueLetter = (letter: LetterKind): IssueLetterEffect => ({ kind: 'issueLetter', letter });

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);

export const isEffectKind = oneOf(EFFECT_KINDS);
const isDeadlineKind = oneOf(DEADLINE_KINDS);
const isReleaseReason = oneOf(RELEASE_REASONS);
const isAudience = oneOf(AUDIENCES);
const isOverdueReportNotice = oneOf(OVERDUE_REPORT_NOTICES);
const isLetterKind = oneOf(LETTER_KINDS);

/** Checks an effect built at run time (a variation hook's output) against the catalogue. */
export function isEffect(value: unknown): value is Effect {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  switch (e.kind) {
    case 'assignFrame':
      return true;
    case 'commitFunds':
      return isOre(e.amount) && e.amount > 0;
    case 'releaseFunds':
      return isOre(e.amount) && e.amount > 0 && isReleaseReason(e.reason);
    case 'settleFunds':
      return isOre(e.finalPayableAmount);
    case 'cancelFunds':
      return isOre(e.repaymentAmount);
    case 'scheduleDeadline':
      return isDeadlineKind(e.deadline) && isInstant(e.dueAt);
    case 'cancelDeadline':
      return isDeadlineKind(e.deadline);
    case 'cancelAllDeadlines':
      return true;
    case 'scheduleNotice':
      if (e.notice === 'appeal_preparation') return isInstant(e.lodgedAt);
      return e.notice === 'preliminary_reply'
        ? isInstant(e.dueAt)
        : isOverdueReportNotice(e.notice) && isInstant(e.overdueSince);
    case 'notify':
      return (
        typeof e.template === 'string' &&
        e.template.length > 0 &&
        Array.isArray(e.recipients) &&
        e.recipients.length > 0 &&
        e.recipients.every(isAudience)
      );
    case 'issueLetter':
      return isLetterKind(e.letter);
    default:
      return false;
  }
}
