import { Button, ErrorSummary, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { RJSFValidationError } from '@rjsf/utils';
import { useEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import type { SchemeFormContext } from './form-context';
import {
  askedSteps,
  inFormOrder,
  errorSchemaOf,
  fieldId,
  propertyPath,
  stepOf,
  transformErrorsFor,
  uiSchemaFor,
  withoutUnasked,
  type FormData,
  type FormError,
  type JsonSchema,
} from './layout-ui';
import type { FormLayout } from './layout';
import { ThemedForm } from './theme';
import { schemeValidator } from './validator';

export interface SchemeFormProps {
  readonly schema: JsonSchema;
  readonly layout: FormLayout;
  readonly formData: FormData;
  readonly onChange: (data: FormData) => void;
  /** Called with the whole form once it passes the schema; the page sends it. */
  readonly onSubmit: (data: FormData) => void;
  readonly submitting: boolean;
  readonly submitLabel: string;
  /** What the server refused on the last submission: placed on the fields and in the summary. */
  readonly serverErrors: readonly FormError[];
  /** Counts the server's refusals, so that each one brings the summary up (and focuses it) again. */
  readonly serverAttempt: number;
  /** Shown between the form's fields and its buttons (e.g. the autosave status). */
  readonly status?: ReactNode;
}

/**
 * A scheme's form (application or final report), drawn from its JSON Schema and the scheme's
 * layout: one step at a time, with Previous/Next, and on submit an error summary at the top that
 * takes focus and links each error to its field (switching to the field's step).
 */
export function SchemeForm(props: SchemeFormProps) {
  const {
    schema,
    layout,
    formData,
    onChange,
    onSubmit,
    submitting,
    submitLabel,
    serverErrors,
    serverAttempt,
  } = props;
  const { t, language } = useI18n();
  const steps = askedSteps(layout, formData);
  const [stepIndex, setStepIndex] = useState(0);
  const current = Math.min(stepIndex, steps.length - 1);
  const step = steps[current];
  const [clientErrors, setClientErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  // A request to move focus after the next render: to a field (a summary link) or the step's heading.
  const [focusRequest, setFocusRequest] = useState<{ id: string | null; n: number }>({ id: null, n: 0 });
  const stepHeading = useRef<HTMLHeadingElement>(null);

  const uiSchema = useMemo(() => uiSchemaFor(schema, layout, language), [schema, layout, language]);
  const transformErrors = useMemo(
    () =>
      transformErrorsFor(schema, layout, language, {
        required: t('form.error.required'),
        choose: t('form.error.choose'),
        answer: t('form.error.answer'),
        maxLength: t('form.error.maxLength'),
        minimum: t('form.error.minimum'),
        maximum: t('form.error.maximum'),
        minItems: t('form.error.minItems'),
        pattern: t('form.error.pattern'),
        invalid: t('form.error.invalid'),
      }),
    [schema, layout, language, t],
  );
  const context: SchemeFormContext = {
    language,
    stepFields: step?.fields ?? [],
    words: {
      optional: t('form.optional'),
      yes: t('form.yes'),
      no: t('form.no'),
      choose: t('form.choose'),
      add: t('form.add'),
      remove: t('form.remove'),
      itemHeading: t('form.itemHeading'),
      kronerInvalid: t('form.kronerInvalid'),
      percentInvalid: t('form.percentInvalid'),
      dateInvalid: t('form.dateInvalid'),
      dateHint: t('form.dateHint'),
      numberInvalid: t('form.numberInvalid'),
    },
  };

  // On the next frame: after the click that asked for it has finished (a link takes focus on press).
  useEffect(() => {
    if (!focusRequest.n) return;
    const frame = requestAnimationFrame(() => {
      if (focusRequest.id) document.getElementById(focusRequest.id)?.focus();
      else stepHeading.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusRequest]);

  const goTo = (index: number) => {
    setStepIndex(index);
    setFocusRequest((r) => ({ id: null, n: r.n + 1 }));
  };

  const summary = inFormOrder(layout, [...clientErrors, ...serverErrors]);
  const showSummary = summary.length > 0 && attempt + serverAttempt > 0;

  const openError = (event: MouseEvent<HTMLAnchorElement>, error: FormError) => {
    event.preventDefault();
    if (!error.path.length) return;
    const target = steps.findIndex((s) => s.index === stepOf(layout, error.path));
    if (target >= 0) setStepIndex(target);
    setFocusRequest((r) => ({ id: fieldId(error.path), n: r.n + 1 }));
  };

  return (
    <div className="scheme-form">
      {showSummary && (
        <ErrorSummary key={`${attempt}-${serverAttempt}`}>
          <ErrorSummary.Heading>{t('form.errorSummary')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {summary.map((error, i) => (
              <ErrorSummary.Item key={`${fieldId(error.path)}-${i}`}>
                {error.path.length ? (
                  <ErrorSummary.Link href={`#${fieldId(error.path)}`} onClick={(e) => openError(e, error)}>
                    {error.message}
                  </ErrorSummary.Link>
                ) : (
                  error.message
                )}
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <nav aria-label={t('form.steps')}>
        <ol className="form-steps">
          {steps.map((s, i) => (
            <li key={s.index} aria-current={i === current ? 'step' : undefined}>
              {i === current ? (
                <strong>{s.title[language]}</strong>
              ) : (
                <Button type="button" variant="tertiary" data-size="sm" onClick={() => goTo(i)}>
                  {s.title[language]}
                </Button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <Heading level={2} data-size="sm" ref={stepHeading} tabIndex={-1} className="page-heading">
        {t('form.stepHeading', {
          number: current + 1,
          count: steps.length,
          title: step?.title[language] ?? '',
        })}
      </Heading>
      <Paragraph data-size="sm">{t('form.allRequired')}</Paragraph>
      <ThemedForm
        schema={schema}
        uiSchema={uiSchema}
        formData={formData}
        validator={schemeValidator}
        formContext={context}
        showErrorList={false}
        noHtml5Validate
        transformErrors={transformErrors}
        extraErrors={errorSchemaOf(serverErrors.filter((e) => e.path.length))}
        experimental_defaultFormStateBehavior={{ emptyObjectFields: 'skipDefaults' }}
        onChange={(event) => onChange(withoutUnasked(layout, (event.formData ?? {}) as FormData))}
        onError={(errors: RJSFValidationError[]) => {
          setClientErrors(errors.map((e) => ({ path: propertyPath(e.property), message: e.message ?? '' })));
          setAttempt((n) => n + 1);
        }}
        onSubmit={(event) => {
          setClientErrors([]);
          onSubmit(withoutUnasked(layout, (event.formData ?? {}) as FormData));
        }}
      >
        {props.status}
        <div className="form-buttons">
          {current > 0 && (
            <Button type="button" variant="secondary" onClick={() => goTo(current - 1)}>
              {t('form.previous')}
            </Button>
          )}
          {current < steps.length - 1 ? (
            // Distinct keys: a button turned from "Next" into "Submit" under the pointer would submit the click.
            <Button key="next" type="button" onClick={() => goTo(current + 1)}>
              {t('form.next')}
            </Button>
          ) : (
            <Button key="submit" type="submit" loading={submitting} disabled={submitting}>
              {submitLabel}
            </Button>
          )}
        </div>
      </ThemedForm>
    </div>
  );
}
