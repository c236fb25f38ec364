import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import type { Application, PublicCall, Scheme } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { casePath, MY_ORGANISATION_PATH } from '../../../lib/paths';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { applicationLookups, applicationQueries } from '../api/application-queries';
import { ApplicationFacts } from './application-facts';
import { FormLinks } from './form-links';
import { statusTextOf } from './application-status';

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
      <Paragraph>
        <Link asChild>
          <RouterLink to={MY_ORGANISATION_PATH}>{t('payoutAccount.link')}</RouterLink>
        </Link>
      </Paragraph>
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
  const { t } = useI18n();
  const headingId = `application-${application.id}`;
  const status = statusTextOf(application);
  return (
    <Card data-color="neutral" asChild>
      <article aria-labelledby={headingId}>
        <Heading level={2} data-size="sm" id={headingId}>
          {call?.title ?? scheme?.name ?? application.reference}
        </Heading>
        <div className="tags">
          <Tag data-color={status.color}>{t(status.text)}</Tag>
        </div>
        <ApplicationFacts application={application} call={call} scheme={scheme} />
        <FormLinks application={application} />
        <Paragraph>
          <Link asChild>
            <RouterLink to={casePath(application.reference)}>
              {t('applications.open', { reference: application.reference })}
            </RouterLink>
          </Link>
        </Paragraph>
      </article>
    </Card>
  );
}
