import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { PlanInstalment } from '../../../api/types';
import type { Language } from '../../../i18n/format';
import { useI18n, type Translate } from '../../../i18n/i18n';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { claimsQueries } from '../api/claims-queries';
import { dayInWords } from './day-in-words';
import './payments-due.css';

/** When an instalment falls due, in words. */
function gateWords(instalment: PlanInstalment, t: Translate, language: Language): string {
  const own =
    instalment.on === 'date' && instalment.date
      ? t('paymentPlan.on.date', { date: dayInWords(instalment.date, language) })
      : instalment.on === 'final_report'
        ? t('paymentPlan.on.final_report')
        : t('paymentPlan.on.acceptance');
  // An instalment that also waits for an interim report says so until it is approved.
  if (!instalment.after || instalment.after.approved || instalment.remaining === 0) return own;
  return `${own}. ${t('interim.waitsFor', { report: instalment.after.title[language].toLowerCase() })}`;
}

/** Paid, due now (since when) or not yet due. */
function statusWords(instalment: PlanInstalment, t: Translate, language: Language): string {
  if (instalment.remaining === 0) return t('paymentPlan.status.paid');
  if (instalment.dueNow && instalment.dueSince)
    return t('paymentPlan.status.due', { date: dayInWords(instalment.dueSince, language) });
  return t('paymentPlan.status.notYet');
}

/**
 * A grant's payment plan as it stands (utbetalingsplan): each instalment with what was paid and what
 * is left, and whether it is due; the final amount, what went back to the frame and what was claimed
 * back. Shown on the applicant's and the county's case pages; nothing before a grant.
 */
export function PaymentPlanPanel({ caseKey }: { caseKey: string }) {
  const { t, kroner, language } = useI18n();
  const plan = useQuery(claimsQueries.plan(caseKey));
  const headingId = useId();
  const captionId = useId();
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <LoadFailed />;
  const p = plan.data;
  if (p.grantedAmount === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('paymentPlan.title')}
      </Heading>
      <Paragraph>{t('paymentPlan.granted', { amount: kroner(p.grantedAmount) })}</Paragraph>
      {p.finalPayableAmount !== null && (
        <Paragraph>{t('paymentPlan.finalPayable', { amount: kroner(p.finalPayableAmount) })}</Paragraph>
      )}
      {p.instalments.length === 0 ? (
        <Paragraph>{t('paymentPlan.none')}</Paragraph>
      ) : (
        <div className="payments-due-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <Table data-size="sm" zebra>
            <caption id={captionId}>{t('paymentPlan.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('paymentPlan.col.instalment')}</Table.HeaderCell>
                <Table.HeaderCell>{t('paymentPlan.col.when')}</Table.HeaderCell>
                <Table.HeaderCell className="payments-due-number">
                  {t('paymentPlan.col.amount')}
                </Table.HeaderCell>
                <Table.HeaderCell className="payments-due-number">
                  {t('paymentPlan.col.paid')}
                </Table.HeaderCell>
                <Table.HeaderCell className="payments-due-number">
                  {t('paymentPlan.col.remaining')}
                </Table.HeaderCell>
                <Table.HeaderCell>{t('paymentPlan.col.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {p.instalments.map((instalment) => (
                <Table.Row key={instalment.number}>
                  <Table.Cell>{instalment.label}</Table.Cell>
                  <Table.Cell>{gateWords(instalment, t, language)}</Table.Cell>
                  <Table.Cell className="payments-due-number payments-due-nowrap">
                    {kroner(instalment.amount)}
                  </Table.Cell>
                  <Table.Cell className="payments-due-number payments-due-nowrap">
                    {kroner(instalment.paid)}
                  </Table.Cell>
                  <Table.Cell className="payments-due-number payments-due-nowrap">
                    {kroner(instalment.remaining)}
                  </Table.Cell>
                  <Table.Cell>{statusWords(instalment, t, language)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {p.releasedAmount > 0 && (
        <Paragraph>{t('paymentPlan.released', { amount: kroner(p.releasedAmount) })}</Paragraph>
      )}
      {p.claimedAmount > 0 && (
        <Paragraph>{t('paymentPlan.claimed', { amount: kroner(p.claimedAmount) })}</Paragraph>
      )}
      {p.openClaimAmount > 0 && (
        <Paragraph>
          <strong>{t('paymentPlan.openClaim', { amount: kroner(p.openClaimAmount) })}</strong>
        </Paragraph>
      )}
    </section>
  );
}
