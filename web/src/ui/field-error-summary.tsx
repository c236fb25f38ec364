import { ErrorSummary } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nb';

/** A refused field: the id of its input, and what is wrong in words. */
export interface FieldError {
  field: string;
  message: MessageKey;
}

/**
 * The errors of a failed submit, each a link to its field. Designsystemet's summary takes focus when
 * it mounts, so give it a new `key` per attempt to have it announced again.
 */
export function FieldErrorSummary({ heading, errors }: { heading: string; errors: readonly FieldError[] }) {
  const { t } = useI18n();
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{heading}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {errors.map((error) => (
          <ErrorSummary.Item key={`${error.field}-${error.message}`}>
            <ErrorSummary.Link
              href={`#${error.field}`}
              onClick={(event) => {
                // Focus the field itself, without a route change (which would focus the heading).
                event.preventDefault();
                document.getElementById(error.field)?.focus();
              }}
            >
              {t(error.message)}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
