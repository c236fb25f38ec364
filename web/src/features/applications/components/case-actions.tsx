import { Alert, Button, ErrorSummary, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ProblemError } from '../../../api/problem';
import type { Application, ApplicationDetail } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { LoadFailed, Loading } from '../../../ui/query-state';
import {
  applicationQueries,
  useAcceptGrant,
  useAnswerInformation,
  useDeclineGrant,
} from '../api/application-queries';
import { CaseDecision, GrantPayments } from './case-decision';
import { CancelledNotice, ExtensionPanel } from './extension-panel';
import { AppealPanel } from './appeal-panel';
import { acceptanceDueAt, decision, informationRequest } from './case-record';
import { useCommandKey } from './command-key';
import './case-actions.css';
import { AttachmentsSection } from './attachments-section';

/** What the API takes in a free text (answer, reason). */
const MAX_TEXT = 4000;

/**
 * Applicant capability 5 on the case page: answer the county's request for information, accept or
 * decline a grant within its deadline, and read the decision and how the grant is paid. Buttons follow
 * the server's `allowedActions`; after each command the case is read again.
 */
export function CaseActions({ application }: { application: Application }) {
  const detail = useQuery(applicationQueries.detail(application.id));
  // What the applicant just did, or why it could not be done, said once the action's own panel has
  // gone (the case is read again after every command, and a panel shows only while its task stands).
  const [notice, setNotice] = useState<Notice | null>(null);
  const report: Report = (text, color) => setNotice((n) => ({ text, color, seq: (n?.seq ?? 0) + 1 }));
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <LoadFailed />;
  const found = detail.data;
  const task = found.applicantTask?.kind;
  return (
    <>
      {notice && (
        <FocusedAlert key={notice.seq} color={notice.color}>
          {notice.text}
        </FocusedAlert>
      )}
      {task === 'answer_information_request' && found.allowedActions.includes('ANSWER_INFO') && (
        <InformationRequestPanel application={found} report={report} />
      )}
      <CancelledNotice application={found} />
      <CaseDecision application={found} />
      <AppealPanel application={found} />
      <ExtensionPanel application={found} />
      {task === 'accept_grant' && <AcceptancePanel application={found} report={report} />}
      <GrantPayments application={found} />
    </>
  );
}

interface Notice {
  text: MessageKey;
  color: 'success' | 'danger';
  seq: number;
}
type Report = (text: MessageKey, color: 'success' | 'danger') => void;

/** An alert that takes focus when it appears, so a screen reader reads it and the keyboard starts there. */
function FocusedAlert({ color, children }: { color: 'success' | 'danger'; children: MessageKey }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert data-color={color} ref={ref} tabIndex={-1} className="case-action-alert">
      {t(children)}
    </Alert>
  );
}

/**
 * A refused command in words. A 409 means the case moved on (another tab, a deadline): the case is
 * read again and the action may vanish, so it is reported above the actions; anything else is shown
 * next to the action.
 */
function refusal(
  error: unknown,
  whenRefused: MessageKey,
  report: Report,
  showHere: (text: MessageKey) => void,
) {
  if (!(error instanceof ProblemError)) return showHere('app.error');
  if (error.status === 409) return report('caseActions.error.changed', 'danger');
  if (error.status === 422) return showHere(whenRefused);
  if (error.status === 400) return showHere('caseActions.error.invalid');
  showHere('app.error');
}

function InformationRequestPanel({
  application,
  report,
}: {
  application: ApplicationDetail;
  report: Report;
}) {
  const { t, date } = useI18n();
  const request = informationRequest(application);
  const answer = useAnswerInformation();
  const key = useCommandKey();
  const fieldId = useId();
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<MessageKey | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState<MessageKey | null>(null);
  if (!request) return null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setFailed(null);
    const message = text.trim();
    const problem: MessageKey | null =
      message === ''
        ? 'caseActions.info.answerMissing'
        : message.length > MAX_TEXT
          ? 'caseActions.info.answerTooLong'
          : null;
    setFieldError(problem);
    if (problem) return;
    const body = { message };
    try {
      await answer.mutateAsync({ id: application.id, key: key.keyFor(body), body });
      key.done();
      report('caseActions.info.sent', 'success');
    } catch (error) {
      if (error instanceof ProblemError && error.problem.code === 'attachments_missing')
        setFailed('ownerAttachments.answerMissing');
      else refusal(error, 'caseActions.error.refused', report, setFailed);
    }
  };

  return (
    <section aria-labelledby="case-information-request" className="case-action">
      <Heading level={2} data-size="sm" id="case-information-request">
        {t('caseActions.info.title')}
      </Heading>
      <dl className="facts">
        <dt>{t('caseActions.info.due')}</dt>
        <dd>
          <time dateTime={request.dueAt}>{date(request.dueAt)}</time>
        </dd>
      </dl>
      <Heading level={3} data-size="xs">
        {t('caseActions.info.question')}
      </Heading>
      <blockquote className="case-quote">
        <Paragraph className="case-text">{request.message}</Paragraph>
      </blockquote>
      {/* While the case awaits the answer, files uploaded here go with it. */}
      <AttachmentsSection
        applicationId={application.id}
        title="ownerAttachments.answerTitle"
        headingLevel={3}
      />
      <form noValidate onSubmit={(event) => void submit(event)} className="case-action-form">
        <Textfield
          multiline
          rows={6}
          id={fieldId}
          label={t('caseActions.info.answer')}
          description={t('caseActions.info.answerHelp')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={fieldError ? t(fieldError) : undefined}
        />
        {fieldError && (
          <ErrorSummary key={attempt}>
            <ErrorSummary.Heading>{t('caseActions.info.errorHeading')}</ErrorSummary.Heading>
            <ErrorSummary.List>
              <ErrorSummary.Item>
                <ErrorSummary.Link
                  href={`#${fieldId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(fieldId)?.focus();
                  }}
                >
                  {t(fieldError)}
                </ErrorSummary.Link>
              </ErrorSummary.Item>
            </ErrorSummary.List>
          </ErrorSummary>
        )}
        {failed && (
          <FocusedAlert key={attempt} color="danger">
            {failed}
          </FocusedAlert>
        )}
        <div>
          <Button type="submit" loading={answer.isPending}>
            {t('caseActions.info.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function AcceptancePanel({ application, report }: { application: ApplicationDetail; report: Report }) {
  const { t, date, kroner } = useI18n();
  const accept = useAcceptGrant();
  const acceptKey = useCommandKey();
  const [confirming, setConfirming] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState<MessageKey | null>(null);
  const declineButton = useRef<HTMLButtonElement>(null);
  const dueAt = acceptanceDueAt(application);
  const granted = decision(application);
  const amount = granted?.kind === 'grant' ? granted.amount : application.grantedAmount;
  const mayAccept = application.allowedActions.includes('ACCEPT');
  const mayDecline = application.allowedActions.includes('DECLINE_GRANT');

  const sendAccept = async () => {
    setAttempt((n) => n + 1);
    setFailed(null);
    const body = {};
    try {
      await accept.mutateAsync({ id: application.id, key: acceptKey.keyFor(body), body });
      acceptKey.done();
      report('caseActions.accept.accepted', 'success');
    } catch (error) {
      refusal(error, 'caseActions.error.deadlinePassed', report, setFailed);
    }
  };

  return (
    <section aria-labelledby="case-acceptance" className="case-action">
      <Heading level={2} data-size="sm" id="case-acceptance">
        {t('caseActions.accept.title')}
      </Heading>
      {!mayAccept ? (
        // The deadline has passed (the server offers no ACCEPT): nothing to do but read why.
        <Alert data-color="warning">
          {dueAt
            ? t('caseActions.accept.expired', { date: date(dueAt) })
            : t('caseActions.error.deadlinePassed')}
        </Alert>
      ) : (
        <>
          {amount !== null && dueAt && (
            <Paragraph>
              {t('caseActions.accept.intro', { amount: kroner(amount), date: date(dueAt) })}
            </Paragraph>
          )}
          {dueAt && (
            <dl className="facts">
              <dt>{t('caseActions.accept.due')}</dt>
              <dd>
                <time dateTime={dueAt}>{date(dueAt)}</time>
              </dd>
            </dl>
          )}
          {failed && (
            <FocusedAlert key={attempt} color="danger">
              {failed}
            </FocusedAlert>
          )}
          {confirming ? (
            <DeclineConfirmation
              application={application}
              onCancel={() => {
                setConfirming(false);
                // Back where the applicant came from.
                requestAnimationFrame(() => declineButton.current?.focus());
              }}
              report={report}
            />
          ) : (
            <div className="case-action-buttons">
              <Button loading={accept.isPending} onClick={() => void sendAccept()}>
                {t('caseActions.accept.accept')}
              </Button>
              {mayDecline && (
                <Button ref={declineButton} variant="secondary" onClick={() => setConfirming(true)}>
                  {t('caseActions.accept.decline')}
                </Button>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** The second step of declining: what it means, an optional reason, and a clear way back. */
function DeclineConfirmation({
  application,
  onCancel,
  report,
}: {
  application: ApplicationDetail;
  onCancel: () => void;
  report: Report;
}) {
  const { t } = useI18n();
  const decline = useDeclineGrant();
  const key = useCommandKey();
  const fieldId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<MessageKey | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState<MessageKey | null>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setFailed(null);
    const text = reason.trim();
    const problem: MessageKey | null = text.length > MAX_TEXT ? 'caseActions.decline.reasonTooLong' : null;
    setFieldError(problem);
    if (problem) return;
    const body = text === '' ? {} : { reason: text };
    try {
      await decline.mutateAsync({ id: application.id, key: key.keyFor(body), body });
      key.done();
      report('caseActions.decline.declined', 'success');
    } catch (error) {
      refusal(error, 'caseActions.error.refused', report, setFailed);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      className="case-action-form"
      aria-labelledby="case-decline"
    >
      <Heading level={3} data-size="xs" id="case-decline" ref={headingRef} tabIndex={-1}>
        {t('caseActions.decline.title')}
      </Heading>
      <Paragraph>{t('caseActions.decline.body')}</Paragraph>
      <Textfield
        multiline
        rows={4}
        id={fieldId}
        label={t('caseActions.decline.reason')}
        description={t('caseActions.decline.reasonHelp')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={fieldError ? t(fieldError) : undefined}
      />
      {fieldError && (
        <ErrorSummary key={attempt}>
          <ErrorSummary.Heading>{t('caseActions.decline.errorHeading')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            <ErrorSummary.Item>
              <ErrorSummary.Link
                href={`#${fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(fieldId)?.focus();
                }}
              >
                {t(fieldError)}
              </ErrorSummary.Link>
            </ErrorSummary.Item>
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      {failed && (
        <FocusedAlert key={attempt} color="danger">
          {failed}
        </FocusedAlert>
      )}
      <div className="case-action-buttons">
        <Button type="submit" data-color="danger" loading={decline.isPending}>
          {t('caseActions.decline.confirm')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('caseActions.decline.cancel')}
        </Button>
      </div>
    </form>
  );
}
