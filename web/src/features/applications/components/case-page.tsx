import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from 'react-router';
import type { Application, AuditEntry } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { nb, type MessageKey } from '../../../i18n/nb';
import { MY_APPLICATIONS_PATH } from '../../../lib/paths';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { applicationLookups, applicationQueries } from '../api/application-queries';
import { ApplicationFacts } from './application-facts';
import { FormLinks } from './form-links';
import { CaseActions } from './case-actions';
import { PayoutRequestsPanel } from './payout-requests-panel';
import { InterimReportPanel } from './interim-report-panel';
import { statusTextOf } from './application-status';
import { DecisionLetters } from '../../../ui/decision-letters';
import { PaymentPlanPanel } from '../../payments/components/payment-plan-panel';

/**
 * Applicant capability 6: one case by its reference (e-mails link here), where it stands, and a
 * timeline of what happened, by whom (in words) and when (Europe/Oslo). Capability 5: what the
 * applicant must do in it (answer, accept or decline) and the decision and its payments (`CaseActions`).
 */
export function CasePage() {
  const { t } = useI18n();
  const { reference = '' } = useParams();
  const application = useQuery(applicationQueries.byReference(reference));
  const calls = useQuery(applicationLookups.calls());
  const schemes = useQuery(applicationLookups.schemes());
  if (application.isPending || calls.isPending || schemes.isPending) {
    return (
      <>
        <PageHeading>{t('case.title', { reference })}</PageHeading>
        <Loading />
      </>
    );
  }
  if (application.isError || calls.isError || schemes.isError || !application.data) {
    return (
      <>
        <PageHeading>{t('case.title', { reference })}</PageHeading>
        {application.data === null ? <Paragraph>{t('case.notFound')}</Paragraph> : <LoadFailed />}
        <BackLink />
      </>
    );
  }
  const found = application.data;
  const call = calls.data.find((c) => c.id === found.callId);
  const scheme = schemes.data.find((s) => s.id === found.schemeId);
  const status = statusTextOf(found);
  return (
    <>
      <PageHeading>
        {t('case.titleWithCall', { call: call?.title ?? scheme?.name ?? '', reference: found.reference })}
      </PageHeading>
      <div className="tags">
        <Tag data-color={status.color}>{t(status.text)}</Tag>
      </div>
      <ApplicationFacts application={found} call={call} scheme={scheme} />
      <FormLinks application={found} />
      <CaseActions application={found} />
      <InterimReportPanel application={found} scheme={scheme} />
      <CaseLetters id={found.id} />
      <PaymentPlanPanel caseKey={found.id} />
      <PayoutRequestsPanel application={found} />
      <Timeline application={found} />
      <BackLink />
    </>
  );
}

function CaseLetters({ id }: { id: string }) {
  const letters = useQuery(applicationQueries.letters(id));
  return <DecisionLetters letters={letters.data} failed={letters.isError} />;
}

function BackLink() {
  const { t } = useI18n();
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to={MY_APPLICATIONS_PATH}>{t('case.back')}</RouterLink>
      </Link>
    </Paragraph>
  );
}

/** The message for a role or event the server names; the catalogue itself says which ones have text. */
const messageFor = (prefix: 'case.role' | 'case.event', name: string): MessageKey => {
  const key = `${prefix}.${name}`;
  return key in nb ? (key as MessageKey) : `${prefix}.unknown`;
};
const roleText = (role: string) => messageFor('case.role', role);
const eventText = (event: string) => messageFor('case.event', event);
/** An event in words; the final payout request's steps have words of their own where they differ. */
const entryText = (entry: AuditEntry): MessageKey => {
  const final = `case.event.${entry.event}.final`;
  return entry.payload.kind === 'final' && final in nb ? (final as MessageKey) : eventText(entry.event);
};

/** Edits of a draft come in runs (autosave): a run shows as its last edit. */
function withoutEditRuns(entries: readonly AuditEntry[]): AuditEntry[] {
  return entries.filter((entry, i) => !(entry.event === 'EDIT' && entries[i + 1]?.event === 'EDIT'));
}

function Timeline({ application }: { application: Application }) {
  const { t, dateTime, kroner } = useI18n();
  const history = useQuery(applicationQueries.history(application.id));
  return (
    <section aria-labelledby="case-timeline">
      <Heading level={2} data-size="sm" id="case-timeline">
        {t('case.timeline')}
      </Heading>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <LoadFailed />
      ) : history.data.length === 0 ? (
        <Paragraph>{t('case.timelineEmpty')}</Paragraph>
      ) : (
        <ol className="timeline">
          {withoutEditRuns(history.data).map((entry) => (
            <li key={entry.seq}>
              <Paragraph>
                <strong>{t(entryText(entry))}</strong>
              </Paragraph>
              {typeof entry.payload.amount === 'number' && (
                <Paragraph>{t('case.money', { amount: kroner(entry.payload.amount) })}</Paragraph>
              )}
              <Paragraph data-size="sm">
                <time dateTime={entry.occurredAt}>{dateTime(entry.occurredAt)}</time>
                {' · '}
                {t('case.by', { role: t(roleText(entry.actorRole)) })}
              </Paragraph>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
