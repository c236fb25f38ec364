import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ProblemError } from '../../../api/problem';
import type {
  ApplicationDetail,
  InterimReport,
  InterimReportStatus,
  Profile,
  Scheme,
} from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { FieldErrorSummary, type FieldError } from '../../../ui/field-error-summary';
import { LoadFailed, Loading } from '../../../ui/query-state';
import {
  interimReviewQueries,
  useDecideInterimReport,
  type InterimDecision,
} from '../api/interim-review-queries';
import { ReadOnlyContent } from './read-only-content';
import { CaseAttachments } from './case-attachments';

const STATUS_TEXT: Record<InterimReportStatus, MessageKey> = {
  not_started: 'interim.status.not_started',
  draft: 'interim.status.draft',
  sent: 'interim.status.sent',
  returned: 'interim.status.returned',
  approved: 'interim.status.approved',
};

const GRANTED = new Set(['granted', 'reported', 'closed']);

/**
 * The county's view of the grant's interim reports (delrapporter, e.g. årsrapport): each with its due
 * day and where it stands; a sent report read in its scheme's words, with approve, or return with
 * reasons, for the case officer.
 */
export function InterimReviewPanel({
  detail,
  scheme,
  me,
}: {
  detail: ApplicationDetail;
  scheme: Scheme | undefined;
  me: Profile;
}) {
  const granted = GRANTED.has(detail.status);
  const reports = useQuery({ ...interimReviewQueries.list(detail.id), enabled: granted });
  if (!granted || !scheme) return null;
  if (reports.isPending) return <Loading />;
  if (reports.isError) return <LoadFailed />;
  return reports.data.items.map((report) => (
    <OneReport
      key={report.key}
      detail={detail}
      scheme={scheme}
      report={report}
      mayDecide={me.roles.includes('case_officer')}
    />
  ));
}

function OneReport({
  detail,
  scheme,
  report,
  mayDecide,
}: {
  detail: ApplicationDetail;
  scheme: Scheme;
  report: InterimReport;
  mayDecide: boolean;
}) {
  const { t, language, date } = useI18n();
  const [done, setDone] = useState<MessageKey | null>(null);
  const title = report.title[language];
  const headingId = `interim-review-${report.key}`;
  const form = scheme.interimReports.find((f) => f.key === report.key);
  return (
    <section aria-labelledby={headingId} className="case-action">
      <Heading level={2} data-size="sm" id={headingId}>
        {title}
      </Heading>
      <Paragraph>
        {t('interim.due', { date: date(report.dueDate) })} {t(STATUS_TEXT[report.status])}
        {report.sentAt ? ` ${t('interim.sentAt', { date: date(report.sentAt) })}` : ''}
      </Paragraph>
      {done && <Alert data-color="success">{t(done)}</Alert>}
      {report.overdue && <Alert data-color="warning">{t('interim.overdueStaff')}</Alert>}
      {report.content && form && report.status !== 'draft' && (
        <ReadOnlyContent schema={form.schema} layout={form.form} content={report.content} />
      )}
      {report.status !== 'draft' && report.status !== 'not_started' && (
        <CaseAttachments
          applicationId={detail.id}
          owner={{ interimReport: report.key }}
          title="ownerAttachments.reportTitle"
          headingLevel={3}
        />
      )}
      {report.status === 'sent' && mayDecide && (
        <DecisionForm detail={detail} report={report} onDecided={setDone} />
      )}
    </section>
  );
}

function DecisionForm({
  detail,
  report,
  onDecided,
}: {
  detail: ApplicationDetail;
  report: InterimReport;
  onDecided: (text: MessageKey) => void;
}) {
  const { t, language } = useI18n();
  const reasonId = `${useId()}-reason`;
  const decide = useDecideInterimReport();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState<MessageKey | null>(null);
  const [keys] = useState(() => new Map<string, string>());
  const keyFor = (decision: InterimDecision) => {
    const intent = JSON.stringify(decision);
    const known = keys.get(intent) ?? crypto.randomUUID();
    keys.set(intent, known);
    return known;
  };
  const errorOf = (field: string) => {
    const found = errors.find((e) => e.field === field);
    return found ? t(found.message) : undefined;
  };

  const run = async (kind: InterimDecision['kind']) => {
    setAttempt((n) => n + 1);
    setFailed(null);
    const found: FieldError[] =
      kind === 'return' && reason.trim() === '' ? [{ field: reasonId, message: 'interim.error.reason' }] : [];
    setErrors(found);
    if (found.length > 0) return;
    const decision: InterimDecision = kind === 'approve' ? { kind } : { kind, reason: reason.trim() };
    try {
      await decide.mutateAsync({ id: detail.id, reportKey: report.key, decision, key: keyFor(decision) });
      onDecided(kind === 'approve' ? 'interim.done.approved' : 'interim.done.returned');
    } catch (error) {
      setFailed(
        error instanceof ProblemError && error.status === 409 ? 'interim.error.changed' : 'app.error',
      );
    }
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run('approve');
  };
  const title = report.title[language].toLowerCase();

  return (
    <form
      noValidate
      onSubmit={submit}
      className="case-action-form"
      aria-label={t('interim.decide', { report: title })}
    >
      <Textfield
        multiline
        rows={3}
        id={reasonId}
        label={t('interim.reason')}
        description={t('interim.reasonHelp')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={errorOf(reasonId)}
      />
      {errors.length > 0 && (
        <FieldErrorSummary key={attempt} heading={t('interim.errorHeading')} errors={errors} />
      )}
      {failed && <Alert data-color="danger">{t(failed)}</Alert>}
      <div className="case-action-buttons">
        <Button type="submit" loading={decide.isPending}>
          {t('interim.approve', { report: title })}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => void run('return')}
          disabled={decide.isPending}
        >
          {t('interim.return')}
        </Button>
      </div>
    </form>
  );
}
