import {
  Alert,
  Button,
  ErrorSummary,
  Heading,
  Paragraph,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { ProblemError } from '../../../api/problem';
import type { ApplicationDetail } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { useLodgeAppeal } from '../api/application-queries';
import { useCommandKey } from './command-key';

/** What the applicant reads of their appeal (klage): not the county's proposals. */
interface Appeal {
  grounds: string;
  lodgedAt: string;
  against: 'grant' | 'rejection';
  lastDay: string;
  late: boolean;
  forwardedAt: string | null;
  outcome: null | {
    kind: 'reversed' | 'upheld' | 'quashed';
    decidedBy: 'first_instance' | 'appeals_board';
    amount?: number;
    at: string;
  };
}

const MAX_TEXT = 8000;

/**
 * Klage: the applicant may appeal the decision on the case page, with grounds; the appeal lodged,
 * where it is (with the county, or sent to the appeals board) and how it ended are shown here. The
 * letters of each step are listed with the others.
 */
export function AppealPanel({ application }: { application: ApplicationDetail }) {
  const { t, date, kroner } = useI18n();
  const appeal = (application.case.appeal as Appeal | null | undefined) ?? null;
  const canAppeal = application.allowedActions.includes('LODGE_APPEAL');
  const [open, setOpen] = useState(false);
  if (!appeal && !canAppeal) return null;
  const outcome = appeal?.outcome ?? null;
  return (
    <section aria-labelledby="case-appeal" className="case-action">
      <Heading level={2} data-size="sm" id="case-appeal">
        {t('appeals.applicant.title')}
      </Heading>
      {appeal && outcome === null && (
        <>
          <Paragraph>
            {appeal.forwardedAt
              ? t('appeals.applicant.forwarded', { date: date(appeal.forwardedAt) })
              : t('appeals.applicant.received', { date: date(appeal.lodgedAt) })}
          </Paragraph>
          {appeal.late && (
            <div className="tags">
              <Tag data-color="warning">{t('appeals.late')}</Tag>
            </div>
          )}
        </>
      )}
      {outcome?.kind === 'reversed' && (
        <Alert data-color="success">
          <Paragraph>{t('appeals.applicant.reversed', { amount: kroner(outcome.amount ?? 0) })}</Paragraph>
        </Alert>
      )}
      {outcome?.kind === 'upheld' && (
        <Alert data-color="info">
          <Paragraph>{t('appeals.applicant.upheld')}</Paragraph>
        </Alert>
      )}
      {outcome?.kind === 'quashed' && (
        <Alert data-color="info">
          <Paragraph>{t('appeals.applicant.quashed')}</Paragraph>
        </Alert>
      )}
      {canAppeal &&
        (open ? (
          <AppealForm application={application} onDone={() => setOpen(false)} />
        ) : (
          <div>
            <Button variant="secondary" onClick={() => setOpen(true)}>
              {t('appeals.applicant.open')}
            </Button>
          </div>
        ))}
    </section>
  );
}

function AppealForm({ application, onDone }: { application: ApplicationDetail; onDone: () => void }) {
  const { t } = useI18n();
  const lodge = useLodgeAppeal();
  const key = useCommandKey();
  const groundsId = useId();
  const [grounds, setGrounds] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState<MessageKey | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setFailed(null);
    const text = grounds.trim();
    const found: MessageKey | null =
      text === ''
        ? 'appeals.applicant.groundsMissing'
        : text.length > MAX_TEXT
          ? 'appeals.applicant.groundsTooLong'
          : null;
    setError(found);
    if (found) return;
    const body = { grounds: text };
    try {
      await lodge.mutateAsync({ id: application.id, key: key.keyFor(body), body });
      key.done();
      setGrounds('');
      onDone();
    } catch (problem) {
      setFailed(
        problem instanceof ProblemError && problem.status === 422 ? 'appeals.applicant.refused' : 'app.error',
      );
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="case-action-form">
      <Paragraph>{t('appeals.applicant.intro')}</Paragraph>
      <Textfield
        id={groundsId}
        label={t('appeals.applicant.grounds')}
        description={t('appeals.applicant.groundsHelp')}
        multiline
        rows={6}
        value={grounds}
        onChange={(change) => setGrounds(change.target.value)}
        error={error ? t(error) : undefined}
      />
      {error && (
        <ErrorSummary key={attempt}>
          <ErrorSummary.Heading>{t('appeals.applicant.errorHeading')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            <ErrorSummary.Item>
              <ErrorSummary.Link
                href={`#${groundsId}`}
                onClick={(click) => {
                  click.preventDefault();
                  document.getElementById(groundsId)?.focus();
                }}
              >
                {t(error)}
              </ErrorSummary.Link>
            </ErrorSummary.Item>
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      {failed && (
        <Alert data-color="danger" role="alert">
          {t(failed)}
        </Alert>
      )}
      <div className="form-buttons">
        <Button type="submit" loading={lodge.isPending}>
          {t('appeals.applicant.submit')}
        </Button>
        <Button variant="secondary" type="button" onClick={onDone}>
          {t('appeals.applicant.cancel')}
        </Button>
      </div>
    </form>
  );
}
