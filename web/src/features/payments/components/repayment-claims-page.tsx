import { Button, Dialog, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ProblemError } from '../../../api/problem';
import type { RepaymentClaim } from '../../../api/types';
import type { MessageKey } from '../../../i18n/nb';
import { useI18n } from '../../../i18n/i18n';
import { staffCasePath } from '../../../lib/paths';
import { type Outcome, OutcomeRegion } from '../../../ui/outcome-region';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { claimsQueries, useSettleClaim } from '../api/claims-queries';
import { dayInWords } from './day-in-words';
import './payments-due.css';

const STATUS: Record<
  RepaymentClaim['status'],
  { text: MessageKey; color: 'info' | 'warning' | 'danger' | 'success' }
> = {
  open: { text: 'claims.status.open', color: 'info' },
  reminded: { text: 'claims.status.reminded', color: 'warning' },
  escalated: { text: 'claims.status.escalated', color: 'danger' },
  settled: { text: 'claims.status.settled', color: 'success' },
};

/**
 * Finance's repayment claims (tilbakebetalingskrav): what is owed, by whom, by when; "Registrer
 * innbetaling" asks to confirm, then returns the money to the frame. The outcome is announced in a
 * live region, which takes focus when the dialog closes.
 */
export function RepaymentClaimsPage() {
  const { t, kroner, language } = useI18n();
  const claims = useQuery(claimsQueries.list());
  const settle = useSettleClaim();
  const [confirming, setConfirming] = useState<RepaymentClaim | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const keys = useRef(new Map<string, string>());
  const outcomeRef = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const dialogHeadingId = useId();

  const keyFor = (claim: RepaymentClaim) => {
    const known = keys.current.get(claim.id);
    if (known) return known;
    const key = crypto.randomUUID();
    keys.current.set(claim.id, key);
    return key;
  };

  const register = () => {
    const claim = confirming;
    if (!claim || settle.isPending) return;
    const values = { amount: kroner(claim.amount), reference: claim.caseReference };
    settle.mutate(
      { claim, key: keyFor(claim) },
      {
        onSuccess: (done) =>
          setOutcome({
            ok: true,
            text: t(done.caseClosed ? 'claims.settledClosed' : 'claims.settled', values),
          }),
        onError: (error) => {
          const code = error instanceof ProblemError ? error.problem.code : undefined;
          setOutcome({
            ok: false,
            text: t(
              code === 'claim_settled'
                ? 'claims.failed.settled'
                : code === 'claim_amount_changed'
                  ? 'claims.failed.amountChanged'
                  : 'claims.failed.other',
              values,
            ),
          });
        },
        onSettled: () => {
          setConfirming(null);
          outcomeRef.current?.focus();
        },
      },
    );
  };

  return (
    <>
      <PageHeading>{t('claims.title')}</PageHeading>
      <Paragraph>{t('claims.intro')}</Paragraph>
      <OutcomeRegion ref={outcomeRef} outcome={outcome} />
      {claims.isPending ? (
        <Loading />
      ) : claims.isError ? (
        <LoadFailed />
      ) : claims.data.items.length === 0 ? (
        <Paragraph>{t('claims.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            <strong>{t('claims.open', { amount: kroner(claims.data.openAmount) })}</strong>
          </Paragraph>
          <div className="payments-due-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
            <Table data-size="sm" zebra>
              <caption id={captionId}>{t('claims.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('claims.col.reference')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('claims.col.organisation')}</Table.HeaderCell>
                  <Table.HeaderCell className="payments-due-number">
                    {t('claims.col.amount')}
                  </Table.HeaderCell>
                  <Table.HeaderCell>{t('claims.col.due')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('claims.col.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('claims.col.action')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {claims.data.items.map((claim) => (
                  <Table.Row key={claim.id}>
                    <Table.Cell className="payments-due-nowrap">
                      <Link asChild>
                        <RouterLink to={staffCasePath(claim.caseReference)}>{claim.caseReference}</RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{claim.organisationName}</Table.Cell>
                    <Table.Cell className="payments-due-number payments-due-nowrap">
                      {kroner(claim.amount)}
                    </Table.Cell>
                    <Table.Cell className="payments-due-nowrap">
                      <time dateTime={claim.dueDate}>{dayInWords(claim.dueDate, language)}</time>
                    </Table.Cell>
                    <Table.Cell>
                      <Tag data-color={STATUS[claim.status].color}>{t(STATUS[claim.status].text)}</Tag>
                    </Table.Cell>
                    <Table.Cell>
                      {claim.status !== 'settled' && (
                        <Button
                          data-size="sm"
                          variant="secondary"
                          aria-label={t('claims.settleLabel', {
                            amount: kroner(claim.amount),
                            reference: claim.caseReference,
                          })}
                          onClick={() => setConfirming(claim)}
                        >
                          {t('claims.settle')}
                        </Button>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
      <Dialog
        open={confirming !== null}
        onClose={() => {
          if (!settle.isPending) setConfirming(null);
        }}
        closeButton={t('claims.confirm.close')}
        aria-labelledby={dialogHeadingId}
      >
        {confirming && (
          <>
            <Heading level={2} data-size="sm" id={dialogHeadingId}>
              {t('claims.confirm.title')}
            </Heading>
            <Paragraph>
              {t('claims.confirm.body', {
                amount: kroner(confirming.amount),
                organisation: confirming.organisationName,
                reference: confirming.caseReference,
                frame: confirming.frameName,
              })}
            </Paragraph>
            <div className="payments-due-buttons">
              <Button onClick={register} aria-disabled={settle.isPending} loading={settle.isPending}>
                {t('claims.confirm.settle', { amount: kroner(confirming.amount) })}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(null)} disabled={settle.isPending}>
                {t('claims.confirm.cancel')}
              </Button>
            </div>
          </>
        )}
      </Dialog>
    </>
  );
}
