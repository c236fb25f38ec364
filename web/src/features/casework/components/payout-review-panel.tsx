import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ProblemError } from '../../../api/problem';
import type {
  ApplicationDetail,
  PayoutRequest,
  PayoutRequestKind,
  PayoutRequestStatus,
  PayoutTerms,
  Profile,
} from '../../../api/types';
import { kronerInputText, parseKroner } from '../../../forms/money';
import { formatAccountNumber } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { FieldErrorSummary, type FieldError } from '../../../ui/field-error-summary';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { payoutReviewQueries, useDecidePayout, type PayoutDecision } from '../api/payout-review-queries';
import { CaseAttachments } from './case-attachments';

const STATUS_TEXT: Record<PayoutRequestStatus, MessageKey> = {
  draft: 'payout.status.draft',
  sent: 'payout.status.sent',
  returned: 'payout.status.returned',
  approved: 'payout.status.approved',
  rejected: 'payout.status.rejected',
  paid: 'payout.status.paid',
};

const KIND_TEXT: Record<PayoutRequestKind, MessageKey> = {
  part: 'payout.kind.part',
  final: 'payout.kind.final',
};

const GRANTED = new Set(['granted', 'reported', 'closed']);

/**
 * The county's review of the grant's payout requests: the request sent (amount, account, status
 * report, costs against the approved plan, who confirmed it), then approve with an amount, return
 * with reasons, or reject with grounds; earlier requests are listed with their status.
 */
export function PayoutReviewPanel({ detail, me }: { detail: ApplicationDetail; me: Profile }) {
  const { t, kroner, date } = useI18n();
  const granted = GRANTED.has(detail.status);
  const requests = useQuery({ ...payoutReviewQueries.list(detail.id), enabled: granted });
  const [done, setDone] = useState<MessageKey | null>(null);
  if (!granted) return null;
  if (requests.isPending) return <Loading />;
  if (requests.isError) return <LoadFailed />;
  const { terms, items } = requests.data;
  // Drafts are the applicant's own until they are sent.
  const seen = items.filter((r) => r.status !== 'draft');
  if (seen.length === 0 && !done) return null;
  const pending = seen.find((r) => r.status === 'sent');
  const mayDecide = me.roles.includes('case_officer');
  return (
    <section aria-labelledby="payout-review" className="case-action">
      <Heading level={2} data-size="sm" id="payout-review">
        {t('payoutReview.title')}
      </Heading>
      {done && <Alert data-color="success">{t(done)}</Alert>}
      {pending && (
        <PendingRequest
          detail={detail}
          request={pending}
          terms={terms}
          mayDecide={mayDecide}
          onDecided={setDone}
        />
      )}
      {seen.length > 0 && (
        <Table data-size="sm" zebra>
          <caption>{t('payoutReview.list')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('payout.list.number')}</Table.HeaderCell>
              <Table.HeaderCell>{t('payout.list.kind')}</Table.HeaderCell>
              <Table.HeaderCell>{t('payout.list.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('payout.list.amount')}</Table.HeaderCell>
              <Table.HeaderCell>{t('payout.list.approved')}</Table.HeaderCell>
              <Table.HeaderCell>{t('payout.list.sentAt')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {seen.map((r) => (
              <Table.Row key={r.number}>
                <Table.Cell>{r.number}</Table.Cell>
                <Table.Cell>{t(KIND_TEXT[r.kind])}</Table.Cell>
                <Table.Cell>{t(STATUS_TEXT[r.status])}</Table.Cell>
                <Table.Cell>{kroner(r.amount)}</Table.Cell>
                <Table.Cell>{r.approvedAmount === null ? '–' : kroner(r.approvedAmount)}</Table.Cell>
                <Table.Cell>{r.sentAt ? date(r.sentAt) : '–'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}

function PendingRequest({
  detail,
  request,
  terms,
  mayDecide,
  onDecided,
}: {
  detail: ApplicationDetail;
  request: PayoutRequest;
  terms: PayoutTerms;
  mayDecide: boolean;
  onDecided: (text: MessageKey) => void;
}) {
  const { t, kroner, date, language } = useI18n();
  const account = request.accountNumber
    ? formatAccountNumber(request.accountNumber)
    : `${request.iban ?? ''} (${request.bic ?? ''})`;
  const final = request.kind === 'final';
  return (
    <>
      <Heading level={3} data-size="xs">
        {t(final ? 'payoutReview.pendingFinal' : 'payoutReview.pending', { number: request.number })}
      </Heading>
      {final && <Paragraph>{t('payoutReview.finalIntro')}</Paragraph>}
      <dl className="facts">
        <dt>{t('payoutReview.asked')}</dt>
        <dd>{kroner(request.amount)}</dd>
        <dt>{t(final ? 'payoutReview.finalAvailable' : 'payoutReview.available')}</dt>
        <dd>{kroner(final ? terms.finalAvailable : terms.available)}</dd>
        <dt>{t('payoutReview.paid')}</dt>
        <dd>{kroner(terms.paidAmount)}</dd>
        <dt>{t('payoutReview.account')}</dt>
        <dd>{account}</dd>
        <dt>{t('payoutReview.sent')}</dt>
        <dd>
          {request.sentAt ? date(request.sentAt) : '–'}
          {request.createdByName ? ` · ${request.createdByName}` : ''}
        </dd>
        <dt>{t('payoutReview.confirmedBy')}</dt>
        <dd>
          {t('payoutReview.manager', { name: request.managerName })}
          {request.accountant &&
            ` · ${request.accountant.name} (${t(`payout.role.${request.accountant.role}`)})`}
        </dd>
      </dl>
      <Heading level={4} data-size="2xs">
        {t('payoutReview.statusReport')}
      </Heading>
      <Paragraph className="case-text">{request.statusReport}</Paragraph>
      {terms.costPlan.length > 0 && (
        <Table data-size="sm" zebra>
          <caption>{t('payoutReview.costs')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('payoutReview.costLine')}</Table.HeaderCell>
              <Table.HeaderCell>{t('payoutReview.approvedPlan')}</Table.HeaderCell>
              <Table.HeaderCell>{t('payoutReview.accumulated')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {terms.costPlan.map((line) => {
              const reported = request.costs.find((c) => c.line === line.key);
              return (
                <Table.Row key={line.key}>
                  <Table.Cell>{line.label[language]}</Table.Cell>
                  <Table.Cell>{kroner(line.approvedOre)}</Table.Cell>
                  <Table.Cell>{reported ? kroner(reported.accumulatedOre) : '–'}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
      {request.earlierVersions.length > 0 && (
        <Paragraph data-size="sm">
          {t('payoutReview.earlier', {
            versions: request.earlierVersions
              .map((v) => `${v.version}: ${kroner(v.amount)} (${date(v.sentAt)})`)
              .join('; '),
          })}
        </Paragraph>
      )}
      <CaseAttachments
        applicationId={detail.id}
        owner={{ payoutRequest: request.number }}
        title="ownerAttachments.payoutTitle"
        headingLevel={4}
      />
      {mayDecide && <DecisionForm detail={detail} request={request} onDecided={onDecided} />}
    </>
  );
}

function DecisionForm({
  detail,
  request,
  onDecided,
}: {
  detail: ApplicationDetail;
  request: PayoutRequest;
  onDecided: (text: MessageKey) => void;
}) {
  const { t, kroner } = useI18n();
  const base = useId();
  const amountId = `${base}-amount`;
  const reasonId = `${base}-reason`;
  const repaymentId = `${base}-repayment`;
  const final = request.kind === 'final';
  const decide = useDecidePayout();
  const [amount, setAmount] = useState(kronerInputText(request.amount));
  const [reason, setReason] = useState('');
  // Final request only: what was paid above what the costs entitle to, claimed back.
  const [repayment, setRepayment] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState<MessageKey | null>(null);
  const [keys] = useState(() => new Map<string, string>());
  const keyFor = (decision: PayoutDecision) => {
    const intent = JSON.stringify(decision);
    const known = keys.get(intent) ?? crypto.randomUUID();
    keys.set(intent, known);
    return known;
  };
  const errorOf = (field: string) => {
    const found = errors.find((e) => e.field === field);
    return found ? t(found.message) : undefined;
  };

  const run = async (kind: PayoutDecision['kind']) => {
    setAttempt((n) => n + 1);
    setFailed(null);
    const found: FieldError[] = [];
    const ore = parseKroner(amount);
    const claimBack = final && repayment.trim() !== '' ? parseKroner(repayment) : undefined;
    if (kind === 'approve') {
      // A final request may pay nothing more; a part payment is always something.
      if (ore === null || ore < 0 || (ore === 0 && !final))
        found.push({ field: amountId, message: 'payoutReview.error.amount' });
      else if (ore > request.amount)
        found.push({ field: amountId, message: 'payoutReview.error.aboveAsked' });
      if (claimBack === null || (claimBack !== undefined && claimBack <= 0))
        found.push({ field: repaymentId, message: 'payoutReview.error.repayment' });
      else if (claimBack !== undefined && ore !== null && ore > 0)
        found.push({ field: repaymentId, message: 'payoutReview.error.repaymentWithPayment' });
    } else if (reason.trim() === '') {
      found.push({ field: reasonId, message: 'payoutReview.error.reason' });
    }
    setErrors(found);
    if (found.length > 0) return;
    const decision: PayoutDecision =
      kind === 'approve'
        ? { kind, amount: ore ?? 0, ...(claimBack ? { repayment: claimBack } : {}) }
        : { kind, reason: reason.trim() };
    try {
      await decide.mutateAsync({ id: detail.id, number: request.number, decision, key: keyFor(decision) });
      onDecided(
        kind === 'approve'
          ? request.kind === 'final'
            ? 'payoutReview.done.approvedFinal'
            : 'payoutReview.done.approved'
          : kind === 'return'
            ? 'payoutReview.done.returned'
            : 'payoutReview.done.rejected',
      );
    } catch (error) {
      const code = error instanceof ProblemError ? error.problem.code : undefined;
      if (code === 'payout_amount_too_high')
        setErrors([{ field: amountId, message: 'payoutReview.error.tooHigh' }]);
      else if (code === 'repayment_above_paid')
        setErrors([{ field: repaymentId, message: 'payoutReview.error.repaymentAbovePaid' }]);
      else if (error instanceof ProblemError && error.status === 409) setFailed('payout.error.changed');
      else setFailed('app.error');
    }
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run('approve');
  };

  return (
    <form noValidate onSubmit={submit} className="case-action-form" aria-label={t('payoutReview.decide')}>
      <Textfield
        id={amountId}
        label={t('payoutReview.amount')}
        description={t('payoutReview.amountHelp', { amount: kroner(request.amount) })}
        suffix="kr"
        inputMode="decimal"
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
        error={errorOf(amountId)}
      />
      {final && (
        <Textfield
          id={repaymentId}
          label={t('payoutReview.repayment')}
          description={t('payoutReview.repaymentHelp')}
          suffix="kr"
          inputMode="decimal"
          value={repayment}
          onChange={(event) => setRepayment(event.target.value)}
          error={errorOf(repaymentId)}
        />
      )}
      <Textfield
        multiline
        rows={3}
        id={reasonId}
        label={t('payoutReview.reason')}
        description={t('payoutReview.reasonHelp')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={errorOf(reasonId)}
      />
      {errors.length > 0 && (
        <FieldErrorSummary key={attempt} heading={t('payoutReview.errorHeading')} errors={errors} />
      )}
      {failed && <Alert data-color="danger">{t(failed)}</Alert>}
      <div className="case-action-buttons">
        <Button type="submit" loading={decide.isPending}>
          {t(final ? 'payoutReview.approveFinal' : 'payoutReview.approve')}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => void run('return')}
          disabled={decide.isPending}
        >
          {t('payoutReview.return')}
        </Button>
        {!final && (
          <Button
            type="button"
            variant="secondary"
            data-color="danger"
            onClick={() => void run('reject')}
            disabled={decide.isPending}
          >
            {t('payoutReview.reject')}
          </Button>
        )}
      </div>
    </form>
  );
}
