import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { ApplicationDetail, Profile } from '../../../api/types';
import { parseKroner } from '../../../forms/money';
import { useI18n } from '../../../i18n/i18n';
import { useCaseCommand, type CaseCommand } from '../api/casework-queries';
import { ActionForm, Refusal, type FieldError } from './action-form';

/** An appeal (klage) as staff read it in the case record. */
interface Appeal {
  grounds: string;
  lodgedAt: string;
  against: 'grant' | 'rejection';
  againstAmount: number | null;
  lastDay: string;
  late: boolean;
  proposal:
    | null
    | { kind: 'reverse'; amount: number; grounds: string; by: string }
    | { kind: 'forward'; note: string; by: string };
  forwarded: null | { note: string; at: string };
  outcome: null | {
    kind: 'reversed' | 'upheld' | 'quashed';
    decidedBy: 'first_instance' | 'appeals_board';
    amount?: number;
    grounds: string;
    at: string;
  };
}

export const APPEAL_ACTIONS = [
  'PROPOSE_APPEAL_REVERSAL',
  'PROPOSE_APPEAL_FORWARD',
  'DISMISS_APPEAL_PROPOSAL',
  'DECIDE_APPEAL_REVERSAL',
  'DECIDE_APPEAL_FORWARD',
  'RECORD_APPEAL_UPHELD',
  'RECORD_APPEAL_REVERSED',
  'RECORD_APPEAL_QUASHED',
];

export const appealOf = (detail: ApplicationDetail) =>
  (detail.case.appeal as Appeal | null | undefined) ?? null;

const required = (value: string, field: string, message: FieldError['message']): FieldError[] =>
  value.trim() === '' ? [{ field, message }] : [];

/** A calendar day at noon UTC: the same day in Norway all year. */
const noon = (isoDate: string) => `${isoDate}T12:00:00.000Z`;

/**
 * Klage on the county's case page: the appeal as lodged (late or not), what is proposed, where it
 * went and how it ended; the case officer proposes to reverse the decision or to send the case to
 * the appeals board (klagenemnda), an approver who did not propose it decides or sends it back, and
 * the board's outcome is recorded here.
 */
export function AppealActions({
  detail,
  me,
  allowed,
}: {
  detail: ApplicationDetail;
  me: Profile;
  allowed: ReadonlySet<string>;
}) {
  const { t } = useI18n();
  const appeal = appealOf(detail);
  if (!appeal) return null;
  const proposal = appeal.outcome === null ? appeal.proposal : null;
  // Four eyes: the proposer may not decide it, even holding the approver's role.
  const ownProposal = proposal !== null && proposal.by === me.id && me.roles.includes('approver');
  return (
    <section aria-labelledby="appeal-heading" className="case-action">
      <Heading level={3} data-size="xs" id="appeal-heading">
        {t('appeals.staff.title')}
      </Heading>
      <AppealFacts appeal={appeal} />
      {proposal && !allowed.has('DECIDE_APPEAL_REVERSAL') && !allowed.has('DECIDE_APPEAL_FORWARD') && (
        <Alert data-color="info">
          <Paragraph>{t('appeals.staff.pending')}</Paragraph>
          {ownProposal && <Paragraph>{t('appeals.staff.fourEyes')}</Paragraph>}
        </Alert>
      )}
      {allowed.has('PROPOSE_APPEAL_REVERSAL') && (
        <AmountAndGrounds
          detail={detail}
          id="propose-appeal-reversal"
          event="PROPOSE_APPEAL_REVERSAL"
          heading={t('appeals.staff.proposeReversal')}
          submit={t('appeals.staff.proposeReversalSubmit')}
          minimum={appeal.againstAmount}
        />
      )}
      {allowed.has('PROPOSE_APPEAL_FORWARD') && <ProposeForward detail={detail} />}
      {allowed.has('DECIDE_APPEAL_REVERSAL') && proposal?.kind === 'reverse' && (
        <DecideProposal
          detail={detail}
          event="DECIDE_APPEAL_REVERSAL"
          label={t('appeals.staff.decideReversal')}
        />
      )}
      {allowed.has('DECIDE_APPEAL_FORWARD') && proposal?.kind === 'forward' && (
        <DecideProposal
          detail={detail}
          event="DECIDE_APPEAL_FORWARD"
          label={t('appeals.staff.decideForward')}
        />
      )}
      {allowed.has('DISMISS_APPEAL_PROPOSAL') && <DismissProposal detail={detail} />}
      {allowed.has('RECORD_APPEAL_UPHELD') && (
        <BoardGrounds detail={detail} id="record-appeal-upheld" event="RECORD_APPEAL_UPHELD" />
      )}
      {allowed.has('RECORD_APPEAL_REVERSED') && (
        <AmountAndGrounds
          detail={detail}
          id="record-appeal-reversed"
          event="RECORD_APPEAL_REVERSED"
          heading={t('appeals.staff.recordReversed')}
          submit={t('appeals.staff.recordReversedSubmit')}
          minimum={appeal.againstAmount}
        />
      )}
      {allowed.has('RECORD_APPEAL_QUASHED') && (
        <BoardGrounds detail={detail} id="record-appeal-quashed" event="RECORD_APPEAL_QUASHED" />
      )}
    </section>
  );
}

function AppealFacts({ appeal }: { appeal: Appeal }) {
  const { t, date, kroner } = useI18n();
  return (
    <>
      {appeal.late && (
        <div className="tags">
          <Tag data-color="warning">{t('appeals.late')}</Tag>
        </div>
      )}
      <dl className="facts">
        <dt>{t('appeals.against')}</dt>
        <dd>{t(appeal.against === 'grant' ? 'appeals.againstGrant' : 'appeals.againstRejection')}</dd>
        <dt>{t('appeals.lodgedAt')}</dt>
        <dd>{date(appeal.lodgedAt)}</dd>
        <dt>{t('appeals.lastDay')}</dt>
        <dd>{date(noon(appeal.lastDay))}</dd>
        {appeal.forwarded && (
          <>
            <dt>{t('appeals.forwardedAt')}</dt>
            <dd>{date(appeal.forwarded.at)}</dd>
          </>
        )}
        {appeal.outcome && (
          <>
            <dt>{t('appeals.outcome')}</dt>
            <dd>
              {t(`appeals.outcome.${appeal.outcome.kind}`)}
              {appeal.outcome.amount !== undefined && ` (${kroner(appeal.outcome.amount)})`}
            </dd>
          </>
        )}
      </dl>
      <Heading level={4} data-size="2xs">
        {t('appeals.grounds')}
      </Heading>
      <Paragraph className="case-text">{appeal.grounds}</Paragraph>
      {appeal.outcome === null && appeal.proposal?.kind === 'reverse' && (
        <>
          <Heading level={4} data-size="2xs">
            {t('appeals.staff.proposedReversal', { amount: kroner(appeal.proposal.amount) })}
          </Heading>
          <Paragraph className="case-text">{appeal.proposal.grounds}</Paragraph>
        </>
      )}
      {appeal.outcome === null && appeal.proposal?.kind === 'forward' && (
        <>
          <Heading level={4} data-size="2xs">
            {t('appeals.staff.proposedForward')}
          </Heading>
          <Paragraph className="case-text">{appeal.proposal.note}</Paragraph>
        </>
      )}
    </>
  );
}

function AmountAndGrounds({
  detail,
  id,
  event,
  heading,
  submit,
  minimum,
}: {
  detail: ApplicationDetail;
  id: string;
  event: 'PROPOSE_APPEAL_REVERSAL' | 'RECORD_APPEAL_REVERSED';
  heading: string;
  submit: string;
  minimum: number | null;
}) {
  const { t, kroner } = useI18n();
  const command = useCaseCommand(detail.id);
  const [amount, setAmount] = useState('');
  const [grounds, setGrounds] = useState('');
  const amountId = `${id}-amount`;
  const groundsId = `${id}-grounds`;
  return (
    <ActionForm
      id={id}
      heading={heading}
      submitLabel={submit}
      pending={command.isPending}
      refusal={command.error}
      validate={() => {
        const ore = parseKroner(amount);
        const errors: FieldError[] = [
          ...(ore === null || ore <= 0
            ? [{ field: amountId, message: 'appeals.staff.amountInvalid' } as FieldError]
            : minimum !== null && ore <= minimum
              ? [{ field: amountId, message: 'appeals.staff.amountNotHigher' } as FieldError]
              : detail.maximumAmount !== null && ore > detail.maximumAmount
                ? [{ field: amountId, message: 'appeals.staff.amountAboveMaximum' } as FieldError]
                : []),
          ...required(grounds, groundsId, 'casework.groundsMissing'),
        ];
        if (errors.length === 0 && ore !== null)
          command.mutate({ event, body: { amount: ore, grounds: grounds.trim() } });
        return errors;
      }}
    >
      {(errorFor) => (
        <>
          <Textfield
            id={amountId}
            label={t('appeals.staff.amount')}
            description={
              detail.maximumAmount !== null
                ? t('appeals.staff.amountHelp', { maximum: kroner(detail.maximumAmount) })
                : undefined
            }
            suffix="kr"
            inputMode="decimal"
            value={amount}
            onChange={(change) => setAmount(change.target.value)}
            error={errorFor(amountId)}
          />
          <Textfield
            id={groundsId}
            label={t('appeals.staff.grounds')}
            multiline
            rows={4}
            value={grounds}
            onChange={(change) => setGrounds(change.target.value)}
            error={errorFor(groundsId)}
          />
        </>
      )}
    </ActionForm>
  );
}

function ProposeForward({ detail }: { detail: ApplicationDetail }) {
  const { t } = useI18n();
  const command = useCaseCommand(detail.id);
  const [note, setNote] = useState('');
  return (
    <ActionForm
      id="propose-appeal-forward"
      heading={t('appeals.staff.proposeForward')}
      submitLabel={t('appeals.staff.proposeForwardSubmit')}
      pending={command.isPending}
      refusal={command.error}
      validate={() => {
        const errors = required(note, 'propose-appeal-forward-note', 'appeals.staff.noteMissing');
        if (errors.length === 0)
          command.mutate({ event: 'PROPOSE_APPEAL_FORWARD', body: { note: note.trim() } });
        return errors;
      }}
    >
      {(errorFor) => (
        <Textfield
          id="propose-appeal-forward-note"
          label={t('appeals.staff.note')}
          description={t('appeals.staff.noteHelp')}
          multiline
          rows={5}
          value={note}
          onChange={(change) => setNote(change.target.value)}
          error={errorFor('propose-appeal-forward-note')}
        />
      )}
    </ActionForm>
  );
}

function DecideProposal({
  detail,
  event,
  label,
}: {
  detail: ApplicationDetail;
  event: Extract<CaseCommand['event'], 'DECIDE_APPEAL_REVERSAL' | 'DECIDE_APPEAL_FORWARD'>;
  label: string;
}) {
  const command = useCaseCommand(detail.id);
  return (
    <div className="case-action">
      <div>
        <Button loading={command.isPending} onClick={() => command.mutate({ event })}>
          {label}
        </Button>
      </div>
      {command.error && <Refusal error={command.error} />}
    </div>
  );
}

function DismissProposal({ detail }: { detail: ApplicationDetail }) {
  const { t } = useI18n();
  const command = useCaseCommand(detail.id);
  const [message, setMessage] = useState('');
  return (
    <ActionForm
      id="dismiss-appeal-proposal"
      heading={t('appeals.staff.dismiss')}
      submitLabel={t('appeals.staff.dismissSubmit')}
      pending={command.isPending}
      refusal={command.error}
      validate={() => {
        const errors = required(message, 'dismiss-appeal-proposal-message', 'appeals.staff.messageMissing');
        if (errors.length === 0)
          command.mutate({ event: 'DISMISS_APPEAL_PROPOSAL', body: { message: message.trim() } });
        return errors;
      }}
    >
      {(errorFor) => (
        <Textfield
          id="dismiss-appeal-proposal-message"
          label={t('appeals.staff.message')}
          multiline
          rows={3}
          value={message}
          onChange={(change) => setMessage(change.target.value)}
          error={errorFor('dismiss-appeal-proposal-message')}
        />
      )}
    </ActionForm>
  );
}

function BoardGrounds({
  detail,
  id,
  event,
}: {
  detail: ApplicationDetail;
  id: string;
  event: 'RECORD_APPEAL_UPHELD' | 'RECORD_APPEAL_QUASHED';
}) {
  const { t } = useI18n();
  const command = useCaseCommand(detail.id);
  const [grounds, setGrounds] = useState('');
  const upheld = event === 'RECORD_APPEAL_UPHELD';
  const groundsId = `${id}-grounds`;
  return (
    <ActionForm
      id={id}
      heading={t(upheld ? 'appeals.staff.recordUpheld' : 'appeals.staff.recordQuashed')}
      submitLabel={t(upheld ? 'appeals.staff.recordUpheldSubmit' : 'appeals.staff.recordQuashedSubmit')}
      pending={command.isPending}
      refusal={command.error}
      validate={() => {
        const errors = required(grounds, groundsId, 'casework.groundsMissing');
        if (errors.length === 0) command.mutate({ event, body: { grounds: grounds.trim() } });
        return errors;
      }}
    >
      {(errorFor) => (
        <Textfield
          id={groundsId}
          label={t('appeals.staff.boardGrounds')}
          multiline
          rows={4}
          value={grounds}
          onChange={(change) => setGrounds(change.target.value)}
          error={errorFor(groundsId)}
        />
      )}
    </ActionForm>
  );
}
