import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemError } from '../../../api/problem';
import type {
  Application,
  AttachmentKind,
  InterimReport,
  InterimReportStatus,
  Scheme,
} from '../../../api/types';
import type { FormLayout } from '../../../forms/layout';
import type { FormData, FormError } from '../../../forms/layout-ui';
import { SchemeForm } from '../../../forms/scheme-form';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/nb';
import { ATTACHMENT_KIND_TEXT } from '../../../ui/file-size';
import { LoadFailed, Loading } from '../../../ui/query-state';
import { interimReportQueries, useSendInterimReport } from '../api/interim-report-queries';
import { AttachmentsSection } from './attachments-section';
import { useCommandKey } from './command-key';
import { refusalErrors } from './form-errors';

const STATUS_TEXT: Record<InterimReportStatus, MessageKey> = {
  not_started: 'interim.status.not_started',
  draft: 'interim.status.draft',
  sent: 'interim.status.sent',
  returned: 'interim.status.returned',
  approved: 'interim.status.approved',
};

const GRANTED = new Set(['granted', 'reported', 'closed']);

/**
 * The interim reports the grant owes (delrapporter, e.g. årsrapport): each with its due day and where
 * it stands, the officer's reasons when it came back, and while it is to be sent, its form, drawn
 * from the scheme's schema and layout like the final report. Nothing when the scheme asks for none.
 */
export function InterimReportPanel({ application, scheme }: { application: Application; scheme?: Scheme }) {
  const granted = GRANTED.has(application.status);
  const reports = useQuery({ ...interimReportQueries.list(application.id), enabled: granted });
  if (!granted || !scheme) return null;
  if (reports.isPending) return <Loading />;
  if (reports.isError) return <LoadFailed />;
  return reports.data.items.map((report) => (
    <OneReport key={report.key} application={application} scheme={scheme} report={report} />
  ));
}

function OneReport({
  application,
  scheme,
  report,
}: {
  application: Application;
  scheme: Scheme;
  report: InterimReport;
}) {
  const { t, language, date } = useI18n();
  const [sent, setSent] = useState(false);
  const title = report.title[language];
  const headingId = `interim-${report.key}`;
  const form = scheme.interimReports.find((f) => f.key === report.key);
  return (
    <section aria-labelledby={headingId} className="case-action">
      <Heading level={2} data-size="sm" id={headingId}>
        {title}
      </Heading>
      <Paragraph>
        {t('interim.due', { date: date(report.dueDate) })} {t(STATUS_TEXT[report.status])}
      </Paragraph>
      {sent && report.status === 'sent' && <Alert data-color="success">{t('interim.sentDone')}</Alert>}
      {report.overdue && <Alert data-color="warning">{t('interim.overdue')}</Alert>}
      {report.status === 'returned' && report.decisionText && (
        <Alert data-color="warning">
          <Heading level={3} data-size="xs">
            {t('interim.returnedHeading')}
          </Heading>
          <Paragraph>{report.decisionText}</Paragraph>
        </Alert>
      )}
      {report.canEdit && form && (
        <ReportEditor
          application={application}
          report={report}
          schema={form.schema}
          layout={form.form}
          onSent={() => setSent(true)}
        />
      )}
      {report.canEdit && report.status === 'not_started' && (
        <Paragraph>{t('ownerAttachments.reportFirst')}</Paragraph>
      )}
      {report.status !== 'not_started' && (
        <AttachmentsSection
          applicationId={application.id}
          owner={{ interimReport: report.key }}
          title="ownerAttachments.reportTitle"
          headingLevel={3}
        />
      )}
    </section>
  );
}

function ReportEditor({
  application,
  report,
  schema,
  layout,
  onSent,
}: {
  application: Application;
  report: InterimReport;
  schema: Record<string, unknown>;
  layout: FormLayout;
  onSent: () => void;
}) {
  const { t, language } = useI18n();
  const send = useSendInterimReport();
  const saveKey = useCommandKey();
  const sendKey = useCommandKey();
  const [data, setData] = useState<FormData>(report.content ?? {});
  const [failed, setFailed] = useState(false);
  const [missing, setMissing] = useState<AttachmentKind[]>([]);
  const [serverErrors, setServerErrors] = useState<FormError[]>([]);
  const [serverAttempt, setServerAttempt] = useState(0);

  const submit = async (content: FormData) => {
    setFailed(false);
    setMissing([]);
    const intent = { key: report.key, version: report.version, content };
    try {
      await send.mutateAsync({
        id: application.id,
        reportKey: report.key,
        content: content,
        keys: { save: saveKey.keyFor(intent), send: sendKey.keyFor(intent) },
      });
      saveKey.done();
      sendKey.done();
      onSent();
    } catch (error) {
      if (error instanceof ProblemError && error.problem.code === 'attachments_missing') {
        setMissing(((error.problem as { missing?: AttachmentKind[] }).missing ?? []).slice());
        return;
      }
      const refused = refusalErrors(error, 'content', schema, layout, language, t);
      if (refused) {
        setServerErrors(refused);
        setServerAttempt((n) => n + 1);
      } else setFailed(true);
    }
  };

  return (
    <>
      {failed && <Alert data-color="danger">{t('interim.sendFailed')}</Alert>}
      {missing.length > 0 && (
        <Alert data-color="danger">
          {t('ownerAttachments.missing', {
            kinds: missing.map((kind) => t(ATTACHMENT_KIND_TEXT[kind])).join(', '),
          })}
        </Alert>
      )}
      <SchemeForm
        schema={schema}
        layout={layout}
        formData={data}
        onChange={setData}
        onSubmit={(content) => void submit(content)}
        submitting={send.isPending}
        submitLabel={t('interim.send', { report: report.title[language].toLowerCase() })}
        serverErrors={serverErrors}
        serverAttempt={serverAttempt}
      />
    </>
  );
}
