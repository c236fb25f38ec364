import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import type { Frame } from '../../../api/types';
import { parseKroner } from '../../../forms/money';
import { useI18n } from '../../../i18n/i18n';
import { frameLedgerPath, framePath } from '../../../lib/paths';
import { FrameTotals } from '../../../ui/frame-totals';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { frameChangesQueries, useFrameChanges } from '../api/frame-changes-queries';
import { organisationNumberOf, refusalWords } from './change-text';
import './frame-changes.css';
import { FieldErrorSummary, type FieldError } from '../../../ui/field-error-summary';

/**
 * One Idempotency-Key per submission: the same while the same thing is sent again (a double click,
 * or a retry after a lost answer, books once), a new one when what is sent changes or once it is done.
 */
function useSubmissionKey() {
  const last = useRef<{ body: string; key: string } | null>(null);
  const keyFor = useCallback((body: object) => {
    const json = JSON.stringify(body);
    if (last.current?.body !== json) last.current = { body: json, key: crypto.randomUUID() };
    return last.current.key;
  }, []);
  const done = useCallback(() => {
    last.current = null;
  }, []);
  return { keyFor, done };
}

/**
 * Finance's changes of a frame that rest on a political decision: a top-up (tilleggsbevilgning), a
 * reallocation to another of the county's frames (omdisponering) and a direct allocation to an
 * organisation (direkte tildeling). Each names the political case reference; after each, the
 * frame's new totals show.
 */
export function FrameChangesPage() {
  const { t } = useI18n();
  const { frameId = '' } = useParams();
  const frame = useQuery(frameChangesQueries.frame(frameId));
  const frames = useQuery(frameChangesQueries.frames());
  if (frame.isPending) return <Loading />;
  if (frame.isError) return <LoadFailed />;
  const targets = (frames.data ?? []).filter((f) => f.id !== frameId && f.currency === frame.data.currency);
  return (
    <>
      <PageHeading>{t('frameChanges.title', { frame: frame.data.name })}</PageHeading>
      <Paragraph className="frame-changes-links">
        <Link asChild>
          <RouterLink to={framePath(frameId)}>
            {t('frameChanges.backToFrame', { frame: frame.data.name })}
          </RouterLink>
        </Link>
        <Link asChild>
          <RouterLink to={frameLedgerPath(frameId)}>{t('frameChanges.toLedger')}</RouterLink>
        </Link>
      </Paragraph>
      <Paragraph>{t('frameChanges.intro')}</Paragraph>
      <FrameTotals frame={frame.data} heading={t('frameChanges.totals')} />
      <TopUpForm frameId={frameId} />
      <ReallocationForm frameId={frameId} targets={targets} />
      <DirectAllocationForm frameId={frameId} />
    </>
  );
}

/** The fields every change has: the amount in kroner, the political case reference and the reason. */
interface Common {
  amount: string;
  caseReference: string;
  reason: string;
}
const EMPTY: Common = { amount: '', caseReference: '', reason: '' };

function checkCommon(prefix: string, values: Common): FieldError[] {
  const errors: FieldError[] = [];
  const amount = parseKroner(values.amount);
  if (!values.amount.trim())
    errors.push({ field: `${prefix}-amount`, message: 'frameChanges.amountMissing' });
  else if (amount === null || amount <= 0)
    errors.push({ field: `${prefix}-amount`, message: 'frameChanges.amountInvalid' });
  if (!values.caseReference.trim())
    errors.push({ field: `${prefix}-case-reference`, message: 'frameChanges.caseReferenceMissing' });
  if (!values.reason.trim())
    errors.push({ field: `${prefix}-reason`, message: 'frameChanges.reasonMissing' });
  return errors;
}

function CommonFields(props: {
  prefix: string;
  values: Common;
  onChange: (values: Common) => void;
  errorFor: (field: string) => string | undefined;
}) {
  const { t } = useI18n();
  const { prefix, values, onChange, errorFor } = props;
  return (
    <>
      <Textfield
        id={`${prefix}-amount`}
        label={t('frameChanges.amount')}
        description={t('frameChanges.amountHelp')}
        suffix="kr"
        inputMode="decimal"
        autoComplete="off"
        value={values.amount}
        onChange={(e) => onChange({ ...values, amount: e.target.value })}
        error={errorFor(`${prefix}-amount`)}
      />
      <Textfield
        id={`${prefix}-case-reference`}
        label={t('frameChanges.caseReference')}
        description={t('frameChanges.caseReferenceHelp')}
        autoComplete="off"
        value={values.caseReference}
        onChange={(e) => onChange({ ...values, caseReference: e.target.value })}
        error={errorFor(`${prefix}-case-reference`)}
      />
      <Textfield
        id={`${prefix}-reason`}
        label={t('frameChanges.reason')}
        multiline
        rows={2}
        value={values.reason}
        onChange={(e) => onChange({ ...values, reason: e.target.value })}
        error={errorFor(`${prefix}-reason`)}
      />
    </>
  );
}

/** A refusal of the API in words, beside the button; it takes focus so it is read out at once. */
function Refusal({ text }: { text: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [text]);
  return (
    <Alert data-color="danger" ref={ref} tabIndex={-1}>
      <Heading level={3} data-size="2xs">
        {t('frameChanges.refusal.heading')}
      </Heading>
      <Paragraph>{text}</Paragraph>
    </Alert>
  );
}

/**
 * One change as a form: the error summary above the button on a failed submit (focused), the API's
 * refusal in words, and what was booked once it is.
 */
function ChangeForm(props: {
  id: string;
  heading: string;
  intro: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  done: string | null;
  validate: () => FieldError[];
  children: (errorFor: (field: string) => string | undefined) => ReactNode;
}) {
  const { t, kroner } = useI18n();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (props.pending) return;
    const found = props.validate();
    setErrors(found);
    if (found.length > 0) setAttempt((n) => n + 1);
  };
  const errorFor = (field: string) => {
    const found = errors.find((e) => e.field === field);
    return found ? t(found.message) : undefined;
  };
  return (
    <section aria-labelledby={`${props.id}-heading`} className="frame-changes-section">
      <Heading level={2} data-size="sm" id={`${props.id}-heading`}>
        {props.heading}
      </Heading>
      <Paragraph>{props.intro}</Paragraph>
      <form noValidate onSubmit={submit} className="frame-changes-form">
        {props.children(errorFor)}
        {errors.length > 0 && (
          <FieldErrorSummary key={attempt} heading={t('frameChanges.errorHeading')} errors={errors} />
        )}
        {props.error != null && <Refusal text={refusalWords(props.error, t, kroner)} />}
        <div role="status">{props.done && <Alert data-color="success">{props.done}</Alert>}</div>
        <div>
          <Button type="submit" loading={props.pending}>
            {props.submitLabel}
          </Button>
        </div>
      </form>
    </section>
  );
}

function TopUpForm({ frameId }: { frameId: string }) {
  const { t, kroner } = useI18n();
  const { topUp } = useFrameChanges(frameId);
  const { keyFor, done } = useSubmissionKey();
  const [values, setValues] = useState(EMPTY);
  const [booked, setBooked] = useState<string | null>(null);
  const validate = () => {
    const errors = checkCommon('top-up', values);
    if (errors.length > 0) return errors;
    const body = {
      kind: 'top_up' as const,
      amount: parseKroner(values.amount)!,
      caseReference: values.caseReference.trim(),
      reason: values.reason.trim(),
    };
    setBooked(null);
    topUp.mutate(
      { body, key: keyFor(body) },
      {
        onSuccess: (frame) => {
          done();
          setValues(EMPTY);
          setBooked(
            t('frameChanges.topUp.done', {
              amount: kroner(body.amount),
              caseReference: body.caseReference,
              available: kroner(frame.available),
            }),
          );
        },
      },
    );
    return [];
  };
  return (
    <ChangeForm
      id="top-up"
      heading={t('frameChanges.topUp.heading')}
      intro={t('frameChanges.topUp.intro')}
      submitLabel={t('frameChanges.topUp.submit')}
      pending={topUp.isPending}
      error={topUp.error}
      done={booked}
      validate={validate}
    >
      {(errorFor) => (
        <CommonFields prefix="top-up" values={values} onChange={setValues} errorFor={errorFor} />
      )}
    </ChangeForm>
  );
}

function ReallocationForm({ frameId, targets }: { frameId: string; targets: Frame[] }) {
  const { t, kroner } = useI18n();
  const { reallocate } = useFrameChanges(frameId);
  const { keyFor, done } = useSubmissionKey();
  const [values, setValues] = useState(EMPTY);
  const [toFrameId, setToFrameId] = useState('');
  const [booked, setBooked] = useState<string | null>(null);
  const targetId = 'reallocation-target';
  const validate = () => {
    const errors: FieldError[] = [];
    if (!targets.some((f) => f.id === toFrameId))
      errors.push({ field: targetId, message: 'frameChanges.reallocation.targetMissing' });
    errors.push(...checkCommon('reallocation', values));
    if (errors.length > 0) return errors;
    const body = {
      toFrameId,
      amount: parseKroner(values.amount)!,
      caseReference: values.caseReference.trim(),
      reason: values.reason.trim(),
    };
    setBooked(null);
    reallocate.mutate(
      { body, key: keyFor(body) },
      {
        onSuccess: (pair) => {
          done();
          setValues(EMPTY);
          setToFrameId('');
          setBooked(
            t('frameChanges.reallocation.done', {
              amount: kroner(body.amount),
              to: pair.to.name,
              caseReference: body.caseReference,
              available: kroner(pair.from.available),
              toAvailable: kroner(pair.to.available),
            }),
          );
        },
      },
    );
    return [];
  };
  return (
    <ChangeForm
      id="reallocation"
      heading={t('frameChanges.reallocation.heading')}
      intro={t('frameChanges.reallocation.intro')}
      submitLabel={t('frameChanges.reallocation.submit')}
      pending={reallocate.isPending}
      error={reallocate.error}
      done={booked}
      validate={validate}
    >
      {(errorFor) => (
        <>
          <Field>
            <Label htmlFor={targetId}>{t('frameChanges.reallocation.target')}</Label>
            <Select
              id={targetId}
              value={toFrameId}
              onChange={(e) => setToFrameId(e.target.value)}
              aria-invalid={errorFor(targetId) ? true : undefined}
            >
              <option value="">{t('frameChanges.reallocation.choose')}</option>
              {targets.map((f) => (
                <option key={f.id} value={f.id}>
                  {t('frameChanges.reallocation.option', { name: f.name, available: kroner(f.available) })}
                </option>
              ))}
            </Select>
            {errorFor(targetId) && <ValidationMessage>{errorFor(targetId)}</ValidationMessage>}
          </Field>
          <CommonFields prefix="reallocation" values={values} onChange={setValues} errorFor={errorFor} />
        </>
      )}
    </ChangeForm>
  );
}

function DirectAllocationForm({ frameId }: { frameId: string }) {
  const { t, kroner } = useI18n();
  const { directAllocation } = useFrameChanges(frameId);
  const { keyFor, done } = useSubmissionKey();
  const [values, setValues] = useState(EMPTY);
  const [recipient, setRecipient] = useState('');
  const [organisationNumber, setOrganisationNumber] = useState('');
  const [booked, setBooked] = useState<string | null>(null);
  const recipientId = 'direct-recipient';
  const numberId = 'direct-organisation-number';
  const validate = () => {
    const errors: FieldError[] = [];
    if (recipient.trim().length < 2)
      errors.push({ field: recipientId, message: 'frameChanges.direct.recipientMissing' });
    const digits = organisationNumberOf(organisationNumber);
    if (!organisationNumber.trim())
      errors.push({ field: numberId, message: 'frameChanges.direct.organisationNumberMissing' });
    else if (!digits)
      errors.push({ field: numberId, message: 'frameChanges.direct.organisationNumberInvalid' });
    errors.push(...checkCommon('direct', values));
    if (errors.length > 0 || !digits) return errors;
    const body = {
      recipient: recipient.trim(),
      organisationNumber: digits,
      amount: parseKroner(values.amount)!,
      decisionReference: values.caseReference.trim(),
      reason: values.reason.trim(),
    };
    setBooked(null);
    directAllocation.mutate(
      { body, key: keyFor(body) },
      {
        onSuccess: (frame) => {
          done();
          setValues(EMPTY);
          setRecipient('');
          setOrganisationNumber('');
          setBooked(
            t('frameChanges.direct.done', {
              amount: kroner(body.amount),
              recipient: body.recipient,
              caseReference: body.decisionReference,
              available: kroner(frame.available),
            }),
          );
        },
      },
    );
    return [];
  };
  return (
    <ChangeForm
      id="direct-allocation"
      heading={t('frameChanges.direct.heading')}
      intro={t('frameChanges.direct.intro')}
      submitLabel={t('frameChanges.direct.submit')}
      pending={directAllocation.isPending}
      error={directAllocation.error}
      done={booked}
      validate={validate}
    >
      {(errorFor) => (
        <>
          <Textfield
            id={recipientId}
            label={t('frameChanges.direct.recipient')}
            autoComplete="off"
            value={recipient}
            onChange={(e) => setRecipient(e.target.value)}
            error={errorFor(recipientId)}
          />
          <Textfield
            id={numberId}
            label={t('frameChanges.direct.organisationNumber')}
            description={t('frameChanges.direct.organisationNumberHelp')}
            inputMode="numeric"
            autoComplete="off"
            value={organisationNumber}
            onChange={(e) => setOrganisationNumber(e.target.value)}
            error={errorFor(numberId)}
          />
          <CommonFields prefix="direct" values={values} onChange={setValues} errorFor={errorFor} />
        </>
      )}
    </ChangeForm>
  );
}
