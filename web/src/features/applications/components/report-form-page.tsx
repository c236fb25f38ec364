import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Application, Scheme } from '../../../api/types';
import type { FormLayout } from '../../../forms/layout';
import type { FormData, FormError } from '../../../forms/layout-ui';
import { SchemeForm } from '../../../forms/scheme-form';
import { useI18n } from '../../../i18n/i18n';
import { casePath } from '../../../lib/paths';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import {
  applicationLookups,
  applicationQueries,
  schemeQueries,
  submitReport,
} from '../api/application-queries';
import { BackToCase } from './application-form-page';
import { refusalErrors } from './form-errors';
import { awaitsFinalReport } from './form-links';

/**
 * Applicant capability 7: the final report, drawn from the scheme's report schema and layout like
 * the application form, and sent when the applicant submits it; refusals on their fields and in a
 * summary.
 */
export function ReportFormPage() {
  const { t } = useI18n();
  const { reference = '' } = useParams();
  const application = useQuery(applicationQueries.byReference(reference));
  const calls = useQuery(applicationLookups.calls());
  const schemeId = application.data?.schemeId ?? '';
  const scheme = useQuery({ ...schemeQueries.detail(schemeId), enabled: Boolean(schemeId) });
  const heading = t('reportForm.title', { reference });
  if (application.isPending || calls.isPending || (application.data && scheme.isPending)) {
    return (
      <>
        <PageHeading>{heading}</PageHeading>
        <Loading />
      </>
    );
  }
  if (application.isError || calls.isError || scheme.isError || !application.data || !scheme.data) {
    return (
      <>
        <PageHeading>{heading}</PageHeading>
        {application.data === null ? <Paragraph>{t('form.notFound')}</Paragraph> : <LoadFailed />}
      </>
    );
  }
  const found = application.data;
  const call = calls.data.find((c) => c.id === found.callId);
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      {awaitsFinalReport(found) ? (
        <>
          <Paragraph>{t('reportForm.intro', { call: call?.title ?? scheme.data.name })}</Paragraph>
          <ReportEditor application={found} scheme={scheme.data} />
        </>
      ) : (
        <Paragraph>{t('reportForm.notAwaited')}</Paragraph>
      )}
      <BackToCase reference={found.reference} />
    </>
  );
}

function ReportEditor({ application, scheme }: { application: Application; scheme: Scheme }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const schema = scheme.reportSchema;
  const layout = scheme.reportForm as FormLayout;
  const [data, setData] = useState<FormData>({});
  const [submitting, setSubmitting] = useState(false);
  const [failed, setFailed] = useState(false);
  const [serverErrors, setServerErrors] = useState<FormError[]>([]);
  const [serverAttempt, setServerAttempt] = useState(0);

  const submit = async (report: FormData) => {
    setSubmitting(true);
    setFailed(false);
    try {
      await submitReport(application.id, report);
      await queryClient.invalidateQueries({ queryKey: applicationQueries.all() });
      void navigate(casePath(application.reference));
    } catch (error) {
      const refused = refusalErrors(error, 'report', schema, layout, language, t);
      if (refused) {
        setServerErrors(refused);
        setServerAttempt((n) => n + 1);
      } else setFailed(true);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      {failed && <Alert data-color="danger">{t('reportForm.submitFailed')}</Alert>}
      <SchemeForm
        schema={schema}
        layout={layout}
        formData={data}
        onChange={setData}
        onSubmit={(report) => void submit(report)}
        submitting={submitting}
        submitLabel={t('reportForm.submit')}
        serverErrors={serverErrors}
        serverAttempt={serverAttempt}
      />
    </>
  );
}
