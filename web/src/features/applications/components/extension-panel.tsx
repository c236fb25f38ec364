import { Alert, Button, ErrorSummary, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { ProblemError } from '../../../api/problem';
import type { ApplicationDetail } from '../../../api/types';
import { parseDateInput } from '../../../forms/date-input';
import { endOfDayInNorway } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { useRequestExtension } from '../api/application-queries';
import { useCommandKey } from './command-key';

/** What the applicant reads of a request for a later deadline and its answer. */
interface Extension {
  reason: string;
  requestedDueAt: string;
  requestedProjectEndsAt?: string | null;
  outcome: null | {
    kind: 'granted' | 'refused';
    grounds: string | null;
    at: string;
    dueAt?: string;
    projectEndsAt?: string | null;
  };
}

/** A decided cancellation (heving) as the applicant reads it. */
interface Cancellation {
  grounds: string;
  repaymentAmount: number;
  decidedAt: string;
}

const MAX_TEXT = 4000;

/** The grant was cancelled by a decision: when, why, and what is claimed back. */
export function CancelledNotice({ application }: { application: ApplicationDetail }) {
  const { t, kroner, date } = useI18n();
  const cancellation = (application.case.cancellation as Cancellation | null | undefined) ?? null;
  if (application.status !== 'cancelled' || !cancellation) return null;
  return (
    <section aria-labelledby="case-cancelled" className="case-action">
      <Heading level={2} data-size="sm" id="case-cancelled">
        {t('cancellation.applicant.title')}
      </Heading>
      <Paragraph>{t('cancellation.applicant.intro', { date: date(cancellation.decidedAt) })}</Paragraph>
      <Heading level={3} data-size="xs">
        {t('cancellation.grounds')}
      </Heading>
      <blockquote className="case-quote">
        <Paragraph className="case-text">{cancellation.grounds}</Paragraph>
      </blockquote>
      <Paragraph>
        {cancellation.repaymentAmount > 0
          ? t('cancellation.applicant.repayment', { amount: kroner(cancellation.repaymentAmount) })
          : t('cancellation.applicant.noRepayment')}
      </Paragraph>
    </section>
  );
}

/**
 * Utsatt frist: while the grant runs, the applicant may ask for a later final report deadline with
 * a reason; the request waiting, and the county's answer with its grounds, are shown here.
 */
export function ExtensionPanel({ application }: { application: ApplicationDetail }) {
  const { t, date } = useI18n();
  const extension = (application.case.extension as Extension | null | undefined) ?? null;
  const canAsk = application.allowedActions.includes('REQUEST_EXTENSION');
  if (!extension && !canAsk) return null;
  const outcome = extension?.outcome ?? null;
  return (
    <section aria-labelledby="case-extension" className="case-action">
      <Heading level={2} data-size="sm" id="case-extension">
        {t('extension.applicant.title')}
      </Heading>
      {extension && outcome === null && (
        <Paragraph>{t('extension.applicant.waiting', { date: date(extension.requestedDueAt) })}</Paragraph>
      )}
      {outcome?.kind === 'granted' && outcome.dueAt && (
        <Alert data-color="success">
          {outcome.projectEndsAt && (
            <Paragraph>
              {t('extension.applicant.projectEndGranted', { date: date(outcome.projectEndsAt) })}
            </Paragraph>
          )}
          <Paragraph>{t('extension.applicant.granted', { date: date(outcome.dueAt) })}</Paragraph>
          {outcome.grounds && <Paragraph className="case-text">{outcome.grounds}</Paragraph>}
        </Alert>
      )}
      {outcome?.kind === 'refused' && (
        <Alert data-color="warning">
          <Paragraph>{t('extension.applicant.refused')}</Paragraph>
          <Paragraph className="case-text">{outcome.grounds}</Paragraph>
        </Alert>
      )}
      {canAsk && <ExtensionRequestForm application={application} />}
    </section>
  );
}

function ExtensionRequestForm({ application }: { application: ApplicationDetail }) {
  const { t, date } = useI18n();
  const request = useRequestExtension();
  const key = useCommandKey();
  const dueId = useId();
  const projectEndId = useId();
  const reasonId = useId();
  const [due, setDue] = useState('');
  const [projectEnd, setProjectEnd] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Array<{ id: string; text: MessageKey }>>([]);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState<MessageKey | null>(null);
  const current = (application.case.finalReportDueAt as string | null | undefined) ?? null;
  const currentEnd = (application.case.projectEndsAt as string | null | undefined) ?? null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setFailed(null);
    const day = due.trim() === '' ? null : parseDateInput(due);
    const endDay = projectEnd.trim() === '' ? null : parseDateInput(projectEnd);
    const text = reason.trim();
    // A later project end, a later deadline, or both; a deadline counted from the project end follows it.
    const found: Array<{ id: string; text: MessageKey }> = [
      ...(projectEnd.trim() !== '' && endDay === null
        ? [{ id: projectEndId, text: 'extension.projectEndInvalid' as MessageKey }]
        : []),
      ...(due.trim() === '' && projectEnd.trim() === ''
        ? [{ id: dueId, text: 'extension.dueOrProjectEndMissing' as MessageKey }]
        : due.trim() !== '' && day === null
          ? [{ id: dueId, text: 'extension.dueInvalid' as MessageKey }]
          : []),
      ...(text === ''
        ? [{ id: reasonId, text: 'extension.reasonMissing' as MessageKey }]
        : text.length > MAX_TEXT
          ? [{ id: reasonId, text: 'caseActions.info.answerTooLong' as MessageKey }]
          : []),
    ];
    setErrors(found);
    if (found.length > 0) return;
    const body = {
      reason: text,
      ...(endDay === null ? {} : { projectEndsAt: `${endDay}T12:00:00Z` }),
      ...(day === null ? {} : { dueAt: endOfDayInNorway(day) }),
    };
    try {
      await request.mutateAsync({ id: application.id, key: key.keyFor(body), body });
      key.done();
      setDue('');
      setReason('');
    } catch (error) {
      setFailed(
        error instanceof ProblemError && error.status === 422 ? 'extension.refusedByRules' : 'app.error',
      );
    }
  };
  const errorFor = (id: string) => {
    const found = errors.find((e) => e.id === id);
    return found ? t(found.text) : undefined;
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="case-action-form">
      <Paragraph>
        {current
          ? t('extension.applicant.intro', { date: date(current) })
          : t('extension.applicant.introNoDate')}
      </Paragraph>
      <Textfield
        id={projectEndId}
        label={t('extension.applicant.projectEnd')}
        description={
          currentEnd
            ? t('extension.applicant.projectEndHelp', { date: date(currentEnd) })
            : t('form.dateHint')
        }
        inputMode="numeric"
        autoComplete="off"
        size={10}
        value={projectEnd}
        onChange={(event) => setProjectEnd(event.target.value)}
        error={errorFor(projectEndId)}
      />
      <Textfield
        id={dueId}
        label={t('extension.applicant.due')}
        description={t('form.dateHint')}
        inputMode="numeric"
        autoComplete="off"
        size={10}
        value={due}
        onChange={(event) => setDue(event.target.value)}
        error={errorFor(dueId)}
      />
      <Textfield
        id={reasonId}
        label={t('extension.reason')}
        description={t('extension.applicant.reasonHelp')}
        multiline
        rows={4}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={errorFor(reasonId)}
      />
      {errors.length > 0 && (
        <ErrorSummary key={attempt}>
          <ErrorSummary.Heading>{t('extension.applicant.errorHeading')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {errors.map((e) => (
              <ErrorSummary.Item key={e.id}>
                <ErrorSummary.Link
                  href={`#${e.id}`}
                  onClick={(click) => {
                    click.preventDefault();
                    document.getElementById(e.id)?.focus();
                  }}
                >
                  {t(e.text)}
                </ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      {failed && (
        <Alert data-color="danger" role="alert">
          {t(failed)}
        </Alert>
      )}
      <div>
        <Button type="submit" loading={request.isPending}>
          {t('extension.applicant.submit')}
        </Button>
      </div>
    </form>
  );
}
