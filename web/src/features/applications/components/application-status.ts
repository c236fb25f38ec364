import type { ApplicantTask, Application, ApplicationStatus } from '../../../api/types';
import type { MessageKey } from '../../../i18n/nb';

/** The engine's status in the applicant's words, and the colour of its tag. */
export const STATUS_TEXT: Record<
  ApplicationStatus,
  { text: MessageKey; color: 'neutral' | 'info' | 'success' | 'warning' | 'danger' }
> = {
  draft: { text: 'applications.status.draft', color: 'neutral' },
  applied: { text: 'applications.status.applied', color: 'info' },
  assessment: { text: 'applications.status.assessment', color: 'info' },
  granted: { text: 'applications.status.granted', color: 'success' },
  reported: { text: 'applications.status.reported', color: 'info' },
  closed: { text: 'applications.status.closed', color: 'neutral' },
  rejected: { text: 'applications.status.rejected', color: 'danger' },
  withdrawn: { text: 'applications.status.withdrawn', color: 'neutral' },
  lapsed: { text: 'applications.status.lapsed', color: 'warning' },
  cancelled: { text: 'applications.status.cancelled', color: 'danger' },
};

/**
 * Where the case stands in the applicant's words: its status, except that a final report approved
 * while the final settlement (sluttoppgjør) is still going on says so.
 */
export function statusTextOf(
  application: Pick<Application, 'status' | 'tags'>,
): (typeof STATUS_TEXT)[ApplicationStatus] {
  if (application.status === 'reported' && application.tags.includes('settling'))
    return { text: 'applications.status.settling', color: 'info' };
  return STATUS_TEXT[application.status];
}

/** What the applicant must do next. */
export const TASK_TEXT: Record<ApplicantTask['kind'], MessageKey> = {
  complete_application: 'applications.task.complete_application',
  answer_information_request: 'applications.task.answer_information_request',
  accept_grant: 'applications.task.accept_grant',
  submit_final_report: 'applications.task.submit_final_report',
};

/** When it is nobody's task of theirs: whose move it is, in words. */
export const WAITING_TEXT: Record<ApplicationStatus, MessageKey> = {
  draft: 'applications.waiting.county',
  applied: 'applications.waiting.county',
  assessment: 'applications.waiting.county',
  granted: 'applications.waiting.county',
  reported: 'applications.waiting.county',
  closed: 'applications.waiting.done',
  rejected: 'applications.waiting.done',
  withdrawn: 'applications.waiting.done',
  lapsed: 'applications.waiting.done',
  cancelled: 'applications.waiting.done',
};
