import {
  Alert,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';
import type { StaffRole } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { ROLES, roleHelp, roleName } from './staff-text';
import { FieldErrorSummary, type FieldError } from '../../../ui/field-error-summary';

/** A field the user must correct: its input's id (the summary links to it) and what is wrong. */
export type { FieldError };

/** The id of a role's checkbox in a group; the first one is where the summary sends focus. */
export const roleCheckboxId = (group: string, role: StaffRole) => `${group}-${role}`;

/** The roles as checkboxes in a fieldset, at least one to be chosen. */
export function RoleCheckboxes({
  id,
  legend,
  description,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  description?: string;
  value: readonly StaffRole[];
  onChange: (roles: StaffRole[]) => void;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      {ROLES.map((role) => (
        <Checkbox
          key={role}
          id={roleCheckboxId(id, role)}
          label={t(roleName(role))}
          description={t(roleHelp(role))}
          value={role}
          checked={value.includes(role)}
          aria-invalid={error ? true : undefined}
          onChange={(event) =>
            onChange(
              event.target.checked
                ? ROLES.filter((r) => r === role || value.includes(r))
                : value.filter((r) => r !== role),
            )
          }
        />
      ))}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

/** The errors of a failed submit, above its button; mounted anew (`key`) it takes focus again. */
export function FormErrors({ errors }: { errors: readonly FieldError[] }) {
  const { t } = useI18n();
  return <FieldErrorSummary heading={t('staffAdmin.form.errorHeading')} errors={errors} />;
}

/** A message that takes focus when it appears, so it is read out at once (a refusal, or done). */
export function Notice({
  color,
  heading,
  children,
}: {
  color: 'danger' | 'success';
  heading?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Alert data-color={color} ref={ref} tabIndex={-1}>
      {heading && (
        <Heading level={3} data-size="2xs">
          {heading}
        </Heading>
      )}
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}
