import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ProblemError } from '../../../api/problem';
import type {
  Application,
  AttachmentKind,
  PayoutRequest,
  PayoutRequestInput,
  PayoutRequestKind,
  PayoutRequestStatus,
  PayoutTerms,
} from '../../../api/types';
import type { FormLayout } from '../../../forms/layout';
import type { FormData, FormError } from '../../../forms/layout-ui';
import { SchemeForm } from '../../../forms/scheme-form';
import { isNorwegianAccountNumber } from '../../../forms/account-number';
import { kronerInputText, parseKroner } from '../../../forms/money';
import { formatAccountNumber } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { FieldErrorSummary, type FieldError } from '../../../ui/field-error-summary';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { schemeQueries } from '../api/application-queries';
import { payoutQueries, useSendPayoutRequest } from '../api/payout-queries';
import { ATTACHMENT_KIND_TEXT } from '../../../ui/file-size';
import { AttachmentsSection } from './attachments-section';
import { refusalErrors } from './form-errors';
import { useCommandKey } from './command-key';
import './case-actions.css';

/** A payout request's status in the applicant's words. */
export const PAYOUT_STATUS_TEXT: Record<PayoutRequestStatus, MessageKey> = {
  draft: 'payout.status.draft',
  sent: 'payout.status.sent',
  returned: 'payout.status.returned',
  approved: 'payout.status.approved',
  rejected: 'payout.status.rejected',
  paid: 'payout.status.paid',
};

/** A request's kind in words. */
export const PAYOUT_KIND_TEXT: Record<PayoutRequestKind, MessageKey> = {
  part: 'payout.kind.part',
  final: 'payout.kind.final',
};

/** What is being edited: a new request or one to correct, of its kind. */
type Editing = { kind: PayoutRequestKind; request: PayoutRequest | null };

/** Statuses in which a grant can have payout requests: accepted and after. */
const GRANTED = new Set(['granted', 'reported', 'closed']);

/**
 * The applicant's payout requests (utbetalingsanmodninger) on an accepted grant: the list with each
 * request's status in words, "Be om utbetaling" to ask for a part payment, the final report with the
 * request for the final payment (sluttutbetaling), and correcting a request the county sent back.
 */
export function PayoutRequestsPanel({ application }: { application: Application }) {
  const { t, kroner } = useI18n();
  const granted = GRANTED.has(application.status);
  const requests = useQuery({ ...payoutQueries.list(application.id), enabled: granted });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [sent, setSent] = useState<{ n: number; kind: PayoutRequestKind }>({ n: 0, kind: 'part' });
  const openButton = useRef<HTMLButtonElement>(null);
  if (!granted) return null;
  if (requests.isPending) return <Loading />;
  if (requests.isError) return <LoadFailed />;
  const { terms, items } = requests.data;
  if (!terms.canRequest && !terms.canRequestFinal && items.length === 0) return null;
  const correctable = items.find((r) => r.status === 'draft' || r.status === 'returned');
  const close = () => {
    setEditing(null);
    requestAnimationFrame(() => openButton.current?.focus());
  };

  return (
    <section aria-labelledby="payout-requests" className="case-action">
      <Heading level={2} data-size="sm" id="payout-requests">
        {t('payout.title')}
      </Heading>
      {sent.n > 0 && (
        <SentAlert key={sent.n}>{t(sent.kind === 'final' ? 'payout.final.sent' : 'payout.sent')}</SentAlert>
      )}
      {terms.canRequest && <Paragraph>{t('payout.intro', { amount: kroner(terms.available) })}</Paragraph>}
      {terms.canRequestFinal && (
        <Paragraph>{t('payout.final.intro', { amount: kroner(terms.finalAvailable) })}</Paragraph>
      )}
      {items.length > 0 && <PayoutRequestList requests={items} />}
      {correctable?.status === 'returned' && (
        <Alert data-color="warning">
          <Heading level={3} data-size="xs">
            {t('payout.returned', { number: correctable.number })}
          </Heading>
          <Paragraph className="case-text">{correctable.decisionText}</Paragraph>
        </Alert>
      )}
      {editing === null ? (
        <div className="case-action-buttons">
          {terms.canRequest && (
            <Button ref={openButton} onClick={() => setEditing({ kind: 'part', request: null })}>
              {t('payout.open')}
            </Button>
          )}
          {terms.canRequestFinal && (
            <Button
              ref={openButton}
              variant={terms.canRequest ? 'secondary' : 'primary'}
              onClick={() => setEditing({ kind: 'final', request: null })}
            >
              {t('payout.final.open')}
            </Button>
          )}
          {correctable && (
            <Button
              ref={openButton}
              variant="secondary"
              onClick={() => setEditing({ kind: correctable.kind, request: correctable })}
            >
              {t(correctable.kind === 'final' ? 'payout.final.correct' : 'payout.correct', {
                number: correctable.number,
              })}
            </Button>
          )}
        </div>
      ) : editing.kind === 'final' ? (
        <FinalRequestEditor
          application={application}
          terms={terms}
          request={editing.request}
          onCancel={close}
          onSent={() => {
            setSent((s) => ({ n: s.n + 1, kind: 'final' }));
            setEditing(null);
          }}
        />
      ) : (
        <PayoutRequestForm
          applicationId={application.id}
          terms={terms}
          kind="part"
          request={editing.request}
          onCancel={close}
          onSent={() => {
            setSent((s) => ({ n: s.n + 1, kind: 'part' }));
            setEditing(null);
          }}
        />
      )}
    </section>
  );
}

function SentAlert({ children }: { children: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert data-color="success" ref={ref} tabIndex={-1} className="case-action-alert">
      {children}
    </Alert>
  );
}

function PayoutRequestList({ requests }: { requests: readonly PayoutRequest[] }) {
  const { t, kroner, date } = useI18n();
  const captionId = useId();
  return (
    <div className="case-payments" role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table data-size="sm" zebra>
        <caption id={captionId}>{t('payout.list.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('payout.list.number')}</Table.HeaderCell>
            <Table.HeaderCell>{t('payout.list.kind')}</Table.HeaderCell>
            <Table.HeaderCell>{t('payout.list.status')}</Table.HeaderCell>
            <Table.HeaderCell className="amount">{t('payout.list.amount')}</Table.HeaderCell>
            <Table.HeaderCell className="amount">{t('payout.list.approved')}</Table.HeaderCell>
            <Table.HeaderCell>{t('payout.list.sentAt')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {requests.map((r) => (
            <Table.Row key={r.number}>
              <Table.Cell>{r.number}</Table.Cell>
              <Table.Cell>{t(PAYOUT_KIND_TEXT[r.kind])}</Table.Cell>
              <Table.Cell>{t(PAYOUT_STATUS_TEXT[r.status])}</Table.Cell>
              <Table.Cell className="amount">{kroner(r.amount)}</Table.Cell>
              <Table.Cell className="amount">
                {r.approvedAmount === null ? '–' : kroner(r.approvedAmount)}
              </Table.Cell>
              <Table.Cell>{r.sentAt ? <time dateTime={r.sentAt}>{date(r.sentAt)}</time> : '–'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/**
 * The final report and the request for the final payment, in two steps on the case page: the
 * scheme's report form first, then the payout request's own fields (the part request's form). Both
 * are sent together; a refusal of the report brings its step back with the refusal on its fields.
 */
function FinalRequestEditor({
  application,
  terms,
  request,
  onCancel,
  onSent,
}: {
  application: Application;
  terms: PayoutTerms;
  request: PayoutRequest | null;
  onCancel: () => void;
  onSent: () => void;
}) {
  const { t, language } = useI18n();
  const scheme = useQuery(schemeQueries.detail(application.schemeId));
  const [step, setStep] = useState<'report' | 'payout'>('report');
  const [report, setReport] = useState<FormData>(() => request?.report ?? {});
  const [serverErrors, setServerErrors] = useState<FormError[]>([]);
  const [serverAttempt, setServerAttempt] = useState(0);
  if (scheme.isPending) return <Loading />;
  if (scheme.isError) return <LoadFailed />;
  const schema = scheme.data.reportSchema;
  const layout = scheme.data.reportForm as FormLayout;
  if (step === 'payout')
    return (
      <PayoutRequestForm
        applicationId={application.id}
        terms={terms}
        kind="final"
        report={report}
        request={request}
        onCancel={onCancel}
        onSent={onSent}
        onBack={() => setStep('report')}
        reportRefusal={(error) => {
          const refused = refusalErrors(error, 'report', schema, layout, language, t);
          if (!refused) return false;
          setServerErrors(refused);
          setServerAttempt((n) => n + 1);
          setStep('report');
          return true;
        }}
      />
    );
  return (
    <div className="case-action-form">
      <Paragraph>{t('payout.final.reportIntro')}</Paragraph>
      {serverErrors.length > 0 && <Alert data-color="warning">{t('payout.final.reportRefused')}</Alert>}
      <SchemeForm
        schema={schema}
        layout={layout}
        formData={report}
        onChange={setReport}
        onSubmit={(data) => {
          setReport(data);
          setStep('payout');
        }}
        submitting={false}
        submitLabel={t('payout.final.next')}
        serverErrors={serverErrors}
        serverAttempt={serverAttempt}
      />
      <div className="case-action-buttons">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('payout.form.cancel')}
        </Button>
      </div>
    </div>
  );
}

/** A refusal's code from the server, as the field it concerns and our words for it. */
const SERVER_ERRORS: Record<string, { field: FieldKey; message: MessageKey }> = {
  invalid_account_number: { field: 'account', message: 'payout.error.accountCheck' },
  account_number_required: { field: 'account', message: 'payout.error.accountMissing' },
  invalid_iban: { field: 'iban', message: 'payout.error.iban' },
  invalid_bic: { field: 'bic', message: 'payout.error.bic' },
  iban_required: { field: 'iban', message: 'payout.error.iban' },
  payout_amount_too_high: { field: 'amount', message: 'payout.error.amountTooHigh' },
  accountant_confirmation_required: { field: 'accountantName', message: 'payout.error.accountantMissing' },
};

type FieldKey =
  | 'amount'
  | 'account'
  | 'iban'
  | 'bic'
  | 'statusReport'
  | 'managerName'
  | 'accountantName'
  | 'accountantRole'
  | `cost-${string}`;

/** Whether the accountant's confirmation is hidden, may be given, or is required at this amount. */
function accountantNeed(terms: PayoutTerms, amount: number | null): 'hidden' | 'optional' | 'required' {
  if (amount === null) return 'hidden';
  if (amount >= terms.attestation.accountantConfirmationFromOre) return 'required';
  return amount < terms.attestation.managerSignatureBelowOre ? 'hidden' : 'optional';
}

/** The account number's problem, if any: 11 digits whose last is the MOD11 check digit. */
function accountProblem(text: string): MessageKey | null {
  const digits = text.replace(/[\s.]/g, '');
  if (digits === '') return 'payout.error.accountMissing';
  if (!/^\d{11}$/.test(digits)) return 'payout.error.accountLength';
  return isNorwegianAccountNumber(digits) ? null : 'payout.error.accountCheck';
}

function PayoutRequestForm({
  applicationId,
  terms,
  kind,
  report,
  request,
  onCancel,
  onSent,
  onBack,
  reportRefusal,
}: {
  applicationId: string;
  terms: PayoutTerms;
  kind: PayoutRequestKind;
  /** The final report's answers, sent with a final request. */
  report?: FormData;
  request: PayoutRequest | null;
  onCancel: () => void;
  onSent: () => void;
  /** Back to the final report's step. */
  onBack?: () => void;
  /** Takes a refusal of the final report's answers to their step; false when it is not one. */
  reportRefusal?: (error: unknown) => boolean;
}) {
  const { t, kroner, language } = useI18n();
  const base = useId();
  const id = (field: FieldKey) => `${base}-${field}`;
  const send = useSendPayoutRequest();
  const saveKey = useCommandKey();
  const sendKey = useCommandKey();
  const nok = terms.currency === 'NOK';
  const [amount, setAmount] = useState(request ? kronerInputText(request.amount) : '');
  const [account, setAccount] = useState(
    request?.accountNumber ? formatAccountNumber(request.accountNumber) : '',
  );
  const [iban, setIban] = useState(request?.iban ?? '');
  const [bic, setBic] = useState(request?.bic ?? '');
  const [statusReport, setStatusReport] = useState(request?.statusReport ?? '');
  const [costs, setCosts] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      terms.costPlan.map((line) => {
        const given = request?.costs.find((c) => c.line === line.key);
        return [line.key, given ? kronerInputText(given.accumulatedOre) : ''];
      }),
    ),
  );
  const [managerName, setManagerName] = useState(request?.managerName ?? '');
  const [accountantName, setAccountantName] = useState(request?.accountant?.name ?? '');
  const [accountantRole, setAccountantRole] = useState<'' | 'accountant' | 'auditor'>(
    request?.accountant?.role ?? '',
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [accountCheck, setAccountCheck] = useState<MessageKey | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState<MessageKey | null>(null);
  // The draft on the server once saved: files are attached to it, and sending it again replaces it.
  const [draftNumber, setDraftNumber] = useState<number | null>(request?.number ?? null);
  const [missing, setMissing] = useState<AttachmentKind[]>([]);
  const [savedDraft, setSavedDraft] = useState(false);

  const amountOre = parseKroner(amount);
  const final = kind === 'final';
  const limit = final ? terms.finalAvailable : terms.available;
  const need = accountantNeed(terms, amountOre);
  const errorOf = (field: FieldKey) => {
    const found = errors.find((e) => e.field === id(field));
    return found ? t(found.message) : undefined;
  };
  const accountError = errorOf('account') ?? (accountCheck ? t(accountCheck) : undefined);

  const validate = (): FieldError[] => {
    const found: FieldError[] = [];
    const add = (field: FieldKey, message: MessageKey) => found.push({ field: id(field), message });
    // The final request may ask for nothing more, when what was paid covers the costs.
    if (amountOre === null || amountOre < 0 || (amountOre === 0 && !final))
      add('amount', 'payout.error.amountMissing');
    else if (amountOre > limit) add('amount', 'payout.error.amountTooHigh');
    if (nok) {
      const problem = accountProblem(account);
      if (problem) add('account', problem);
    } else {
      if (iban.trim() === '') add('iban', 'payout.error.iban');
      if (bic.trim() === '') add('bic', 'payout.error.bic');
    }
    if (statusReport.trim() === '') add('statusReport', 'payout.error.statusReportMissing');
    for (const line of terms.costPlan) {
      const text = costs[line.key] ?? '';
      if (text.trim() !== '' && parseKroner(text) === null) add(`cost-${line.key}`, 'payout.error.cost');
    }
    if (managerName.trim() === '') add('managerName', 'payout.error.managerMissing');
    const accountantGiven = accountantName.trim() !== '' || accountantRole !== '';
    if (need === 'required' || (need === 'optional' && accountantGiven)) {
      if (accountantName.trim() === '') add('accountantName', 'payout.error.accountantMissing');
      if (accountantRole === '') add('accountantRole', 'payout.error.accountantRoleMissing');
    }
    return found;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    await saveOrSend(false);
  };

  const saveOrSend = async (saveOnly: boolean) => {
    setAttempt((n) => n + 1);
    setFailed(null);
    setMissing([]);
    setSavedDraft(false);
    const found = validate();
    setErrors(found);
    if (found.length > 0 || amountOre === null) return;
    const role = accountantRole;
    const withAccountant = need !== 'hidden' && accountantName.trim() !== '' && role !== '';
    const body: PayoutRequestInput = {
      ...(final ? { kind, report: report ?? {} } : {}),
      amount: amountOre,
      ...(nok ? { accountNumber: account } : { iban, bic }),
      statusReport: statusReport.trim(),
      costs: terms.costPlan.flatMap((line) => {
        const ore = parseKroner(costs[line.key] ?? '');
        return ore === null ? [] : [{ line: line.key, accumulatedOre: ore }];
      }),
      managerName: managerName.trim(),
      accountant: withAccountant ? { name: accountantName.trim(), role } : null,
    };
    try {
      await send.mutateAsync({
        id: applicationId,
        number: draftNumber,
        body,
        keys: { save: saveKey.keyFor(body), send: sendKey.keyFor({ ...body, send: true }) },
        saveOnly,
        onSaved: (number) => {
          setDraftNumber(number);
          saveKey.done();
        },
      });
      if (saveOnly) {
        setSavedDraft(true);
        return;
      }
      sendKey.done();
      onSent();
    } catch (error) {
      const code = error instanceof ProblemError ? error.problem.code : undefined;
      const mapped = code ? SERVER_ERRORS[code] : undefined;
      if (mapped) setErrors([{ field: id(mapped.field), message: mapped.message }]);
      else if (code === 'attachments_missing' && error instanceof ProblemError)
        setMissing(((error.problem as { missing?: AttachmentKind[] }).missing ?? []).slice());
      else if (reportRefusal?.(error)) return;
      else if (error instanceof ProblemError && error.status === 409) setFailed('payout.error.changed');
      else setFailed('app.error');
    }
  };

  return (
    <>
      <form noValidate onSubmit={(event) => void submit(event)} className="case-action-form">
        <Heading level={3} data-size="xs">
          {final
            ? request
              ? t('payout.final.formTitleCorrect', { number: request.number })
              : t('payout.final.formTitle')
            : request
              ? t('payout.form.titleCorrect', { number: request.number })
              : t('payout.form.title')}
        </Heading>
        <Paragraph data-size="sm">{t('payout.form.required')}</Paragraph>
        <Textfield
          id={id('amount')}
          label={t('payout.form.amount')}
          description={t(final ? 'payout.final.amountHelp' : 'payout.form.amountHelp', {
            amount: kroner(limit),
          })}
          suffix="kr"
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          error={errorOf('amount')}
        />
        {nok ? (
          <Textfield
            id={id('account')}
            label={t('payout.form.account')}
            description={t('payout.form.accountHelp')}
            inputMode="numeric"
            autoComplete="off"
            value={account}
            onChange={(event) => {
              setAccount(event.target.value);
              if (accountCheck) setAccountCheck(null);
            }}
            onBlur={() => {
              if (account.trim() !== '') {
                setAccountCheck(accountProblem(account));
                if (isNorwegianAccountNumber(account))
                  setAccount(formatAccountNumber(account.replace(/[\s.]/g, '')));
              }
            }}
            error={accountError}
          />
        ) : (
          <>
            <Textfield
              id={id('iban')}
              label={t('payout.form.iban')}
              value={iban}
              onChange={(event) => setIban(event.target.value)}
              error={errorOf('iban')}
            />
            <Textfield
              id={id('bic')}
              label={t('payout.form.bic')}
              value={bic}
              onChange={(event) => setBic(event.target.value)}
              error={errorOf('bic')}
            />
          </>
        )}
        <Textfield
          multiline
          rows={5}
          id={id('statusReport')}
          label={t('payout.form.statusReport')}
          description={t('payout.form.statusReportHelp')}
          value={statusReport}
          onChange={(event) => setStatusReport(event.target.value)}
          error={errorOf('statusReport')}
        />
        {terms.costPlan.length > 0 && (
          <Fieldset>
            <Fieldset.Legend>{t('payout.form.costs')}</Fieldset.Legend>
            <Fieldset.Description>{t('payout.form.costsHelp')}</Fieldset.Description>
            {terms.costPlan.map((line) => (
              <Textfield
                key={line.key}
                id={id(`cost-${line.key}`)}
                label={line.label[language]}
                description={t('payout.form.approved', { amount: kroner(line.approvedOre) })}
                suffix="kr"
                inputMode="decimal"
                value={costs[line.key] ?? ''}
                onChange={(event) => setCosts((c) => ({ ...c, [line.key]: event.target.value }))}
                error={errorOf(`cost-${line.key}`)}
              />
            ))}
          </Fieldset>
        )}
        <Textfield
          id={id('managerName')}
          label={t('payout.form.manager')}
          description={t('payout.form.managerHelp')}
          autoComplete="name"
          value={managerName}
          onChange={(event) => setManagerName(event.target.value)}
          error={errorOf('managerName')}
        />
        {need !== 'hidden' && (
          <Fieldset>
            <Fieldset.Legend>{t('payout.form.accountant')}</Fieldset.Legend>
            <Fieldset.Description>
              {need === 'required'
                ? t('payout.form.accountantRequired', {
                    amount: kroner(terms.attestation.accountantConfirmationFromOre),
                  })
                : t('payout.form.accountantOptional')}
            </Fieldset.Description>
            <Textfield
              id={id('accountantName')}
              label={t('payout.form.accountantName')}
              value={accountantName}
              onChange={(event) => setAccountantName(event.target.value)}
              error={errorOf('accountantName')}
            />
            <Field>
              <Label htmlFor={id('accountantRole')}>{t('payout.form.accountantRole')}</Label>
              <Select
                id={id('accountantRole')}
                value={accountantRole}
                aria-invalid={errorOf('accountantRole') ? true : undefined}
                onChange={(event) => setAccountantRole(event.target.value as '' | 'accountant' | 'auditor')}
                width="auto"
              >
                <option value="">{t('payout.form.choose')}</option>
                <option value="accountant">{t('payout.role.accountant')}</option>
                <option value="auditor">{t('payout.role.auditor')}</option>
              </Select>
              {errorOf('accountantRole') && (
                <ValidationMessage>{errorOf('accountantRole')}</ValidationMessage>
              )}
            </Field>
          </Fieldset>
        )}
        {errors.length > 0 && (
          <FieldErrorSummary key={attempt} heading={t('payout.form.errorHeading')} errors={errors} />
        )}
        {failed && (
          <Alert data-color="danger" key={attempt}>
            {t(failed)}
          </Alert>
        )}
        {missing.length > 0 && (
          <Alert data-color="danger" key={`missing-${attempt}`}>
            {t('ownerAttachments.missing', {
              kinds: missing.map((kind) => t(ATTACHMENT_KIND_TEXT[kind])).join(', '),
            })}
          </Alert>
        )}
        {savedDraft && (
          <Alert data-color="success" key={`saved-${attempt}`}>
            {t('ownerAttachments.saved')}
          </Alert>
        )}
        <div className="case-action-buttons">
          <Button type="submit" loading={send.isPending}>
            {t(final ? 'payout.final.send' : 'payout.form.send')}
          </Button>
          <Button
            type="button"
            variant="secondary"
            onClick={() => void saveOrSend(true)}
            disabled={send.isPending}
          >
            {t('ownerAttachments.saveDraft')}
          </Button>
          {onBack && (
            <Button type="button" variant="secondary" onClick={onBack} disabled={send.isPending}>
              {t('payout.final.back')}
            </Button>
          )}
          <Button type="button" variant="secondary" onClick={onCancel} disabled={send.isPending}>
            {t('payout.form.cancel')}
          </Button>
        </div>
      </form>
      {draftNumber === null ? (
        <Paragraph>{t('ownerAttachments.saveFirst')}</Paragraph>
      ) : (
        <AttachmentsSection
          applicationId={applicationId}
          owner={{ payoutRequest: draftNumber }}
          title="ownerAttachments.payoutTitle"
          headingLevel={3}
        />
      )}
    </>
  );
}
