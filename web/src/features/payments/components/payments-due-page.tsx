import { Button, Checkbox, Dialog, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ProblemError } from '../../../api/problem';
import type { PaymentDue } from '../../../api/types';
import { formatAccountNumber, formatNumber, formatOrganisationNumber } from '../../../i18n/format';
import { useI18n, type Translate } from '../../../i18n/i18n';
import { staffCasePath } from '../../../lib/paths';
import { type Outcome, OutcomeRegion } from '../../../ui/outcome-region';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { PAYMENTS_DUE_PAGE_SIZE, paymentsQueries, useBookPayment } from '../api/payments-queries';
import { PaymentRunsList } from './payment-runs-list';
import { RunBuilder } from './run-builder';
import './payments-due.css';

/** The payment's name: the instalment's in the plan, or the payout request's number. */
function paymentLabel(row: PaymentDue, t: Translate): string {
  if (row.instalment) return row.instalment.label;
  const number = row.payoutRequest?.number ?? 0;
  return t(row.payoutRequest?.kind === 'final' ? 'payments.finalPayoutRequest' : 'payments.payoutRequest', {
    number,
  });
}

/** What the instalment is, in words: its name in the plan, and what made it due; a payout request and its account. */
function instalmentWords(row: PaymentDue, t: Translate, day: (date: string) => string): string {
  if (!row.instalment) {
    const request = row.payoutRequest;
    const account = request?.accountNumber
      ? formatAccountNumber(request.accountNumber)
      : [request?.iban, request?.bic].filter(Boolean).join(' ');
    return `${paymentLabel(row, t)} – ${t('payments.toAccount', { account })}`;
  }
  const { label, on, date } = row.instalment;
  const when =
    on === 'date' && date
      ? t('payments.on.date', { date: day(date) })
      : on === 'final_report'
        ? t('payments.on.final_report')
        : t('payments.on.acceptance');
  return `${label} – ${when}`;
}

/** A due row's identity, the same across reads of the list: the instalment's or the request's number. */
const rowId = (row: PaymentDue) =>
  row.instalment ? `${row.instalment.number}` : `request-${row.payoutRequest?.number ?? 0}`;
/** A row's key in the list and in the run's selection. */
const rowKey = (row: PaymentDue) => `${row.caseReference}-${rowId(row)}`;
/** One Idempotency-Key per intent to pay a row: the same for a retry, a new one once it is paid. */
const intentOf = (row: PaymentDue) => `${row.caseReference}:${rowId(row)}:${row.amount}`;

/**
 * Finance's list of what may be paid now under the grants' payment plans, with the total at the top;
 * "Utbetal" asks to confirm the amount, then books the payment on the grant's frame. The outcome is
 * announced in a live region, which takes focus when the dialog closes.
 */
export function PaymentsDuePage() {
  const { t, kroner, date, language } = useI18n();
  const due = useQuery(paymentsQueries.due());
  const book = useBookPayment();
  const [confirming, setConfirming] = useState<PaymentDue | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const keys = useRef(new Map<string, string>());
  const outcomeRef = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const dialogHeadingId = useId();
  const selectAllId = useId();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  // Payment runs take the plan's instalments and approved payout requests (paid to the request's account).
  const rows = due.data?.items ?? [];
  // What is ticked and still due: a row paid or gone meanwhile drops out of the selection.
  const selected = rows.filter((row) => picked.has(rowKey(row)));
  const allPicked = rows.length > 0 && selected.length === rows.length;
  const toggle = (row: PaymentDue, on: boolean) =>
    setPicked((current) => {
      const next = new Set(current);
      if (on) next.add(rowKey(row));
      else next.delete(rowKey(row));
      return next;
    });

  const keyFor = (row: PaymentDue) => {
    const intent = intentOf(row);
    const known = keys.current.get(intent);
    if (known) return known;
    const key = crypto.randomUUID();
    keys.current.set(intent, key);
    return key;
  };

  const failureText = (row: PaymentDue, error: unknown) => {
    const code = error instanceof ProblemError ? error.problem.code : undefined;
    const values = { reference: row.caseReference };
    if (code === 'payment_not_due') return t('payments.failed.notDue', values);
    if (code === 'due_amount_changed') return t('payments.failed.amountChanged', values);
    return t('payments.failed.other', values);
  };

  const pay = () => {
    const row = confirming;
    if (!row || book.isPending) return;
    book.mutate(
      { row, key: keyFor(row) },
      {
        onSuccess: () => {
          keys.current.delete(intentOf(row));
          setOutcome({
            ok: true,
            text: t('payments.booked', {
              amount: kroner(row.amount),
              reference: row.caseReference,
              instalment: paymentLabel(row, t),
            }),
          });
        },
        onError: (error) => setOutcome({ ok: false, text: failureText(row, error) }),
        onSettled: () => {
          setConfirming(null);
          outcomeRef.current?.focus();
        },
      },
    );
  };

  return (
    <>
      <PageHeading>{t('payments.title')}</PageHeading>
      <Paragraph>{t('payments.intro')}</Paragraph>
      <OutcomeRegion ref={outcomeRef} outcome={outcome} />
      {due.isPending ? (
        <Loading />
      ) : due.isError ? (
        <LoadFailed />
      ) : due.data.items.length === 0 ? (
        <Paragraph>{t('payments.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            <strong>
              {due.data.items.length === 1
                ? t('payments.totalOne', { amount: kroner(due.data.totalAmount) })
                : t('payments.total', {
                    amount: kroner(due.data.totalAmount),
                    count: formatNumber(due.data.items.length, language),
                  })}
            </strong>
          </Paragraph>
          {due.data.nextCursor && (
            <Paragraph>
              {t('payments.more', { count: formatNumber(PAYMENTS_DUE_PAGE_SIZE, language) })}
            </Paragraph>
          )}
          <Checkbox
            id={selectAllId}
            label={t('paymentRuns.selectAll')}
            checked={allPicked}
            onChange={(event) => setPicked(event.target.checked ? new Set(rows.map(rowKey)) : new Set())}
          />
          <div className="payments-due-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
            <Table data-size="sm" zebra>
              <caption id={captionId}>{t('payments.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('paymentRuns.select')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('payments.col.reference')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('payments.col.organisation')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('payments.col.scheme')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('payments.col.instalment')}</Table.HeaderCell>
                  <Table.HeaderCell className="payments-due-number">
                    {t('payments.col.amount')}
                  </Table.HeaderCell>
                  <Table.HeaderCell>{t('payments.col.dueSince')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('payments.col.action')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {due.data.items.map((row) => (
                  <Table.Row key={rowKey(row)}>
                    <Table.Cell>
                      <Checkbox
                        aria-label={t('paymentRuns.selectRow', {
                          // A payout request is named as such; an instalment by its case.
                          reference: row.instalment
                            ? row.caseReference
                            : `${row.caseReference} ${paymentLabel(row, t)}`,
                          amount: kroner(row.amount),
                        })}
                        checked={picked.has(rowKey(row))}
                        onChange={(event) => toggle(row, event.target.checked)}
                      />
                    </Table.Cell>
                    <Table.Cell className="payments-due-nowrap">
                      <Link asChild>
                        <RouterLink to={staffCasePath(row.caseReference)}>{row.caseReference}</RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>
                      {row.organisationName}
                      <br />
                      <span className="payments-due-muted">
                        {t('payments.orgNumber', {
                          number: formatOrganisationNumber(row.organisationNumber),
                        })}
                      </span>
                    </Table.Cell>
                    <Table.Cell>{row.schemeName}</Table.Cell>
                    <Table.Cell>{instalmentWords(row, t, date)}</Table.Cell>
                    <Table.Cell className="payments-due-number payments-due-nowrap">
                      {kroner(row.amount)}
                    </Table.Cell>
                    <Table.Cell className="payments-due-nowrap">
                      <time dateTime={row.dueSince}>{date(row.dueSince)}</time>
                    </Table.Cell>
                    <Table.Cell>
                      <Button
                        data-size="sm"
                        variant="secondary"
                        aria-label={t('payments.payLabel', {
                          amount: kroner(row.amount),
                          reference: row.caseReference,
                        })}
                        onClick={() => setConfirming(row)}
                      >
                        {t('payments.pay')}
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <RunBuilder selected={selected} selectionId={selectAllId} />
        </>
      )}
      <PaymentRunsList />
      <Dialog
        open={confirming !== null}
        onClose={() => {
          if (!book.isPending) setConfirming(null);
        }}
        closeButton={t('payments.confirm.close')}
        aria-labelledby={dialogHeadingId}
      >
        {confirming && (
          <>
            <Heading level={2} data-size="sm" id={dialogHeadingId}>
              {t('payments.confirm.title')}
            </Heading>
            <Paragraph>
              {t('payments.confirm.body', {
                amount: kroner(confirming.amount),
                organisation: confirming.organisationName,
                reference: confirming.caseReference,
                instalment: paymentLabel(confirming, t),
                frame: confirming.frameName,
              })}
            </Paragraph>
            <div className="payments-due-buttons">
              <Button onClick={pay} aria-disabled={book.isPending} loading={book.isPending}>
                {t('payments.confirm.pay', { amount: kroner(confirming.amount) })}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(null)} disabled={book.isPending}>
                {t('payments.confirm.cancel')}
              </Button>
            </div>
          </>
        )}
      </Dialog>
    </>
  );
}
