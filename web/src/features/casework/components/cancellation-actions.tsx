import { Alert, Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import type { ApplicationDetail, Profile } from '../../../api/types';
import { dateInputText } from '../../../forms/date-input';
import { parseKroner } from '../../../forms/money';
import { isoDateInNorway } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { useCaseCommand } from '../api/casework-queries';
import { ActionForm, Refusal, type FieldError } from './action-form';
import { checkDueDate, endOfDayInNorway } from './casework-text';
import { DueDateField } from './due-date-field';

/** A proposed or decided cancellation (heving) as staff read it in the case record. */
interface Cancellation {
  grounds: string;
  repaymentAmount: number;
  proposedBy: string;
  decidedAt: string | null;
}

/** The applicant's request for a later final report deadline (utsatt frist). */
interface Extension {
  reason: string;
  requestedDueAt: string;
  requestedProjectEndsAt?: string | null;
  outcome: null | { kind: 'granted' | 'refused'; grounds: string | null; dueAt?: string };
}

export const CANCELLATION_AND_EXTENSION_ACTIONS = [
  'GRANT_EXTENSION',
  'REFUSE_EXTENSION',
  'PROPOSE_CANCELLATION',
  'DECIDE_CANCELLATION',
  'DISMISS_CANCELLATION',
];

const cancellationOf = (detail: ApplicationDetail) =>
  (detail.case.cancellation as Cancellation | null | undefined) ?? null;
const extensionOf = (detail: ApplicationDetail) =>
  (detail.case.extension as Extension | null | undefined) ?? null;

const required = (value: string, field: string, message: FieldError['message']): FieldError[] =>
  value.trim() === '' ? [{ field, message }] : [];

/**
 * Heving and utsatt frist on the county's case page: the officer answers a request for a later
 * final report deadline and proposes to cancel the grant; an approver who did not propose it decides
 * (after confirming) or drops the proposal. A decided cancellation is shown with its grounds.
 */
export function CancellationAndExtensionActions({
  detail,
  me,
  allowed,
}: {
  detail: ApplicationDetail;
  me: Profile;
  allowed: ReadonlySet<string>;
}) {
  const { t } = useI18n();
  const cancellation = cancellationOf(detail);
  const pending = cancellation !== null && cancellation.decidedAt === null ? cancellation : null;
  // Four eyes: the proposer may not decide it, even holding the approver's role.
  const ownProposal = pending !== null && pending.proposedBy === me.id && me.roles.includes('approver');
  return (
    <>
      {cancellation?.decidedAt && <CancelledSummary cancellation={cancellation} />}
      {allowed.has('GRANT_EXTENSION') && <GrantExtensionAction detail={detail} />}
      {allowed.has('REFUSE_EXTENSION') && <RefuseExtensionAction detail={detail} />}
      {pending && !allowed.has('DECIDE_CANCELLATION') && (
        <Alert data-color="info">
          <Paragraph>{t('cancellation.pending')}</Paragraph>
          {ownProposal && <Paragraph>{t('cancellation.fourEyes')}</Paragraph>}
        </Alert>
      )}
      {allowed.has('PROPOSE_CANCELLATION') && <ProposeCancellationAction detail={detail} />}
      {allowed.has('DECIDE_CANCELLATION') && pending && (
        <DecideCancellationAction detail={detail} proposal={pending} />
      )}
      {allowed.has('DISMISS_CANCELLATION') && <DismissCancellationAction detail={detail} />}
    </>
  );
}

function CancelledSummary({ cancellation }: { cancellation: Cancellation }) {
  const { t, kroner, date } = useI18n();
  return (
    <section aria-labelledby="cancelled-heading" className="case-action">
      <Heading level={3} data-size="xs" id="cancelled-heading">
        {t('cancellation.decided.title')}
      </Heading>
      <dl className="facts">
        <dt>{t('cancellation.decided.at')}</dt>
        <dd>{cancellation.decidedAt && date(cancellation.decidedAt)}</dd>
        <dt>{t('cancellation.repayment')}</dt>
        <dd>{kroner(cancellation.repaymentAmount)}</dd>
      </dl>
      <Heading level={4} data-size="2xs">
        {t('cancellation.grounds')}
      </Heading>
      <Paragraph className="case-text">{cancellation.grounds}</Paragraph>
    </section>
  );
}

function ProposeCancellationAction({ detail }: { detail: ApplicationDetail }) {
  const { t, kroner } = useI18n();
  const command = useCaseCommand(detail.id);
  const [grounds, setGrounds] = useState('');
  const [amount, setAmount] = useState('');
  return (
    <ActionForm
      id="propose-cancellation"
      heading={t('cancellation.propose.title')}
      intro={<Paragraph>{t('cancellation.propose.intro')}</Paragraph>}
      submitLabel={t('cancellation.propose.submit')}
      pending={command.isPending}
      refusal={command.error}
      validate={() => {
        // Empty: nothing is claimed back.
        const ore = amount.trim() === '' ? 0 : parseKroner(amount);
        const errors: FieldError[] = [
          ...required(grounds, 'propose-cancellation-grounds', 'casework.groundsMissing'),
          ...(ore === null || ore < 0
            ? [{ field: 'propose-cancellation-amount', message: 'cancellation.amountInvalid' } as FieldError]
            : ore > detail.paidAmount
              ? [
                  {
                    field: 'propose-cancellation-amount',
                    message: 'cancellation.amountAbovePaid',
                  } as FieldError,
                ]
              : []),
        ];
        if (errors.length === 0 && ore !== null) {
          command.mutate({
            event: 'PROPOSE_CANCELLATION',
            body: { grounds: grounds.trim(), repaymentAmount: ore },
          });
        }
        return errors;
      }}
    >
      {(errorFor) => (
        <>
          <Textfield
            id="propose-cancellation-grounds"
            label={t('cancellation.grounds')}
            description={t('cancellation.groundsHelp')}
            multiline
            rows={5}
            value={grounds}
            onChange={(event) => setGrounds(event.target.value)}
            error={errorFor('propose-cancellation-grounds')}
          />
          <Textfield
            id="propose-cancellation-amount"
            label={t('cancellation.repayment')}
            description={t('cancellation.repaymentHelp', { paid: kroner(detail.paidAmount) })}
            suffix="kr"
            inputMode="decimal"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            error={errorFor('propose-cancellation-amount')}
          />
        </>
      )}
    </ActionForm>
  );
}

function DecideCancellationAction({
  detail,
  proposal,
}: {
  detail: ApplicationDetail;
  proposal: Cancellation;
}) {
  const { t, kroner } = useI18n();
  const command = useCaseCommand(detail.id);
  const [confirming, setConfirming] = useState(false);
  const dialogHeadingId = useId();
  return (
    <section aria-labelledby="decide-cancellation-heading" className="case-action">
      <Heading level={3} data-size="xs" id="decide-cancellation-heading">
        {t('cancellation.decide.title')}
      </Heading>
      <Paragraph>{t('cancellation.decide.intro', { amount: kroner(proposal.repaymentAmount) })}</Paragraph>
      <Heading level={4} data-size="2xs">
        {t('cancellation.grounds')}
      </Heading>
      <Paragraph className="case-text">{proposal.grounds}</Paragraph>
      <div>
        <Button data-color="danger" onClick={() => setConfirming(true)}>
          {t('cancellation.decide.submit')}
        </Button>
      </div>
      {command.error && <Refusal error={command.error} />}
      <Dialog
        open={confirming}
        onClose={() => {
          if (!command.isPending) setConfirming(false);
        }}
        closeButton={t('cancellation.confirm.close')}
        aria-labelledby={dialogHeadingId}
      >
        <Heading level={2} data-size="sm" id={dialogHeadingId}>
          {t('cancellation.confirm.title')}
        </Heading>
        <Paragraph>
          {t('cancellation.confirm.body', {
            reference: detail.reference,
            organisation: detail.names.organisation.name,
            amount: kroner(proposal.repaymentAmount),
          })}
        </Paragraph>
        <div className="form-buttons">
          <Button
            data-color="danger"
            loading={command.isPending}
            onClick={() =>
              command.mutate({ event: 'DECIDE_CANCELLATION' }, { onSettled: () => setConfirming(false) })
            }
          >
            {t('cancellation.confirm.submit')}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)} disabled={command.isPending}>
            {t('cancellation.confirm.cancel')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}

function DismissCancellationAction({ detail }: { detail: ApplicationDetail }) {
  const { t } = useI18n();
  const command = useCaseCommand(detail.id);
  const [message, setMessage] = useState('');
  return (
    <ActionForm
      id="dismiss-cancellation"
      heading={t('cancellation.dismiss.title')}
      submitLabel={t('cancellation.dismiss.submit')}
      pending={command.isPending}
      refusal={command.error}
      validate={() => {
        const errors = required(message, 'dismiss-cancellation-message', 'cancellation.dismiss.missing');
        if (errors.length === 0) {
          command.mutate({ event: 'DISMISS_CANCELLATION', body: { message: message.trim() } });
        }
        return errors;
      }}
    >
      {(errorFor) => (
        <Textfield
          id="dismiss-cancellation-message"
          label={t('cancellation.dismiss.message')}
          multiline
          rows={3}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          error={errorFor('dismiss-cancellation-message')}
        />
      )}
    </ActionForm>
  );
}

function ExtensionRequestFacts({ extension }: { extension: Extension }) {
  const { t, date } = useI18n();
  return (
    <>
      <dl className="facts">
        {extension.requestedProjectEndsAt && (
          <>
            <dt>{t('extension.requestedProjectEndsAt')}</dt>
            <dd>{date(extension.requestedProjectEndsAt)}</dd>
          </>
        )}
        <dt>{t('extension.requestedDueAt')}</dt>
        <dd>{date(extension.requestedDueAt)}</dd>
      </dl>
      <Heading level={4} data-size="2xs">
        {t('extension.reason')}
      </Heading>
      <Paragraph className="case-text">{extension.reason}</Paragraph>
    </>
  );
}

const DUE_PROBLEMS = {
  missing: 'extension.dueMissing',
  invalid: 'extension.dueInvalid',
  past: 'extension.duePast',
} as const;
const PROJECT_END_PROBLEMS = {
  missing: 'extension.projectEndMissing',
  invalid: 'extension.projectEndInvalid',
  past: 'extension.projectEndPast',
} as const;

function GrantExtensionAction({ detail }: { detail: ApplicationDetail }) {
  const { t } = useI18n();
  const command = useCaseCommand(detail.id);
  const extension = extensionOf(detail);
  const requested = extension ? isoDateInNorway(extension.requestedDueAt) : '';
  const [due, setDue] = useState(requested ? dateInputText(requested) : '');
  const requestedEnd = extension?.requestedProjectEndsAt
    ? isoDateInNorway(extension.requestedProjectEndsAt)
    : '';
  const [projectEnd, setProjectEnd] = useState(requestedEnd ? dateInputText(requestedEnd) : '');
  const [grounds, setGrounds] = useState('');
  return (
    <ActionForm
      id="grant-extension"
      heading={t('extension.review.title')}
      intro={extension && <ExtensionRequestFacts extension={extension} />}
      submitLabel={t('extension.grant.submit')}
      pending={command.isPending}
      refusal={command.error}
      validate={() => {
        const today = detail.dueDates?.today ?? null;
        const end = requestedEnd ? checkDueDate(projectEnd, today) : null;
        if (end && !end.ok) {
          return [{ field: 'grant-extension-project-end', message: PROJECT_END_PROBLEMS[end.problem] }];
        }
        const checked = checkDueDate(due, today);
        if (!checked.ok) return [{ field: 'grant-extension-due', message: DUE_PROBLEMS[checked.problem] }];
        command.mutate({
          event: 'GRANT_EXTENSION',
          body: {
            ...(end?.ok ? { projectEndsAt: `${end.date}T12:00:00Z` } : {}),
            dueAt: endOfDayInNorway(checked.date),
            ...(grounds.trim() ? { grounds: grounds.trim() } : {}),
          },
        });
        return [];
      }}
    >
      {(errorFor) => (
        <>
          {requestedEnd && (
            <DueDateField
              id="grant-extension-project-end"
              label={t('extension.grant.projectEnd')}
              help={t('extension.grant.projectEndHelp')}
              value={projectEnd}
              onChange={setProjectEnd}
              error={errorFor('grant-extension-project-end')}
            />
          )}
          <DueDateField
            id="grant-extension-due"
            label={t('extension.grant.due')}
            help={t('extension.grant.dueHelp')}
            value={due}
            onChange={setDue}
            error={errorFor('grant-extension-due')}
          />
          <Textfield
            id="grant-extension-grounds"
            label={t('extension.grant.grounds')}
            multiline
            rows={3}
            value={grounds}
            onChange={(event) => setGrounds(event.target.value)}
          />
        </>
      )}
    </ActionForm>
  );
}

function RefuseExtensionAction({ detail }: { detail: ApplicationDetail }) {
  const { t } = useI18n();
  const command = useCaseCommand(detail.id);
  const [grounds, setGrounds] = useState('');
  return (
    <ActionForm
      id="refuse-extension"
      heading={t('extension.refuse.title')}
      submitLabel={t('extension.refuse.submit')}
      pending={command.isPending}
      refusal={command.error}
      validate={() => {
        const errors = required(grounds, 'refuse-extension-grounds', 'casework.groundsMissing');
        if (errors.length === 0) {
          command.mutate({ event: 'REFUSE_EXTENSION', body: { grounds: grounds.trim() } });
        }
        return errors;
      }}
    >
      {(errorFor) => (
        <Textfield
          id="refuse-extension-grounds"
          label={t('extension.refuse.grounds')}
          description={t('extension.refuse.groundsHelp')}
          multiline
          rows={4}
          value={grounds}
          onChange={(event) => setGrounds(event.target.value)}
          error={errorFor('refuse-extension-grounds')}
        />
      )}
    </ActionForm>
  );
}
