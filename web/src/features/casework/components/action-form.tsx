import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { refusalText } from './casework-text';
import { FieldErrorSummary, type FieldError } from '../../../ui/field-error-summary';

/** A field the user must correct: its input's id (the summary links to it) and what is wrong. */
export type { FieldError };

/** A refusal of the API in words, next to the action; it takes focus so it is read out at once. */
export function Refusal({ error }: { error: unknown }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [error]);
  const messages = refusalText(error);
  return (
    <Alert data-color="danger" ref={ref} tabIndex={-1} className="refusal">
      <Heading level={4} data-size="2xs">
        {t('casework.refusal.heading')}
      </Heading>
      {messages.map((message) => (
        <Paragraph key={message}>{t(message)}</Paragraph>
      ))}
    </Alert>
  );
}

/**
 * One action on the case as a form: its fields, an error summary above the button on a failed
 * submit (focused), and the API's refusal in words beside it. `validate` returns the errors, or
 * null and sends the command.
 */
export function ActionForm({
  id,
  heading,
  intro,
  submitLabel,
  pending,
  refusal,
  validate,
  children,
}: {
  id: string;
  heading: string;
  intro?: ReactNode;
  submitLabel: string;
  pending: boolean;
  refusal: unknown;
  validate: () => FieldError[];
  children?: (errorFor: (field: string) => string | undefined) => ReactNode;
}) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const found = validate();
    setErrors(found);
    if (found.length > 0) setAttempt((n) => n + 1);
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="case-action">
      <Heading level={3} data-size="xs" id={`${id}-heading`}>
        {heading}
      </Heading>
      {intro}
      <form noValidate onSubmit={submit} className="case-action-form">
        {children?.((field) => {
          const found = errors.find((e) => e.field === field);
          return found ? t(found.message) : undefined;
        })}
        {errors.length > 0 && (
          <FieldErrorSummary key={attempt} heading={t('casework.form.errorHeading')} errors={errors} />
        )}
        {refusal != null && <Refusal error={refusal} />}
        <div>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </section>
  );
}
