import type { ApplicationStatus } from '../../../api/types';
import type { MessageKey } from '../../../i18n/nb';

/** A top-level status in words: the same words the applicant reads. */
export const STATUS_WORDS: Record<ApplicationStatus, MessageKey> = {
  draft: 'applications.status.draft',
  applied: 'applications.status.applied',
  assessment: 'applications.status.assessment',
  granted: 'applications.status.granted',
  reported: 'applications.status.reported',
  closed: 'applications.status.closed',
  rejected: 'applications.status.rejected',
  withdrawn: 'applications.status.withdrawn',
  lapsed: 'applications.status.lapsed',
  cancelled: 'applications.status.cancelled',
};

/** The sub-states staff tell apart (`assessment.recommended`), in words. */
export const SUB_STATE_WORDS = {
  'assessment.in_review': 'workspace.subState.assessment.in_review',
  'assessment.awaiting_applicant': 'workspace.subState.assessment.awaiting_applicant',
  'assessment.recommended': 'workspace.subState.assessment.recommended',
  'granted.awaiting_acceptance': 'workspace.subState.granted.awaiting_acceptance',
  'granted.active': 'workspace.subState.granted.active',
  'reported.report_review': 'workspace.subState.reported.report_review',
  'reported.settling': 'workspace.subState.reported.settling',
  'cancelled.settling': 'workspace.subState.cancelled.settling',
} as const satisfies Record<string, MessageKey>;

export type SubState = keyof typeof SUB_STATE_WORDS;

const isSubState = (state: string): state is SubState => state in SUB_STATE_WORDS;

/** Where a case stands in words: its sub-state where staff tell them apart, else its status. */
export function caseStateWords(status: ApplicationStatus, state: string): MessageKey {
  return isSubState(state) ? SUB_STATE_WORDS[state] : STATUS_WORDS[status];
}

/** The status filter's choices, in the lifecycle's order: each status, then its sub-states. */
export const STATUS_CHOICES: ReadonlyArray<{ value: ApplicationStatus | SubState; text: MessageKey }> = [
  { value: 'applied', text: STATUS_WORDS.applied },
  { value: 'assessment', text: 'workspace.statusFilter.assessment' },
  { value: 'assessment.in_review', text: SUB_STATE_WORDS['assessment.in_review'] },
  { value: 'assessment.awaiting_applicant', text: SUB_STATE_WORDS['assessment.awaiting_applicant'] },
  { value: 'assessment.recommended', text: SUB_STATE_WORDS['assessment.recommended'] },
  { value: 'granted', text: 'workspace.statusFilter.granted' },
  { value: 'granted.awaiting_acceptance', text: SUB_STATE_WORDS['granted.awaiting_acceptance'] },
  { value: 'granted.active', text: SUB_STATE_WORDS['granted.active'] },
  { value: 'reported', text: STATUS_WORDS.reported },
  { value: 'reported.settling', text: SUB_STATE_WORDS['reported.settling'] },
  { value: 'closed', text: STATUS_WORDS.closed },
  { value: 'rejected', text: STATUS_WORDS.rejected },
  { value: 'withdrawn', text: STATUS_WORDS.withdrawn },
  { value: 'lapsed', text: STATUS_WORDS.lapsed },
  { value: 'cancelled', text: STATUS_WORDS.cancelled },
  { value: 'cancelled.settling', text: SUB_STATE_WORDS['cancelled.settling'] },
];
