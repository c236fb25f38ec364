import { Textfield } from '@digdir/designsystemet-react';
import { dateInputText } from '../../../forms/date-input';
import { useI18n } from '../../../i18n/i18n';
import { checkDueDate } from './casework-text';

/**
 * A due date as people write it: a text field for `dd.mm.åååå` with the format in its description
 * (as the applicant's forms have it), never `type="date"`, which follows the computer's language.
 */
export function DueDateField({
  id,
  label,
  help,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  help: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <Textfield
      id={id}
      label={label}
      description={`${help} ${t('form.dateHint')}`}
      inputMode="numeric"
      autoComplete="off"
      size={10}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onBlur={() => {
        // A date typed the short way (2.3.2026) is shown the long way once the field is left.
        const checked = checkDueDate(value, null);
        if (checked.ok) onChange(dateInputText(checked.date));
      }}
      error={error}
    />
  );
}
