import { DEADLINE_KINDS, type DeadlineKind } from '@lib/engine';

/**
 * What a deadline row is for. The `kind` column stores it as text (`acceptance`,
 * `reminder.final_report.30`, `call.opens`, …) so that the one-open-per-kind indexes and the rows
 * already written stay as they are; code reads and writes it only through `parseDeadlineType` and
 * `formatDeadlineType`, and dispatches on `type` with one handler per variant.
 */
export type DeadlineType =
  /** A deadline of the lifecycle: when due, the machine is sent its `*_DEADLINE_PASSED` event. */
  | { readonly type: 'lifecycle'; readonly deadline: DeadlineKind }
  /** A reminder to the applicant some days before the final report is due. */
  | { readonly type: 'reminder'; readonly report: 'final_report'; readonly daysBefore: number }
  /** The final report is still missing some days after its deadline: the case officer is told. */
  | { readonly type: 'report_escalation' }
  /** Still missing later: the case officer and approvers are asked to let the grant lapse. */
  | { readonly type: 'report_lapse_proposal' }
  /** A month after submission without a decision, a preliminary reply is owed (forvaltningsloven § 11 a). */
  | { readonly type: 'preliminary_reply' }
  /** An appeal (klage) not yet reversed or sent to the appeals board: the case officer is reminded. */
  | { readonly type: 'appeal_preparation' }
  /** A repayment claim falls due unpaid: the applicant is reminded. */
  | { readonly type: 'claim_reminder' }
  /** A repayment claim is still unpaid some days after it fell due: the case officer and finance are told. */
  | { readonly type: 'claim_escalation' }
  /** A reminder to the applicant some days before an interim report (its key) is due. */
  | { readonly type: 'interim_reminder'; readonly report: string; readonly daysBefore: number }
  /** An interim report (its key) was not sent by the end of its due day: the case officer is alerted. */
  | { readonly type: 'interim_overdue'; readonly report: string }
  /** A call's announcements to the county's staff. */
  | { readonly type: 'call_opens' }
  | { readonly type: 'call_closes' };

export type DeadlineTypeName = DeadlineType['type'];

/** The stored text of the deadlines that carry no parameters. */
const FIXED = {
  report_escalation: 'report_overdue.escalation',
  report_lapse_proposal: 'report_overdue.lapse_proposal',
  preliminary_reply: 'preliminary_reply',
  appeal_preparation: 'appeal.preparation',
  claim_reminder: 'repayment_claim.reminder',
  claim_escalation: 'repayment_claim.escalation',
  call_opens: 'call.opens',
  call_closes: 'call.closes',
} as const satisfies Partial<Record<DeadlineTypeName, string>>;

type FixedName = keyof typeof FIXED;

const REMINDER = /^reminder\.final_report\.([1-9][0-9]*)$/;
const INTERIM_REMINDER = /^reminder\.interim\.([a-z][a-z0-9_]{0,39})\.([1-9][0-9]*)$/;
const INTERIM_OVERDUE = /^interim_report\.overdue\.([a-z][a-z0-9_]{0,39})$/;
const INTERIM_KEY = /^[a-z][a-z0-9_]{0,39}$/;

function assertInterimKey(report: string): void {
  if (!INTERIM_KEY.test(report)) throw new RangeError(`"${report}" is not an interim report key`);
}

/** The `kind` column's text for a deadline type. */
export function formatDeadlineType(deadline: DeadlineType): string {
  switch (deadline.type) {
    case 'lifecycle':
      return deadline.deadline;
    case 'reminder':
      if (!Number.isSafeInteger(deadline.daysBefore) || deadline.daysBefore < 1)
        throw new RangeError(`a reminder is a whole number of days before, not ${deadline.daysBefore}`);
      return `reminder.${deadline.report}.${deadline.daysBefore}`;
    case 'interim_reminder':
      assertInterimKey(deadline.report);
      if (!Number.isSafeInteger(deadline.daysBefore) || deadline.daysBefore < 1)
        throw new RangeError(`a reminder is a whole number of days before, not ${deadline.daysBefore}`);
      return `reminder.interim.${deadline.report}.${deadline.daysBefore}`;
    case 'interim_overdue':
      assertInterimKey(deadline.report);
      return `interim_report.overdue.${deadline.report}`;
    default:
      return FIXED[deadline.type];
  }
}

/** The deadline type a `kind` column holds, or null for text no version of this code wrote. */
export function parseDeadlineType(kind: string): DeadlineType | null {
  if ((DEADLINE_KINDS as readonly string[]).includes(kind))
    return { type: 'lifecycle', deadline: kind as DeadlineKind };
  const reminder = REMINDER.exec(kind);
  if (reminder && Number.isSafeInteger(Number(reminder[1])))
    return { type: 'reminder', report: 'final_report', daysBefore: Number(reminder[1]) };
  const interim = INTERIM_REMINDER.exec(kind);
  if (interim?.[1] && Number.isSafeInteger(Number(interim[2])))
    return { type: 'interim_reminder', report: interim[1], daysBefore: Number(interim[2]) };
  const overdue = INTERIM_OVERDUE.exec(kind);
  if (overdue?.[1]) return { type: 'interim_overdue', report: overdue[1] };
  const fixed = (Object.keys(FIXED) as FixedName[]).find((name) => FIXED[name] === kind);
  return fixed ? { type: fixed } : null;
}

/** Shorthands for building deadline types. */
export const lifecycleDeadline = (deadline: DeadlineKind): DeadlineType => ({ type: 'lifecycle', deadline });
export const finalReportReminder = (daysBefore: number): DeadlineType => ({
  type: 'reminder',
  report: 'final_report',
  daysBefore,
});

/**
 * Whether a deadline goes with a lifecycle deadline: cancelling or moving the final report's deadline
 * takes its reminders and overdue follow-ups with it.
 */
export function followsLifecycleDeadline(deadline: DeadlineType, of: DeadlineKind): boolean {
  switch (deadline.type) {
    case 'lifecycle':
      return deadline.deadline === of;
    case 'reminder':
      return deadline.report === of;
    case 'report_escalation':
    case 'report_lapse_proposal':
      return of === 'final_report';
    case 'preliminary_reply':
    case 'appeal_preparation':
    case 'interim_reminder':
    case 'interim_overdue':
    case 'claim_reminder':
    case 'claim_escalation':
    case 'call_opens':
    case 'call_closes':
      return false;
  }
}
