import { Alert, Button, Dialog, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { ProblemError } from '../../../api/problem';
import type { PaymentRun } from '../../../api/types';
import { formatAccountNumber, formatMoney, formatNumber } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { PAYMENTS_DUE_PATH } from '../../../lib/paths';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import {
  creditTransferUrl,
  paymentRunQueries,
  runCsvUrl,
  useApprovePaymentRun,
} from '../api/payment-runs-queries';
import { RefusalAlert } from './run-builder';
import { runRefusal, type Refusal } from './run-refusal';
import './payments-due.css';

/** One payment run (utbetalingsliste): its items, "Godkjenn og bokfør" while a draft, then its files. */
export function PaymentRunPage() {
  const { t } = useI18n();
  const { runId = '' } = useParams();
  const run = useQuery(paymentRunQueries.detail(runId));
  if (run.isPending) {
    return (
      <>
        <PageHeading>{t('paymentRuns.list.heading')}</PageHeading>
        <Loading />
      </>
    );
  }
  if (run.isError) {
    const missing = run.error instanceof ProblemError && [400, 404].includes(run.error.status);
    return (
      <>
        <PageHeading>{t('paymentRuns.list.heading')}</PageHeading>
        {missing ? <Paragraph>{t('paymentRuns.page.notFound')}</Paragraph> : <LoadFailed />}
        <BackLink />
      </>
    );
  }
  return <RunView run={run.data} />;
}

function BackLink() {
  const { t } = useI18n();
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to={PAYMENTS_DUE_PATH}>{t('paymentRuns.page.back')}</RouterLink>
      </Link>
    </Paragraph>
  );
}

function RunView({ run }: { run: PaymentRun }) {
  const { t, language, date, dateTime } = useI18n();
  const approve = useApprovePaymentRun();
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [approvedNow, setApprovedNow] = useState(false);
  // One key per run: a retry of the approval is the same request.
  const key = useRef(crypto.randomUUID());
  const outcomeRef = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const dialogHeadingId = useId();
  const name = t('paymentRuns.name', { number: run.number });
  // A run pays in one currency: its items'.
  const total = formatMoney(run.totalAmount, run.items[0]?.currency ?? 'NOK', language);

  const doApprove = () => {
    if (approve.isPending) return;
    approve.mutate(
      { runId: run.id, key: key.current },
      {
        onSuccess: () => {
          setRefusal(null);
          setApprovedNow(true);
        },
        onError: (error) => setRefusal(runRefusal(error, t)),
        onSettled: () => {
          setConfirming(false);
          outcomeRef.current?.focus();
        },
      },
    );
  };

  return (
    <>
      <PageHeading>{name}</PageHeading>
      <Paragraph>
        <Tag data-color={run.state === 'approved' ? 'success' : 'warning'}>
          {t(run.state === 'approved' ? 'paymentRuns.state.approved' : 'paymentRuns.state.draft')}
        </Tag>
      </Paragraph>
      <Paragraph>
        {t('paymentRuns.page.executionDate', { date: date(run.requestedExecutionDate) })}{' '}
        {run.itemCount === 1
          ? t('paymentRuns.page.totalOne', { amount: total })
          : t('paymentRuns.page.total', { amount: total, count: formatNumber(run.itemCount, language) })}
      </Paragraph>
      <Paragraph>
        {t('paymentRuns.page.created', { name: run.createdBy, date: dateTime(run.createdAt) })}{' '}
        {run.state === 'approved' && run.approvedAt
          ? t('paymentRuns.page.approved', { name: run.approvedBy ?? '', date: dateTime(run.approvedAt) })
          : t('paymentRuns.page.draft')}
      </Paragraph>
      <div className="payments-due-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <Table data-size="sm" zebra>
          <caption id={captionId}>{t('paymentRuns.page.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('paymentRuns.item.organisation')}</Table.HeaderCell>
              <Table.HeaderCell>{t('paymentRuns.item.reference')}</Table.HeaderCell>
              <Table.HeaderCell>{t('runRequests.item.kind')}</Table.HeaderCell>
              <Table.HeaderCell>{t('paymentRuns.item.instalment')}</Table.HeaderCell>
              <Table.HeaderCell>{t('paymentRuns.item.account')}</Table.HeaderCell>
              <Table.HeaderCell className="payments-due-number">
                {t('paymentRuns.item.amount')}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {run.items.map((item) => (
              <Table.Row key={item.endToEndId}>
                <Table.Cell>{item.organisationName}</Table.Cell>
                <Table.Cell className="payments-due-nowrap">
                  {item.caseNumber ?? item.caseReference}
                  {item.caseNumber && (
                    <>
                      <br />
                      {item.caseReference}
                    </>
                  )}
                </Table.Cell>
                <Table.Cell>
                  {item.kind === 'payout_request'
                    ? t('runRequests.kind.payoutRequest')
                    : t('runRequests.kind.instalment')}
                </Table.Cell>
                <Table.Cell>
                  {item.kind === 'payout_request'
                    ? t(
                        item.payoutRequestKind === 'final'
                          ? 'runRequests.finalRequestNumber'
                          : 'runRequests.requestNumber',
                        {
                          number: String(item.payoutRequest ?? ''),
                        },
                      )
                    : item.instalmentLabel}
                </Table.Cell>
                <Table.Cell className="payments-due-nowrap">
                  {item.bic
                    ? t('runRequests.iban', { iban: item.account, bic: item.bic })
                    : formatAccountNumber(item.account)}
                </Table.Cell>
                <Table.Cell className="payments-due-number payments-due-nowrap">
                  {formatMoney(item.amount, item.currency, language)}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <div
        ref={outcomeRef}
        className="payments-due-outcome"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        tabIndex={-1}
      >
        {refusal && <RefusalAlert refusal={refusal} />}
        {approvedNow && run.state === 'approved' && (
          <Alert data-color="success">{t('paymentRuns.approved')}</Alert>
        )}
      </div>
      {run.state === 'draft' ? (
        <div className="payments-due-buttons">
          <Button onClick={() => setConfirming(true)}>{t('paymentRuns.approve')}</Button>
        </div>
      ) : (
        <section aria-labelledby={`${captionId}-files`}>
          <Heading level={2} data-size="sm" id={`${captionId}-files`}>
            {t('paymentRuns.downloads')}
          </Heading>
          <ul className="payment-run-files">
            <li>
              <Link href={creditTransferUrl(run.id)} download>
                {t('paymentRuns.download.xml')}
              </Link>
            </li>
            <li>
              <Link href={runCsvUrl(run.id)} download>
                {t('paymentRuns.download.csv')}
              </Link>
            </li>
          </ul>
        </section>
      )}
      <BackLink />
      <Dialog
        open={confirming}
        onClose={() => {
          if (!approve.isPending) setConfirming(false);
        }}
        closeButton={t('paymentRuns.confirm.close')}
        aria-labelledby={dialogHeadingId}
      >
        {confirming && (
          <>
            <Heading level={2} data-size="sm" id={dialogHeadingId}>
              {t('paymentRuns.confirm.title')}
            </Heading>
            <Paragraph>
              {t('paymentRuns.confirm.body', { count: formatNumber(run.itemCount, language), amount: total })}
            </Paragraph>
            <div className="payments-due-buttons">
              <Button onClick={doApprove} aria-disabled={approve.isPending} loading={approve.isPending}>
                {t('paymentRuns.confirm.approve', { amount: total })}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)} disabled={approve.isPending}>
                {t('paymentRuns.confirm.cancel')}
              </Button>
            </div>
          </>
        )}
      </Dialog>
    </>
  );
}
