import type { Application, PublicCall, Scheme } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { TASK_TEXT, WAITING_TEXT } from './application-status';

/**
 * Where an application stands in words: scheme, case number (once sent) and reference, what comes next and by when, the
 * amount in kroner and when it was sent. "Mine søknader" and the case page show the same.
 */
export function ApplicationFacts({
  application,
  call,
  scheme,
}: {
  application: Application;
  call: PublicCall | undefined;
  scheme: Scheme | undefined;
}) {
  const { t, kroner, date } = useI18n();
  const task = application.applicantTask;
  // A draft's deadline is its call's closing.
  const dueAt = task?.dueAt ?? (task?.kind === 'complete_application' ? (call?.closesAt ?? null) : null);
  return (
    <dl className="facts">
      <dt>{t('applications.scheme')}</dt>
      <dd>{scheme?.name ?? application.schemeId}</dd>
      {application.caseNumber && (
        <>
          <dt>{t('applications.caseNumber')}</dt>
          <dd>{application.caseNumber}</dd>
        </>
      )}
      <dt>{t('applications.reference')}</dt>
      <dd>{application.reference}</dd>
      <dt>{t('applications.next')}</dt>
      <dd>
        {task
          ? dueAt
            ? t('applications.taskBy', { task: t(TASK_TEXT[task.kind]), date: date(dueAt) })
            : t(TASK_TEXT[task.kind])
          : t(WAITING_TEXT[application.status])}
      </dd>
      {application.grantedAmount !== null ? (
        <>
          <dt>{t('applications.granted')}</dt>
          <dd>{kroner(application.grantedAmount)}</dd>
        </>
      ) : (
        application.requestedAmount !== null && (
          <>
            <dt>{t('applications.requested')}</dt>
            <dd>{kroner(application.requestedAmount)}</dd>
          </>
        )
      )}
      {application.submittedAt && (
        <>
          <dt>{t('applications.submitted')}</dt>
          <dd>{date(application.submittedAt)}</dd>
        </>
      )}
    </dl>
  );
}
