import type { ProblemError } from '../../../api/problem';
import type { ApplicationStatus } from '../../../api/types';
import type { MessageKey } from '../../../i18n/nb';
import { nb } from '../../../i18n/nb';
import { parseDateInput } from '../../../forms/date-input';

type Color = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** The case's status in the county's words: the sub-state where it says more than the status. */
const STATE_TEXT: Record<string, MessageKey> = {
  'assessment.in_review': 'casework.state.in_review',
  'assessment.awaiting_applicant': 'casework.state.awaiting_applicant',
  'assessment.recommended': 'casework.state.recommended',
  'granted.awaiting_acceptance': 'casework.state.awaiting_acceptance',
  'granted.active': 'casework.state.active',
  'reported.report_review': 'casework.state.report_review',
  'reported.settling': 'casework.state.settling',
  'cancelled.settling': 'casework.state.cancelledSettling',
};

const STATUS_TEXT: Record<ApplicationStatus, { text: MessageKey; color: Color }> = {
  draft: { text: 'casework.status.draft', color: 'neutral' },
  applied: { text: 'casework.status.applied', color: 'info' },
  assessment: { text: 'casework.status.assessment', color: 'info' },
  granted: { text: 'casework.status.granted', color: 'success' },
  reported: { text: 'casework.status.reported', color: 'info' },
  closed: { text: 'casework.status.closed', color: 'neutral' },
  rejected: { text: 'casework.status.rejected', color: 'danger' },
  withdrawn: { text: 'casework.status.withdrawn', color: 'neutral' },
  lapsed: { text: 'casework.status.lapsed', color: 'warning' },
  cancelled: { text: 'casework.status.cancelled', color: 'danger' },
};

export function statusText(status: ApplicationStatus, state: string): { text: MessageKey; color: Color } {
  const base = STATUS_TEXT[status];
  return { text: STATE_TEXT[state] ?? base.text, color: base.color };
}

/** The message for a role or event the server names; the catalogue itself says which ones have text. */
const messageFor = (prefix: 'casework.role' | 'casework.event', name: string): MessageKey => {
  const key = `${prefix}.${name}`;
  return key in nb ? (key as MessageKey) : `${prefix}.unknown`;
};
export const roleText = (role: string) => messageFor('casework.role', role);
export const eventText = (event: string) => messageFor('casework.event', event);

/** The engine's reasons are English developer text: the ones a case officer meets, in words. */
const REASONS: Array<[RegExp, MessageKey]> = [
  [/four eyes/i, 'casework.refusal.fourEyes'],
  [/delegation limit/i, 'casework.refusal.committee'],
  [/exceeds the maximum grant/i, 'casework.refusal.aboveMaximum'],
  [/no computed maximum/i, 'casework.refusal.noMaximum'],
  [/deadline|in the past|future/i, 'casework.refusal.dueDate'],
];

/** Why a command was refused, in words: the status says what kind of refusal, the reasons say why. */
export function refusalText(error: unknown): MessageKey[] {
  const problem = (error as Partial<ProblemError> | null)?.problem as
    { status?: number; code?: string; reasons?: unknown; errors?: unknown } | undefined;
  const status = (error as Partial<ProblemError> | null)?.status;
  if (status === 403) return ['casework.refusal.forbidden'];
  if (status === 404) return ['casework.refusal.notFound'];
  if (status === 409) return ['casework.refusal.conflict'];
  if (status === 422) {
    const reasons = Array.isArray(problem?.reasons) ? (problem.reasons as unknown[]).map(String) : [];
    const known = reasons.flatMap((reason) =>
      REASONS.filter(([pattern]) => pattern.test(reason)).map(([, key]) => key),
    );
    return known.length > 0 ? [...new Set(known)] : ['casework.refusal.rule'];
  }
  if (status === 400) return ['casework.refusal.invalid'];
  return ['casework.refusal.failed'];
}

export { endOfDayInNorway } from '../../../i18n/format';

/** An organisation number the way the register prints it: 921 456 786. */

/** What is wrong with a due date typed as `dd.mm.åååå`: nothing (its date), or why it will not do. */
export type DueDateCheck =
  { ok: true; date: string } | { ok: false; problem: 'missing' | 'invalid' | 'past' };

/**
 * A typed due date checked against `today` (the service's date in Norway, not the browser's): a
 * real day, today or later. The applicant has until the end of that day.
 */
export function checkDueDate(text: string, today: string | null): DueDateCheck {
  if (text.trim() === '') return { ok: false, problem: 'missing' };
  const date = parseDateInput(text);
  if (date === null) return { ok: false, problem: 'invalid' };
  if (today !== null && date < today) return { ok: false, problem: 'past' };
  return { ok: true, date };
}
