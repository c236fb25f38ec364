import { ProblemError } from '../../../api/problem';
import { reasonSentence, type Language } from '../../../i18n/format';
import type { Translate } from '../../../i18n/i18n';
import { labelAt, type FormLayout } from '../../../forms/layout';
import { hasField, serverPath, type FormError, type JsonSchema } from '../../../forms/layout-ui';

interface SchemeReason {
  readonly code: string;
  readonly message: string;
  readonly text?: { readonly nb: string; readonly en: string };
  readonly field?: string;
}

/**
 * A refused submission as errors for the form: the fields the server found wrong (`errors`, with
 * our text naming the field) and the rules not met (`reasons`, whose sentence comes from the
 * scheme), each on its field when it names one the form has. Null when it is no such refusal.
 */
export function refusalErrors(
  error: unknown,
  prefix: 'content' | 'report',
  schema: JsonSchema,
  layout: FormLayout,
  language: Language,
  t: Translate,
): FormError[] | null {
  if (!(error instanceof ProblemError) || ![400, 422].includes(error.status)) return null;
  const problem = error.problem as { errors?: { field: string }[]; reasons?: SchemeReason[] };
  const found: FormError[] = [];
  const place = (field: string | undefined) => {
    const path = serverPath(field, prefix);
    return path.length && hasField(schema, path) ? path : [];
  };
  for (const problemField of problem.errors ?? []) {
    const path = place(problemField.field);
    const label = labelAt(layout, path, language);
    found.push({
      path,
      message: label
        ? t('form.error.server', { label })
        : t('form.error.ruleNoField', { message: problemField.field }),
    });
  }
  for (const reason of problem.reasons ?? []) {
    const path = place(reason.field);
    const label = labelAt(layout, path, language);
    const message = reasonSentence(reason, language);
    found.push({
      path,
      message: label ? t('form.error.rule', { label, message }) : t('form.error.ruleNoField', { message }),
    });
  }
  return found.length ? found : null;
}
