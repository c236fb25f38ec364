import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Application, PublicCall, Scheme } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { applicationLookups, applicationQueries } from '../api/application-queries';
import { STATUS_TEXT, TASK_TEXT, WAITING_TEXT } from './application-status';

/** Applicant capability 2: the organisation's applications, where each stands and what comes next. */
export function MyApplicationsPage() {
  const { t } = useI18n();
  const applications = useQuery(applicationQueries.list());
  const calls = useQuery(applicationLookups.calls());
  const schemes = useQuery(applicationLookups.schemes());
  return (
    <>
      <PageHeading>{t('applications.title')}</PageHeading>
      <Paragraph>{t('applications.intro')}</Paragraph>
      {applications.isPending || calls.isPending || schemes.isPending ? (
        <Loading />
      ) : applications.isError || calls.isError || schemes.isError ? (
        <LoadFailed />
      ) : (
        <ApplicationList items={applications.data.items} calls={calls.data} schemes={schemes.data} />
      )}
    </>
  );
}

function ApplicationList(props: { items: Application[]; calls: PublicCall[]; schemes: Scheme[] }) {
  const { t } = useI18n();
  const callById = useMemo(() => new Map(props.calls.map((c) => [c.id, c])), [props.calls]);
  const schemeById = useMemo(() => new Map(props.schemes.map((s) => [s.id, s])), [props.schemes]);
  if (props.items.length === 0) return <Paragraph>{t('applications.none')}</Paragraph>;
  return (
    <ul className="application-list">
      {props.items.map((application) => (
        <li key={application.id}>
          <ApplicationCard
            application={application}
            call={callById.get(application.callId)}
            scheme={schemeById.get(application.schemeId)}
          />
        </li>
      ))}
    </ul>
  );
}

function ApplicationCard({
  application,
  call,
  scheme,
}: {
  application: Application;
  call: PublicCall | undefined;
  scheme: Scheme | undefined;
}) {
  const { t, kroner, date } = useI18n();
  const headingId = `application-${application.id}`;
  const status = STATUS_TEXT[application.status];
  const task = application.applicantTask;
  // A draft's deadline is its call's closing.
  const dueAt = task?.dueAt ?? (task?.kind === 'complete_application' ? (call?.closesAt ?? null) : null);
  return (
    <Card data-color="neutral" asChild>
      <article aria-labelledby={headingId}>
        <Heading level={2} data-size="sm" id={headingId}>
          {call?.title ?? scheme?.name ?? application.reference}
        </Heading>
        <div className="tags">
          <Tag data-color={status.color}>{t(status.text)}</Tag>
        </div>
        <dl className="facts">
          <dt>{t('applications.scheme')}</dt>
          <dd>{scheme?.name ?? application.schemeId}</dd>
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
      </article>
    </Card>
  );
}
