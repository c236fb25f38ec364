import { Alert, Details, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from 'react-router';
import type {
  ApplicationDetail,
  AuditEntry,
  FinalReport as FinalReportData,
  Profile,
  ReturnedReportVersion,
  Scheme,
} from '../../../api/types';
import { formatOrganisationNumber, reasonSentence } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { staffCasePath } from '../../../lib/paths';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { caseworkQueries } from '../api/casework-queries';
import { CaseActions, recommendationOf } from './case-actions';
import { CaseHistory } from './case-history';
import { CaseAttachments } from './case-attachments';
import { CaseNotes } from './case-notes';
import { ImpartialityPanel, mayActOnCase } from './impartiality-panel';
import { PayoutReviewPanel } from './payout-review-panel';
import { InterimReviewPanel } from './interim-review-panel';
import { statusText } from './casework-text';
import { changedFieldLabels, ReadOnlyContent } from './read-only-content';
import { PaymentPlanPanel } from '../../payments/components/payment-plan-panel';
import { DecisionLetters } from '../../../ui/decision-letters';

/**
 * The county's case page (saksbehandling): the application read-only, the facts and advisories the
 * officer weighs, the organisation's other cases, the payment plan, the history with names, the
 * internal notes, and the actions the reader may take now.
 */
export function StaffCasePage() {
  const { t } = useI18n();
  const { reference = '' } = useParams();
  const me = useQuery(caseworkQueries.me());
  const isStaff = me.data?.kind === 'staff';
  const found = useQuery({ ...caseworkQueries.byReference(reference), enabled: isStaff });
  const schemes = useQuery({ ...caseworkQueries.schemes(), enabled: isStaff });
  const fallbackTitle = t('casework.title', { reference });
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadFailed />;
  // The route lets only staff in (StaffOnly); this waits for the profile it checked.
  if (!me.data || !isStaff) return null;
  if (found.isPending || schemes.isPending) {
    return (
      <>
        <PageHeading>{fallbackTitle}</PageHeading>
        <Loading />
      </>
    );
  }
  if (found.isError || schemes.isError || !found.data) {
    return (
      <>
        <PageHeading>{fallbackTitle}</PageHeading>
        {found.data === null ? <Paragraph>{t('casework.notFound')}</Paragraph> : <LoadFailed />}
      </>
    );
  }
  const detail = found.data;
  const scheme = schemes.data.find((s) => s.id === detail.schemeId);
  return <CaseView detail={detail} scheme={scheme} schemes={schemes.data} me={me.data} />;
}

function CaseLetters({ id }: { id: string }) {
  const letters = useQuery(caseworkQueries.letters(id));
  return <DecisionLetters letters={letters.data} failed={letters.isError} />;
}

function CaseView({
  detail,
  scheme,
  schemes,
  me,
}: {
  detail: ApplicationDetail;
  scheme: Scheme | undefined;
  schemes: Scheme[];
  me: Profile;
}) {
  const { t, language } = useI18n();
  const status = statusText(detail.status, detail.state);
  const mayWriteNotes = me.roles.includes('case_officer') || me.roles.includes('approver');
  // Habilitet first: the actions appear once the reader has declared themselves impartial.
  const mayAct = mayActOnCase(detail, me);
  return (
    <>
      <PageHeading>
        {t('casework.titleWithCall', { call: detail.names.callTitle, reference: detail.reference })}
      </PageHeading>
      <div className="tags">
        <Tag data-color={status.color}>{t(status.text)}</Tag>
      </div>
      <CaseFacts detail={detail} scheme={scheme} />
      <CaseRecord detail={detail} />
      {detail.advisories.length > 0 && (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t('casework.advisories')}
          </Heading>
          <ul>
            {detail.advisories.map((advisory) => (
              <li key={`${advisory.code}-${advisory.field ?? ''}`}>{reasonSentence(advisory, language)}</li>
            ))}
          </ul>
        </Alert>
      )}
      <ImpartialityPanel detail={detail} me={me} />
      {mayAct && <CaseActions detail={detail} me={me} />}
      <CaseLetters id={detail.id} />
      {mayAct && <PayoutReviewPanel detail={detail} me={me} />}
      {mayAct && <InterimReviewPanel detail={detail} scheme={scheme} me={me} />}
      <section aria-labelledby="case-content">
        <Heading level={2} data-size="sm" id="case-content">
          {t('casework.content.title')}
        </Heading>
        {scheme ? (
          <ReadOnlyContent
            schema={scheme.applicationSchema}
            layout={scheme.applicationForm}
            content={detail.content}
          />
        ) : (
          <LoadFailed />
        )}
      </section>
      {scheme && (detail.status === 'reported' || detail.status === 'closed') && (
        <FinalReport detail={detail} scheme={scheme} />
      )}
      <PaymentPlan detail={detail} />
      <PaymentPlanPanel caseKey={detail.id} />
      <OtherCases detail={detail} schemes={schemes} />
      <CaseHistory applicationId={detail.id} />
      <CaseAttachments applicationId={detail.id} />
      <CaseNotes applicationId={detail.id} mayWrite={mayWriteNotes} />
    </>
  );
}

function CaseFacts({ detail, scheme }: { detail: ApplicationDetail; scheme: Scheme | undefined }) {
  const { t, kroner, date } = useI18n();
  const { organisation } = detail.names;
  return (
    <dl className="facts">
      <dt>{t('casework.organisation')}</dt>
      <dd>{organisation.name}</dd>
      <dt>{t('casework.organisationNumber')}</dt>
      <dd>{formatOrganisationNumber(organisation.organisationNumber)}</dd>
      <dt>{t('casework.scheme')}</dt>
      <dd>{scheme?.name ?? detail.schemeId}</dd>
      {detail.caseNumber && (
        <>
          <dt>{t('casework.caseNumber')}</dt>
          <dd>{detail.caseNumber}</dd>
        </>
      )}
      <dt>{t('casework.reference')}</dt>
      <dd>{detail.reference}</dd>
      <dt>{t('casework.caseOfficer')}</dt>
      <dd>{detail.names.caseOfficerName ?? t('casework.unassigned')}</dd>
      {detail.submittedAt && (
        <>
          <dt>{t('casework.submitted')}</dt>
          <dd>{date(detail.submittedAt)}</dd>
        </>
      )}
      {detail.requestedAmount !== null && (
        <>
          <dt>{t('casework.requested')}</dt>
          <dd>{kroner(detail.requestedAmount)}</dd>
        </>
      )}
      {detail.maximumAmount !== null && (
        <>
          <dt>{t('casework.maximum')}</dt>
          <dd>{kroner(detail.maximumAmount)}</dd>
        </>
      )}
      {detail.committee?.delegationLimit != null && (
        <>
          <dt>{t('casework.delegationLimit')}</dt>
          <dd>{kroner(detail.committee.delegationLimit)}</dd>
        </>
      )}
      {detail.grantedAmount !== null && (
        <>
          <dt>{t('casework.granted')}</dt>
          <dd>{kroner(detail.grantedAmount)}</dd>
        </>
      )}
    </dl>
  );
}

interface InformationRequest {
  message: string;
  dueAt: string;
}
interface Decision {
  kind: 'grant' | 'rejection';
  amount?: number;
  grounds?: string;
  conditions?: string[];
  committeeCaseRef?: string | null;
}

/** The last entry of one of these events: who recommended or decided, by name. */
const lastBy = (history: AuditEntry[] | undefined, events: string[]) =>
  [...(history ?? [])].reverse().find((e) => events.includes(e.event))?.actorName ?? null;

/** Where the case stands in the record: the open question to the applicant, the recommendation, the decision. */
function CaseRecord({ detail }: { detail: ApplicationDetail }) {
  const { t, kroner, date } = useI18n();
  const history = useQuery(caseworkQueries.history(detail.id));
  const request = (detail.case.informationRequest as InformationRequest | null | undefined) ?? null;
  const recommendation = recommendationOf(detail);
  const decision = (detail.case.decision as Decision | null | undefined) ?? null;
  if (!request && !recommendation && !decision) return null;
  const recommender = lastBy(history.data, ['RECOMMEND_GRANT', 'RECOMMEND_REJECTION']);
  return (
    <section aria-labelledby="case-record">
      <Heading level={2} data-size="sm" id="case-record">
        {t('casework.record.title')}
      </Heading>
      <dl className="facts">
        {request && detail.state === 'assessment.awaiting_applicant' && (
          <>
            <dt>{t('casework.record.request')}</dt>
            <dd>
              <Paragraph className="pre-wrap">{request.message}</Paragraph>
              <Paragraph data-size="sm">
                {t('casework.record.requestDue', { date: date(request.dueAt) })}
              </Paragraph>
            </dd>
          </>
        )}
        {recommendation && (
          <>
            <dt>{t('casework.record.recommendation')}</dt>
            <dd>
              <Paragraph>
                {recommendation.kind === 'grant' && recommendation.amount !== undefined
                  ? t('casework.record.recommendedGrant', { amount: kroner(recommendation.amount) })
                  : t('casework.record.recommendedRejection')}
                {recommender ? ` ${t('casework.record.byName', { name: recommender })}` : ''}
              </Paragraph>
              <Paragraph className="pre-wrap">{recommendation.notes ?? recommendation.grounds}</Paragraph>
            </dd>
          </>
        )}
        {decision && (
          <>
            <dt>{t('casework.record.decision')}</dt>
            <dd>
              <Paragraph>
                {decision.kind === 'grant' && decision.amount !== undefined
                  ? t('casework.record.decidedGrant', { amount: kroner(decision.amount) })
                  : t('casework.record.decidedRejection')}
              </Paragraph>
              {decision.grounds && <Paragraph className="pre-wrap">{decision.grounds}</Paragraph>}
              {decision.conditions && decision.conditions.length > 0 && (
                <ul>
                  {decision.conditions.map((condition) => (
                    <li key={condition}>{condition}</li>
                  ))}
                </ul>
              )}
              {decision.committeeCaseRef && (
                <Paragraph data-size="sm">
                  {t('casework.record.committeeRef', { ref: decision.committeeCaseRef })}
                </Paragraph>
              )}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** The final report (sluttrapport) as submitted, read-only in the words of the scheme's report form. */
function FinalReport({ detail, scheme }: { detail: ApplicationDetail; scheme: Scheme }) {
  const { t, date } = useI18n();
  const report = useQuery(caseworkQueries.report(detail.id));
  return (
    <section aria-labelledby="case-report">
      <Heading level={2} data-size="sm" id="case-report">
        {t('casework.report.title')}
      </Heading>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <LoadFailed />
      ) : (
        <>
          <Paragraph data-size="sm">
            {t('casework.report.submitted', { date: date(report.data.submittedAt) })}
          </Paragraph>
          <ReadOnlyContent
            schema={scheme.reportSchema}
            layout={scheme.reportForm}
            content={report.data.content}
          />
          {report.data.previousVersions.length > 0 && (
            <PreviousReports report={report.data} scheme={scheme} />
          )}
        </>
      )}
    </section>
  );
}

/**
 * The versions of the final report the officer sent back, newest first: when and why each was
 * returned, what the next version changed, and the version itself read-only on request.
 */
function PreviousReports({ report, scheme }: { report: FinalReportData; scheme: Scheme }) {
  const { t } = useI18n();
  // Newest first: each version's successor is the one before it in the list, or the current report.
  const versions = report.previousVersions;
  return (
    <section aria-labelledby="case-report-previous" className="report-versions">
      <Heading level={3} data-size="xs" id="case-report-previous">
        {t('casework.report.previousTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('casework.report.previousIntro')}</Paragraph>
      {versions.map((version, i) => (
        <PreviousReport
          key={version.id}
          version={version}
          next={i === 0 ? report.content : versions[i - 1]!.content}
          scheme={scheme}
        />
      ))}
    </section>
  );
}

function PreviousReport({
  version,
  next,
  scheme,
}: {
  version: ReturnedReportVersion;
  next: Record<string, unknown>;
  scheme: Scheme;
}) {
  const { t, date, language } = useI18n();
  const headingId = `report-version-${version.id}`;
  const changed = changedFieldLabels(scheme.reportSchema, scheme.reportForm, version.content, next, language);
  const returned = version.returned;
  return (
    <section aria-labelledby={headingId} className="report-version">
      <Heading level={4} data-size="2xs" id={headingId}>
        {t('casework.report.version', { date: date(version.submittedAt) })}
      </Heading>
      <dl className="facts">
        {returned && (
          <>
            <dt>{t('casework.report.returned')}</dt>
            <dd>
              {returned.returnedByName
                ? t('casework.report.returnedBy', {
                    date: date(returned.returnedAt),
                    name: returned.returnedByName,
                  })
                : date(returned.returnedAt)}
            </dd>
            <dt>{t('casework.report.returnReason')}</dt>
            <dd className="pre-wrap">{returned.reason}</dd>
          </>
        )}
        <dt>{t('casework.report.changed')}</dt>
        <dd>{changed.length > 0 ? changed.join(', ') : t('casework.report.unchanged')}</dd>
      </dl>
      <Details>
        <Details.Summary>
          {t('casework.report.showVersion', { date: date(version.submittedAt) })}
        </Details.Summary>
        <Details.Content>
          <ReadOnlyContent
            schema={scheme.reportSchema}
            layout={scheme.reportForm}
            content={version.content}
            headingLevel={5}
          />
        </Details.Content>
      </Details>
    </section>
  );
}

function PaymentPlan({ detail }: { detail: ApplicationDetail }) {
  const { t, kroner, date } = useI18n();
  if (!detail.paymentPlan) return null;
  const when = (on: string, day: string | undefined) =>
    on === 'date' && day
      ? date(`${day}T12:00:00Z`)
      : on === 'acceptance'
        ? t('casework.payments.onAcceptance')
        : t('casework.payments.onFinalReport');
  return (
    <section aria-labelledby="case-payments">
      <Heading level={2} data-size="sm" id="case-payments">
        {t('casework.payments.title')}
      </Heading>
      <Table>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('casework.payments.instalment')}</Table.HeaderCell>
            <Table.HeaderCell>{t('casework.payments.when')}</Table.HeaderCell>
            <Table.HeaderCell>{t('casework.payments.amount')}</Table.HeaderCell>
            <Table.HeaderCell>{t('casework.payments.paid')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {detail.paymentPlan.map((instalment, i) => (
            <Table.Row key={i}>
              <Table.Cell>{instalment.label}</Table.Cell>
              <Table.Cell>{when(instalment.on, instalment.date)}</Table.Cell>
              <Table.Cell>{kroner(instalment.amount)}</Table.Cell>
              <Table.Cell>{kroner(instalment.paid)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}

function OtherCases({ detail, schemes }: { detail: ApplicationDetail; schemes: Scheme[] }) {
  const { t, kroner } = useI18n();
  const cases = useQuery(caseworkQueries.organisationCases(detail.organisationId));
  const others = cases.data?.items.filter((c) => c.id !== detail.id) ?? [];
  return (
    <section aria-labelledby="case-others">
      <Heading level={2} data-size="sm" id="case-others">
        {t('casework.others.title', { organisation: detail.names.organisation.name })}
      </Heading>
      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <LoadFailed />
      ) : others.length === 0 ? (
        <Paragraph>{t('casework.others.none')}</Paragraph>
      ) : (
        <Table>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('casework.caseNumber')}</Table.HeaderCell>
              <Table.HeaderCell>{t('casework.scheme')}</Table.HeaderCell>
              <Table.HeaderCell>{t('casework.others.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('casework.others.amount')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {others.map((other) => {
              const amount = other.grantedAmount ?? other.requestedAmount;
              return (
                <Table.Row key={other.id}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={staffCasePath(other.reference)}>
                        {other.caseNumber ? `${other.caseNumber} (${other.reference})` : other.reference}
                      </RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    {schemes.find((s) => s.id === other.schemeId)?.name ?? other.schemeId}
                  </Table.Cell>
                  <Table.Cell>{t(statusText(other.status, other.state).text)}</Table.Cell>
                  <Table.Cell>{amount !== null ? kroner(amount) : '–'}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
