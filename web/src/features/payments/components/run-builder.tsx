import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { PaymentDue } from '../../../api/types';
import { parseDateInput } from '../../../forms/date-input';
import { formatNumber } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { paymentRunPath } from '../../../lib/paths';
import { FieldErrorSummary } from '../../../ui/field-error-summary';
import { useCreatePaymentRun } from '../api/payment-runs-queries';
import { runRefusal, type Refusal } from './run-refusal';

/** One Idempotency-Key per intended run: the same for a retry of the same picks and date. */
const intentOf = (rows: readonly PaymentDue[], date: string) =>
  `${date}|${rows.map((r) => `${r.caseReference}:${r.instalment ? r.instalment.number : `U${r.payoutRequest?.number ?? 0}`}:${r.amount}`).join(',')}`;

/**
 * Under the due list: what is ticked and its sum in kroner, the requested payment date, and "Lag
 * utbetalingsliste". Typed dates are checked on submit; the API's refusal is shown in words beside
 * the button, naming each payment at fault. A made run opens on its own page.
 */
export function RunBuilder({
  selected,
  selectionId,
}: {
  selected: readonly PaymentDue[];
  selectionId: string;
}) {
  const { t, kroner, language } = useI18n();
  const navigate = useNavigate();
  const create = useCreatePaymentRun();
  const id = useId();
  const dateId = `${id}-date`;
  const headingId = `${id}-heading`;
  const [date, setDate] = useState('');
  const [errors, setErrors] = useState<Array<{ field: string; message: MessageKey }>>([]);
  const [attempt, setAttempt] = useState(0);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const keys = useRef(new Map<string, string>());
  const total = selected.reduce((sum, row) => sum + row.amount, 0);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const found: Array<{ field: string; message: MessageKey }> = [];
    if (selected.length === 0) found.push({ field: selectionId, message: 'paymentRuns.error.noneSelected' });
    const parsed = date.trim() ? parseDateInput(date) : '';
    if (parsed === '') found.push({ field: dateId, message: 'paymentRuns.error.dateMissing' });
    if (parsed === null) found.push({ field: dateId, message: 'paymentRuns.error.dateInvalid' });
    setErrors(found);
    setRefusal(null);
    if (found.length > 0 || !parsed) {
      setAttempt((n) => n + 1);
      return;
    }
    const intent = intentOf(selected, parsed);
    const key = keys.current.get(intent) ?? crypto.randomUUID();
    keys.current.set(intent, key);
    create.mutate(
      {
        requestedExecutionDate: parsed,
        items: selected.map((row) =>
          row.instalment
            ? { caseReference: row.caseReference, instalment: row.instalment.number, amount: row.amount }
            : {
                caseReference: row.caseReference,
                payoutRequest: row.payoutRequest?.number ?? 0,
                amount: row.amount,
              },
        ),
        key,
      },
      {
        onSuccess: (run) => void navigate(paymentRunPath(run.id)),
        onError: (error) => setRefusal(runRefusal(error, t)),
      },
    );
  };
  const errorFor = (field: string) => {
    const found = errors.find((e) => e.field === field);
    return found ? t(found.message) : undefined;
  };

  return (
    <section aria-labelledby={headingId} className="payment-run-builder">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('paymentRuns.create.heading')}
      </Heading>
      <Paragraph>{t('paymentRuns.create.intro')}</Paragraph>
      <Paragraph role="status">
        <strong>
          {selected.length === 0
            ? t('paymentRuns.selectedNone')
            : selected.length === 1
              ? t('paymentRuns.selectedOne', { amount: kroner(total) })
              : t('paymentRuns.selected', {
                  count: formatNumber(selected.length, language),
                  amount: kroner(total),
                })}
        </strong>
      </Paragraph>
      <form noValidate onSubmit={submit}>
        <Textfield
          id={dateId}
          label={t('paymentRuns.date')}
          description={t('paymentRuns.dateHelp')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={errorFor(dateId)}
          inputMode="numeric"
          autoComplete="off"
          size={12}
        />
        {errors.length > 0 && (
          <FieldErrorSummary key={attempt} heading={t('paymentRuns.errorHeading')} errors={errors} />
        )}
        <div className="payments-due-buttons">
          <Button type="submit" aria-disabled={create.isPending} loading={create.isPending}>
            {t('paymentRuns.create.submit')}
          </Button>
        </div>
        <div role="status" aria-live="polite" aria-atomic="true">
          {refusal && <RefusalAlert refusal={refusal} />}
        </div>
      </form>
    </section>
  );
}

/** A refusal in words, with a line per payment at fault. */
export function RefusalAlert({ refusal }: { refusal: Refusal }) {
  return (
    <Alert data-color="danger" className="payment-run-refusal">
      <Paragraph>{refusal.text}</Paragraph>
      {refusal.items.length > 0 && (
        <ul>
          {refusal.items.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
