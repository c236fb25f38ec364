import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApplicationDetail, Profile } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { useCaseCommand } from '../api/casework-queries';
import { payoutReviewQueries } from '../api/payout-review-queries';
import { ActionForm, Refusal, type FieldError } from './action-form';
import { parseKroner } from '../../../forms/money';
import { dateInputText } from '../../../forms/date-input';
import type { MessageKey } from '../../../i18n/nb';
import { checkDueDate, endOfDayInNorway } from './casework-text';
import { DueDateField } from './due-date-field';
import { CANCELLATION_AND_EXTENSION_ACTIONS, CancellationAndExtensionActions } from './cancellation-actions';
import { APPEAL_ACTIONS, AppealActions } from './appeal-actions';

/** The officer's recommendation as the case record holds it (staff see it in `case`). */
interface Recommendation {
  kind: 'grant' | 'rejection';
  amount?: number;
  notes?: string;
  grounds?: string;
  by: string;
}

export const recommendationOf = (detail: ApplicationDetail): Recommendation | null =>
  (detail.case.recommendation as Recommendation | null | undefined) ?? null;

/**
 * What the reader may do with the case now, from its `allowedActions`: each action a small form,
 * its refusal in words beside it.
 */
export function CaseActions({ detail, me }: { detail: ApplicationDetail; me: Profile }) {
  const { t } = useI18n();
  const allowed = new Set(detail.allowedActions);
  // Taking a case that is already yours changes nothing: the button is for cases that are not.
  if (detail.caseOfficerId === me.id) allowed.delete('ASSIGN');
  // A final report sent with a final payout request is decided with the request, in its panel.
  const reportReview = allowed.has('APPROVE_REPORT') || allowed.has('RETURN_REPORT');
  const payouts = useQuery({ ...payoutReviewQueries.list(detail.id), enabled: reportReview });
  const withFinalRequest =
    reportReview && (payouts.data?.items.some((r) => r.kind === 'final' && r.status === 'sent') ?? false);
  if (withFinalRequest || (reportReview && payouts.isPending)) {
    allowed.delete('APPROVE_REPORT');
    allowed.delete('RETURN_REPORT');
  }
  const recommendation = recommendationOf(detail);
  // Four eyes: whoever recommended may not decide, even with the approver's role.
  const ownRecommendation =
    recommendation !== null &&
    recommendation.by === me.id &&
    me.roles.includes('approver') &&
    detail.state === 'assessment.recommended';
  const any = [
    'ASSIGN',
    'REQUEST_INFO',
    'RECOMMEND_GRANT',
    'RECOMMEND_REJECTION',
    'DECIDE_GRANT',
    'DECIDE_REJECTION',
    'RETURN_TO_REVIEW',
    'APPROVE_REPORT',
    'RETURN_REPORT',
    ...CANCELLATION_AND_EXTENSION_ACTIONS,
    ...APPEAL_ACTIONS,
  ].some((action) => allowed.has(action));
  return (
    <section aria-labelledby="case-actions" className="case-actions">
      <Heading level={2} data-size="sm" id="case-actions">
        {t('casework.actions.title')}
      </Heading>
      {ownRecommendation && (
        <Alert data-color="warning">
          <Paragraph>{t('casework.actions.fourEyes')}</Paragraph>
        </Alert>
      )}
      {!any && !ownRecommendation && !withFinalRequest && <Paragraph>{t('casework.actions.none')}</Paragraph>}
      {withFinalRequest && <Paragraph>{t('casework.report.withFinalRequest')}</Paragraph>}
      {allowed.has('ASSIGN') && <AssignAction detail={detail} />}
      {allowed.has('REQUEST_INFO') && <RequestInformationAction detail={detail} />}
      {allowed.has('RECOMMEND_GRANT') && <RecommendGrantAction detail={detail} />}
      {allowed.has('RECOMMEND_REJECTION') && <RecommendRejectionAction detail={detail} />}
      {allowed.has('DECIDE_GRANT') && <DecideGrantAction detail={detail} />}
      {allowed.has('DECIDE_REJECTION') && <DecideRejectionAction detail={detail} />}
      {allowed.has('RETURN_TO_REVIEW') && <ReturnToReviewAction detail={detail} />}
      {allowed.has('APPROVE_REPORT') && <ApproveReportAction detail={detail} />}
      {allowed.has('RETURN_REPORT') && <ReturnReportAction detail={detail} />}
      <CancellationAndExtensionActions detail={detail} me={me} allowed={allowed} />
      <AppealActions detail={detail} me={me} allowed={allowed} />
    </section>
  );
}

function AssignAction({ detail }: { detail: ApplicationDetail }) {
  const { t } = useI18n();
  const command = useCaseCommand(detail.id);
  return (
    <section aria-labelledby="assign-heading" className="case-action">
      <Heading level={3} data-size="xs" id="assign-heading">
        {t('casework.assign.title')}
      </Heading>
      <div>
        <Button loading={command.isPending} onClick={() => command.mutate({ event: 'ASSIGN' })}>
          {t('casework.assign.submit')}
        </Button>
      </div>
      {command.error && <Refusal error={command.error} />}
    </section>
  );
}

const required = (value: string, field: string, message: FieldError['message']): FieldError[] =>
  value.trim() === '' ? [{ field, message }] : [];

/** A due date's messages, each repeating what the field is. */
interface DueMessages {
  missing: MessageKey;
  invalid: MessageKey;
  past: MessageKey;
}

/** The due date typed, checked against the service's today: its date, or the error to show. */
function dueDate(
  text: string,
  detail: ApplicationDetail,
  field: string,
  messages: DueMessages,
): { date: string } | { error: FieldError } {
  const checked = checkDueDate(text, detail.dueDates?.today ?? null);
  return checked.ok ? { date: checked.date } : { error: { field, message: messages[checked.problem] } };
}

function RequestInformationAction({ detail }: { detail: ApplicationDetail }) {
  const { t } = useI18n();
  const command = useCaseCommand(detail.id);
  const [message, setMessage] = useState('');
  // Prefilled with the call's business days ahead, the date the service would choose itself.
  const suggested = detail.dueDates?.informationResponse;
  const [due, setDue] = useState(suggested ? dateInputText(suggested) : '');
  return (
    <ActionForm
      id="request-info"
      heading={t('casework.requestInfo.title')}
      submitLabel={t('casework.requestInfo.submit')}
      pending={command.isPending}
      refusal={command.error}
      validate={() => {
        const checked = dueDate(due, detail, 'request-info-due', {
          missing: 'casework.requestInfo.dueMissing',
          invalid: 'casework.requestInfo.dueInvalid',
          past: 'casework.requestInfo.duePast',
        });
        const errors = [
          ...required(message, 'request-info-message', 'casework.requestInfo.messageMissing'),
          ...('error' in checked ? [checked.error] : []),
        ];
        if (errors.length === 0 && 'date' in checked) {
          command.mutate(
            {
              event: 'REQUEST_INFO',
              body: { message: message.trim(), dueAt: endOfDayInNorway(checked.date) },
            },
            { onSuccess: () => setMessage('') },
          );
        }
        return errors;
      }}
    >
      {(errorFor) => (
        <>
          <Textfield
            id="request-info-message"
            label={t('casework.requestInfo.message')}
            description={t('casework.requestInfo.messageHelp')}
            multiline
            rows={4}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            error={errorFor('request-info-message')}
          />
          <DueDateField
            id="request-info-due"
            label={t('casework.requestInfo.due')}
            help={
              detail.dueDates
                ? `${t('casework.requestInfo.dueHelp')} ${t('casework.requestInfo.dueDefault', {
                    days: String(detail.dueDates.informationResponseBusinessDays),
                  })}`
                : t('casework.requestInfo.dueHelp')
            }
            value={due}
            onChange={setDue}
            error={errorFor('request-info-due')}
          />
        </>
      )}
    </ActionForm>
  );
}

function RecommendGrantAction({ detail }: { detail: ApplicationDetail }) {
  const { t, kroner } = useI18n();
  const command = useCaseCommand(detail.id);
  const [amount, setAmount] = useState('');
  const [notes, setNotes] = useState('');
  const ore = parseKroner(amount);
  const limit = detail.committee?.delegationLimit ?? null;
  // Announced as the officer types: above the limit, the committee decides.
  const aboveLimit = ore !== null && limit !== null && ore > limit;
  return (
    <ActionForm
      id="recommend-grant"
      heading={t('casework.recommendGrant.title')}
      submitLabel={t('casework.recommendGrant.submit')}
      pending={command.isPending}
      refusal={command.error}
      validate={() => {
        const errors: FieldError[] = [
          ...(ore === null || ore <= 0
            ? [
                {
                  field: 'recommend-grant-amount',
                  message:
                    amount.trim() === ''
                      ? 'casework.recommendGrant.amountMissing'
                      : 'casework.recommendGrant.amountInvalid',
                } as FieldError,
              ]
            : []),
          ...required(notes, 'recommend-grant-notes', 'casework.groundsMissing'),
        ];
        if (errors.length === 0 && ore !== null) {
          command.mutate({ event: 'RECOMMEND_GRANT', body: { amount: ore, notes: notes.trim() } });
        }
        return errors;
      }}
    >
      {(errorFor) => (
        <>
          <Textfield
            id="recommend-grant-amount"
            label={t('casework.recommendGrant.amount')}
            description={
              detail.maximumAmount !== null
                ? t('casework.recommendGrant.amountHelp', { maximum: kroner(detail.maximumAmount) })
                : undefined
            }
            suffix="kr"
            inputMode="decimal"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            error={errorFor('recommend-grant-amount')}
          />
          {aboveLimit && limit !== null && (
            <Alert data-color="info" role="status">
              <Paragraph>{t('casework.committee.whenRecommending', { limit: kroner(limit) })}</Paragraph>
            </Alert>
          )}
          <Textfield
            id="recommend-grant-notes"
            label={t('casework.grounds')}
            description={t('casework.recommendGrant.groundsHelp')}
            multiline
            rows={5}
            value={notes}
            onChange={(event) => setNotes(event.target.value)}
            error={errorFor('recommend-grant-notes')}
          />
        </>
      )}
    </ActionForm>
  );
}

function RecommendRejectionAction({ detail }: { detail: ApplicationDetail }) {
  const { t } = useI18n();
  const command = useCaseCommand(detail.id);
  const [grounds, setGrounds] = useState('');
  return (
    <ActionForm
      id="recommend-rejection"
      heading={t('casework.recommendRejection.title')}
      submitLabel={t('casework.recommendRejection.submit')}
      pending={command.isPending}
      refusal={command.error}
      validate={() => {
        const errors = required(grounds, 'recommend-rejection-grounds', 'casework.groundsMissing');
        if (errors.length === 0) {
          command.mutate({ event: 'RECOMMEND_REJECTION', body: { grounds: grounds.trim() } });
        }
        return errors;
      }}
    >
      {(errorFor) => (
        <Textfield
          id="recommend-rejection-grounds"
          label={t('casework.grounds')}
          multiline
          rows={5}
          value={grounds}
          onChange={(event) => setGrounds(event.target.value)}
          error={errorFor('recommend-rejection-grounds')}
        />
      )}
    </ActionForm>
  );
}

function DecideGrantAction({ detail }: { detail: ApplicationDetail }) {
  const { t, kroner } = useI18n();
  const command = useCaseCommand(detail.id);
  const recommendation = recommendationOf(detail);
  const [grounds, setGrounds] = useState(recommendation?.notes ?? '');
  const [conditions, setConditions] = useState('');
  const [committeeCaseRef, setCommitteeCaseRef] = useState('');
  const committee = detail.committee;
  const needsCommittee = committee?.required === true;
  return (
    <ActionForm
      id="decide-grant"
      heading={t('casework.decideGrant.title')}
      intro={
        <>
          {recommendation?.amount !== undefined && (
            <Paragraph>
              {t('casework.decideGrant.intro', { amount: kroner(recommendation.amount) })}
            </Paragraph>
          )}
          {needsCommittee && committee.delegationLimit !== null && recommendation?.amount !== undefined && (
            <Alert data-color="warning">
              <Heading level={4} data-size="2xs">
                {t('casework.committee.heading')}
              </Heading>
              <Paragraph>
                {t('casework.committee.whenDeciding', {
                  amount: kroner(recommendation.amount),
                  limit: kroner(committee.delegationLimit),
                })}
              </Paragraph>
            </Alert>
          )}
        </>
      }
      submitLabel={t('casework.decideGrant.submit')}
      pending={command.isPending}
      refusal={command.error}
      validate={() => {
        const errors: FieldError[] = [
          ...required(grounds, 'decide-grant-grounds', 'casework.groundsMissing'),
          ...(needsCommittee
            ? required(committeeCaseRef, 'decide-grant-committee', 'casework.committee.refMissing')
            : []),
        ];
        if (errors.length === 0) {
          const lines = conditions
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line !== '');
          command.mutate({
            event: 'DECIDE_GRANT',
            body: {
              grounds: grounds.trim(),
              ...(lines.length > 0 ? { conditions: lines } : {}),
              ...(needsCommittee ? { committeeCaseRef: committeeCaseRef.trim() } : {}),
            },
          });
        }
        return errors;
      }}
    >
      {(errorFor) => (
        <>
          <Textfield
            id="decide-grant-grounds"
            label={t('casework.decideGrant.grounds')}
            description={t('casework.decideGrant.groundsHelp')}
            multiline
            rows={6}
            value={grounds}
            onChange={(event) => setGrounds(event.target.value)}
            error={errorFor('decide-grant-grounds')}
          />
          <Textfield
            id="decide-grant-conditions"
            label={t('casework.decideGrant.conditions')}
            description={t('casework.decideGrant.conditionsHelp')}
            multiline
            rows={4}
            value={conditions}
            onChange={(event) => setConditions(event.target.value)}
          />
          {needsCommittee && (
            <Textfield
              id="decide-grant-committee"
              label={t('casework.committee.ref')}
              description={t('casework.committee.refHelp')}
              value={committeeCaseRef}
              onChange={(event) => setCommitteeCaseRef(event.target.value)}
              error={errorFor('decide-grant-committee')}
            />
          )}
        </>
      )}
    </ActionForm>
  );
}

function DecideRejectionAction({ detail }: { detail: ApplicationDetail }) {
  const { t } = useI18n();
  const command = useCaseCommand(detail.id);
  const recommendation = recommendationOf(detail);
  const [grounds, setGrounds] = useState(recommendation?.grounds ?? '');
  return (
    <ActionForm
      id="decide-rejection"
      heading={t('casework.decideRejection.title')}
      submitLabel={t('casework.decideRejection.submit')}
      pending={command.isPending}
      refusal={command.error}
      validate={() => {
        const errors = required(grounds, 'decide-rejection-grounds', 'casework.groundsMissing');
        if (errors.length === 0) {
          command.mutate({ event: 'DECIDE_REJECTION', body: { grounds: grounds.trim() } });
        }
        return errors;
      }}
    >
      {(errorFor) => (
        <Textfield
          id="decide-rejection-grounds"
          label={t('casework.decideRejection.grounds')}
          description={t('casework.decideGrant.groundsHelp')}
          multiline
          rows={6}
          value={grounds}
          onChange={(event) => setGrounds(event.target.value)}
          error={errorFor('decide-rejection-grounds')}
        />
      )}
    </ActionForm>
  );
}

function ReturnToReviewAction({ detail }: { detail: ApplicationDetail }) {
  const { t } = useI18n();
  const command = useCaseCommand(detail.id);
  const [message, setMessage] = useState('');
  return (
    <ActionForm
      id="return-to-review"
      heading={t('casework.returnToReview.title')}
      submitLabel={t('casework.returnToReview.submit')}
      pending={command.isPending}
      refusal={command.error}
      validate={() => {
        const errors = required(message, 'return-to-review-message', 'casework.returnToReview.missing');
        if (errors.length === 0) {
          command.mutate({ event: 'RETURN_TO_REVIEW', body: { message: message.trim() } });
        }
        return errors;
      }}
    >
      {(errorFor) => (
        <Textfield
          id="return-to-review-message"
          label={t('casework.returnToReview.message')}
          multiline
          rows={3}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          error={errorFor('return-to-review-message')}
        />
      )}
    </ActionForm>
  );
}

function ApproveReportAction({ detail }: { detail: ApplicationDetail }) {
  const { t, kroner } = useI18n();
  const command = useCaseCommand(detail.id);
  const [amount, setAmount] = useState('');
  return (
    <ActionForm
      id="approve-report"
      heading={t('casework.approveReport.title')}
      submitLabel={t('casework.approveReport.submit')}
      pending={command.isPending}
      refusal={command.error}
      validate={() => {
        // Empty: the scheme computes the final amount from the report.
        const ore = amount.trim() === '' ? undefined : parseKroner(amount);
        if (ore === null) {
          return [{ field: 'approve-report-amount', message: 'casework.approveReport.amountInvalid' }];
        }
        command.mutate({
          event: 'APPROVE_REPORT',
          body: ore === undefined ? {} : { finalPayableAmount: ore },
        });
        return [];
      }}
    >
      {(errorFor) => (
        <Textfield
          id="approve-report-amount"
          label={t('casework.approveReport.amount')}
          description={
            detail.grantedAmount !== null
              ? t('casework.approveReport.amountHelpGranted', { granted: kroner(detail.grantedAmount) })
              : t('casework.approveReport.amountHelp')
          }
          suffix="kr"
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          error={errorFor('approve-report-amount')}
        />
      )}
    </ActionForm>
  );
}

function ReturnReportAction({ detail }: { detail: ApplicationDetail }) {
  const { t } = useI18n();
  const command = useCaseCommand(detail.id);
  const [message, setMessage] = useState('');
  const [due, setDue] = useState('');
  return (
    <ActionForm
      id="return-report"
      heading={t('casework.returnReport.title')}
      submitLabel={t('casework.returnReport.submit')}
      pending={command.isPending}
      refusal={command.error}
      validate={() => {
        const checked = dueDate(due, detail, 'return-report-due', {
          missing: 'casework.returnReport.dueMissing',
          invalid: 'casework.returnReport.dueInvalid',
          past: 'casework.returnReport.duePast',
        });
        const errors = [
          ...required(message, 'return-report-message', 'casework.returnReport.messageMissing'),
          ...('error' in checked ? [checked.error] : []),
        ];
        if (errors.length === 0 && 'date' in checked) {
          command.mutate({
            event: 'RETURN_REPORT',
            body: { message: message.trim(), dueAt: endOfDayInNorway(checked.date) },
          });
        }
        return errors;
      }}
    >
      {(errorFor) => (
        <>
          <Textfield
            id="return-report-message"
            label={t('casework.returnReport.message')}
            description={t('casework.returnReport.messageHelp')}
            multiline
            rows={4}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            error={errorFor('return-report-message')}
          />
          <DueDateField
            id="return-report-due"
            label={t('casework.returnReport.due')}
            help={t('casework.returnReport.dueHelp')}
            value={due}
            onChange={setDue}
            error={errorFor('return-report-due')}
          />
        </>
      )}
    </ActionForm>
  );
}
