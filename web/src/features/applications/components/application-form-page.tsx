import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { ProblemError } from '../../../api/problem';
import type { Application, Scheme } from '../../../api/types';
import type { FormLayout } from '../../../forms/layout';
import { type FormData, type FormError } from '../../../forms/layout-ui';
import { savableDraft } from '../../../forms/savable';
import { SchemeForm } from '../../../forms/scheme-form';
import { TIME_ZONE } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n';
import { casePath } from '../../../lib/paths';
import { PageHeading } from '../../../ui/page-heading';
import { LoadFailed, Loading } from '../../../ui/query-state';
import {
  applicationLookups,
  applicationQueries,
  saveApplication,
  schemeQueries,
  submitApplication,
} from '../api/application-queries';
import { AttachmentsSection } from './attachments-section';
import { refusalErrors } from './form-errors';

/** How long typing must pause before the draft is saved. */
const AUTOSAVE_DELAY_MS = 800;

/**
 * Applicant capability 4: the application form of a draft, drawn from the scheme's schema and
 * layout, step by step. Saved as the applicant types (with the version it was based on, so an edit
 * made elsewhere is never silently overwritten, nor the applicant's own input dropped); submitted at
 * the end, with every refusal shown on its field and in a summary.
 */
export function ApplicationFormPage() {
  const { t } = useI18n();
  const { reference = '' } = useParams();
  const application = useQuery(applicationQueries.byReference(reference));
  const calls = useQuery(applicationLookups.calls());
  const schemeId = application.data?.schemeId ?? '';
  const scheme = useQuery({ ...schemeQueries.detail(schemeId), enabled: Boolean(schemeId) });
  const heading = t('applicationForm.title', { reference });
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
      {found.allowedActions.includes('EDIT') ? (
        <>
          <Paragraph>{t('applicationForm.intro', { call: call?.title ?? scheme.data.name })}</Paragraph>
          <ApplicationEditor application={found} scheme={scheme.data} />
          <AttachmentsSection applicationId={found.id} />
        </>
      ) : (
        <Paragraph>{t('applicationForm.notEditable')}</Paragraph>
      )}
      <BackToCase reference={found.reference} />
    </>
  );
}

export function BackToCase({ reference }: { reference: string }) {
  const { t } = useI18n();
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to={casePath(reference)}>{t('form.backToCase')}</RouterLink>
      </Link>
    </Paragraph>
  );
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed' }
  | { kind: 'conflict'; currentVersion: number };

const timeFormat = (language: 'nb' | 'en') =>
  new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  });

function ApplicationEditor({ application, scheme }: { application: Application; scheme: Scheme }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const schema = scheme.applicationSchema;
  const layout = scheme.applicationForm as FormLayout;

  const [data, setData] = useState<FormData>(() => application.content);
  const [formKey, setFormKey] = useState(0);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [submitting, setSubmitting] = useState(false);
  const [submitFailed, setSubmitFailed] = useState(false);
  const [serverErrors, setServerErrors] = useState<FormError[]>([]);
  const [serverAttempt, setServerAttempt] = useState(0);

  // What the saving works on, outside React's render cycle: the latest input, the version it is
  // based on, whether there is unsaved input, and the queue that keeps saves one at a time.
  const latest = useRef<FormData>(application.content);
  const version = useRef(application.contentVersion);
  const dirty = useRef(false);
  const conflict = useRef(false);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const saveOnce = useCallback(async (): Promise<boolean> => {
    if (conflict.current) return false;
    if (!dirty.current) return true;
    dirty.current = false;
    setSave({ kind: 'saving' });
    try {
      const saved = await saveApplication(
        application.id,
        version.current,
        savableDraft(schema, latest.current),
      );
      version.current = saved.contentVersion;
      setSave(dirty.current ? { kind: 'saving' } : { kind: 'saved', at: new Date() });
      return true;
    } catch (error) {
      dirty.current = true;
      if (error instanceof ProblemError && error.status === 409) {
        const current = (error.problem as { currentVersion?: number }).currentVersion;
        conflict.current = true;
        setSave({ kind: 'conflict', currentVersion: current ?? version.current });
      } else setSave({ kind: 'failed' });
      return false;
    }
  }, [application.id, schema]);

  const saveNow = useCallback(() => {
    clearTimeout(timer.current);
    queue.current = queue.current.then(saveOnce, saveOnce);
    return queue.current;
  }, [saveOnce]);

  const onChange = (next: FormData) => {
    latest.current = next;
    setData(next);
    dirty.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
  };

  // Leaving the page saves what was typed; closing the tab with unsaved input asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (dirty.current && !conflict.current) void saveNow();
    };
  }, [saveNow]);

  const loadNewest = async () => {
    const fresh = await queryClient.fetchQuery({
      ...applicationQueries.byReference(application.reference),
      staleTime: 0,
    });
    if (!fresh) return;
    clearTimeout(timer.current);
    latest.current = fresh.content;
    version.current = fresh.contentVersion;
    dirty.current = false;
    conflict.current = false;
    setData(fresh.content);
    setFormKey((k) => k + 1);
    setSave({ kind: 'idle' });
  };

  const keepMine = (currentVersion: number) => {
    version.current = currentVersion;
    conflict.current = false;
    dirty.current = true;
    void saveNow();
  };

  const submit = async (content: FormData) => {
    latest.current = content;
    dirty.current = true;
    setSubmitting(true);
    setSubmitFailed(false);
    try {
      if (!(await saveNow())) return;
      await submitApplication(application.id);
      await queryClient.invalidateQueries({ queryKey: applicationQueries.all() });
      void navigate(casePath(application.reference));
    } catch (error) {
      const refused = refusalErrors(error, 'content', schema, layout, language, t);
      if (refused) {
        setServerErrors(refused);
        setServerAttempt((n) => n + 1);
      } else setSubmitFailed(true);
    } finally {
      setSubmitting(false);
    }
  };

  const status =
    save.kind === 'saving'
      ? t('applicationForm.saving')
      : save.kind === 'saved'
        ? t('applicationForm.savedAt', { time: timeFormat(language).format(save.at) })
        : save.kind === 'failed'
          ? t('applicationForm.saveFailed')
          : save.kind === 'conflict'
            ? t('applicationForm.conflictTitle')
            : '';

  return (
    <>
      {save.kind === 'conflict' && (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t('applicationForm.conflictTitle')}
          </Heading>
          <Paragraph>{t('applicationForm.conflictBody')}</Paragraph>
          <div className="form-buttons">
            <Button type="button" variant="secondary" onClick={() => void loadNewest()}>
              {t('applicationForm.loadNewest')}
            </Button>
            <Button type="button" onClick={() => keepMine(save.currentVersion)}>
              {t('applicationForm.keepMine')}
            </Button>
          </div>
        </Alert>
      )}
      {submitFailed && <Alert data-color="danger">{t('applicationForm.submitFailed')}</Alert>}
      <SchemeForm
        key={formKey}
        schema={schema}
        layout={layout}
        formData={data}
        onChange={onChange}
        onSubmit={(content) => void submit(content)}
        submitting={submitting}
        submitLabel={t('applicationForm.submit')}
        serverErrors={serverErrors}
        serverAttempt={serverAttempt}
        status={
          <Paragraph data-size="sm" role="status" aria-live="polite" className="form-status">
            {status}
          </Paragraph>
        }
      />
    </>
  );
}
