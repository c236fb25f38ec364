import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ApplicationDetail, Instalment } from '../../../api/types';
import { useI18n, type Translate } from '../../../i18n/i18n';
import { decision } from './case-record';

/** The decision (vedtak) as the applicant reads it: outcome, amount, grounds and conditions. */
export function CaseDecision({ application }: { application: ApplicationDetail }) {
  const { t, date, kroner } = useI18n();
  const found = decision(application);
  if (!found) return null;
  return (
    <section aria-labelledby="case-decision" className="case-action">
      <Heading level={2} data-size="sm" id="case-decision">
        {t('caseActions.decision.title')}
      </Heading>
      <dl className="facts">
        <dt>{t('caseActions.decision.outcome')}</dt>
        <dd>
          {t(found.kind === 'grant' ? 'caseActions.decision.granted' : 'caseActions.decision.rejected', {
            date: date(found.at),
          })}
        </dd>
        {found.kind === 'grant' && (
          <>
            <dt>{t('caseActions.decision.amount')}</dt>
            <dd>{kroner(found.amount)}</dd>
          </>
        )}
        {found.grounds && (
          <>
            <dt>
              {t(
                found.kind === 'grant'
                  ? 'caseActions.decision.grantGrounds'
                  : 'caseActions.decision.rejectionGrounds',
              )}
            </dt>
            <dd className="case-text">{found.grounds}</dd>
          </>
        )}
        {found.kind === 'grant' && found.conditions.length > 0 && (
          <>
            <dt>{t('caseActions.decision.conditions')}</dt>
            <dd>
              <ul>
                {found.conditions.map((condition, i) => (
                  <li key={i}>{condition}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** An instalment's name: ours for the usual advance and final payment, the scheme's for dated ones. */
function instalmentName(instalment: Instalment, t: Translate): string {
  if (instalment.on === 'acceptance') return t('caseActions.payments.advance');
  if (instalment.on === 'final_report') return t('caseActions.payments.final');
  return instalment.label;
}

/** A calendar day (YYYY-MM-DD) as an instant at noon UTC: the same day in Norway all year. */
const calendarDay = (day: string) => `${day}T12:00:00.000Z`;

const PAID_STATUSES = new Set<ApplicationDetail['status']>(['granted', 'reported', 'closed']);

/** How the grant is paid: the plan with what gates each instalment, what has been paid, and when. */
export function GrantPayments({ application }: { application: ApplicationDetail }) {
  const { t, date, kroner } = useI18n();
  const plan = application.paymentPlan;
  // A declined or lapsed grant is not paid: its plan would mislead, unless something was paid.
  const live = PAID_STATUSES.has(application.status) || application.payments.length > 0;
  if (!plan || plan.length === 0 || !live) return null;
  const total = plan.reduce((sum, i) => sum + i.amount, 0);
  const when = (instalment: Instalment) =>
    instalment.on === 'date' && instalment.date
      ? t('caseActions.payments.on.date', { date: date(calendarDay(instalment.date)) })
      : instalment.on === 'acceptance'
        ? t('caseActions.payments.on.acceptance')
        : t('caseActions.payments.on.final_report');
  return (
    <section aria-labelledby="case-payments" className="case-action">
      <Heading level={2} data-size="sm" id="case-payments">
        {t('caseActions.payments.title')}
      </Heading>
      <div className="case-payments">
        <Table aria-labelledby="case-payments" zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('caseActions.payments.instalment')}</Table.HeaderCell>
              <Table.HeaderCell className="amount">{t('caseActions.payments.amount')}</Table.HeaderCell>
              <Table.HeaderCell>{t('caseActions.payments.when')}</Table.HeaderCell>
              <Table.HeaderCell className="amount">{t('caseActions.payments.paid')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {plan.map((instalment, i) => (
              <Table.Row key={i}>
                <Table.HeaderCell scope="row">{instalmentName(instalment, t)}</Table.HeaderCell>
                <Table.Cell className="amount">{kroner(instalment.amount)}</Table.Cell>
                <Table.Cell>{when(instalment)}</Table.Cell>
                <Table.Cell className="amount">{kroner(instalment.paid)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
          {plan.length > 1 && (
            <Table.Foot>
              <Table.Row>
                <Table.HeaderCell scope="row">{t('caseActions.payments.total')}</Table.HeaderCell>
                <Table.Cell className="amount">{kroner(total)}</Table.Cell>
                <Table.Cell />
                <Table.Cell className="amount">{kroner(application.paidAmount)}</Table.Cell>
              </Table.Row>
            </Table.Foot>
          )}
        </Table>
      </div>
      <Heading level={3} data-size="xs">
        {t('caseActions.payments.history')}
      </Heading>
      {application.payments.length === 0 ? (
        <Paragraph>{t('caseActions.payments.none')}</Paragraph>
      ) : (
        <ul>
          {application.payments.map((payment, i) => (
            <li key={i}>
              {t(
                payment.kind === 'repayment'
                  ? 'caseActions.payments.repayment'
                  : 'caseActions.payments.disbursement',
                { amount: kroner(payment.amount), date: date(payment.at) },
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
