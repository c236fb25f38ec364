import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { ProblemError } from '../../../api/problem';
import type { Frame, Scheme } from '../../../api/types';
import type { FormData, FormError } from '../../../forms/layout-ui';
import { SchemeForm } from '../../../forms/scheme-form';
import { useI18n } from '../../../i18n/i18n';
import { callFormLayout, callFormSchema, callRequest, framesFor, refusedCallErrors } from './call-form-model';

export type CallRequest = ReturnType<typeof callRequest>;

/** One Idempotency-Key per intent: the same while the same body is sent again, a new one when it changes. */
export function useCommandKey() {
  const last = useRef<{ body: string; key: string } | null>(null);
  return useCallback((body: object) => {
    const json = JSON.stringify(body);
    if (last.current?.body !== json) last.current = { body: json, key: crypto.randomUUID() };
    return last.current.key;
  }, []);
}

/**
 * A call's draft as a form: name, year, frame and dates, then the scheme's parameters step by
 * step. `save` sends it; a refusal is shown on its fields and in the summary, a concurrent edit
 * (409) is explained with a way to load the newest version.
 */
export function CallForm(props: {
  scheme: Scheme;
  frames: readonly Frame[];
  initial: FormData;
  /** The parameters the call is based on: the window's instants on days left unchanged are kept from here. */
  base: Record<string, unknown>;
  submitLabel: string;
  save: (request: CallRequest) => Promise<void>;
  onReload?: () => void;
}) {
  const { scheme, frames, initial, base, submitLabel, save, onReload } = props;
  const { t, language } = useI18n();
  const schema = useMemo(() => callFormSchema(scheme, frames), [scheme, frames]);
  const layout = useMemo(
    () =>
      callFormLayout(
        scheme,
        frames,
        {
          details: t('callAdmin.form.details'),
          title: t('callAdmin.form.title'),
          year: t('callAdmin.form.year'),
          frame: t('callAdmin.form.frame'),
          frameHelp: t('callAdmin.form.frameHelp'),
        },
        language,
      ),
    [scheme, frames, t, language],
  );
  const [data, setData] = useState<FormData>(initial);
  const [serverErrors, setServerErrors] = useState<FormError[]>([]);
  const [serverAttempt, setServerAttempt] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<'failed' | 'conflict' | null>(null);

  const submit = async (next: FormData) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await save(callRequest(scheme, next, base));
      setServerErrors([]);
    } catch (error) {
      if (error instanceof ProblemError && error.status === 409) {
        setFailure('conflict');
        return;
      }
      const refused = refusedCallErrors(error, schema, layout, language, t);
      if (refused) {
        setServerErrors(refused);
        setServerAttempt((n) => n + 1);
      } else setFailure('failed');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      {failure === 'conflict' && (
        <Alert data-color="warning">
          <Heading level={3} data-size="xs">
            {t('callAdmin.conflictTitle')}
          </Heading>
          <Paragraph>{t('callAdmin.conflictBody')}</Paragraph>
          {onReload && (
            <Button type="button" variant="secondary" onClick={onReload}>
              {t('callAdmin.loadNewest')}
            </Button>
          )}
        </Alert>
      )}
      {failure === 'failed' && <Alert data-color="danger">{t('callAdmin.saveFailed')}</Alert>}
      {framesFor(frames, scheme.id).length === 0 && (
        <Alert data-color="info">{t('callAdmin.form.noFrames')}</Alert>
      )}
      <SchemeForm
        schema={schema}
        layout={layout}
        formData={data}
        onChange={setData}
        onSubmit={(next) => void submit(next)}
        submitting={submitting}
        submitLabel={submitLabel}
        serverErrors={serverErrors}
        serverAttempt={serverAttempt}
      />
    </>
  );
}
