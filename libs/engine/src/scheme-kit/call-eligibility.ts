import type { EligibilityRule } from '../eligibility';
import { fail, type ReasonWith } from './rule-results';

/**
 * A call's `organisation_form` rule may name only forms the organisation register knows (the
 * kernel's rule type takes any code, the list of known forms lives with the organisations), so a
 * typo does not quietly shut everyone out. One reason per rule naming unknown forms.
 */
export function unknownOrganisationForms(
  eligibility: readonly EligibilityRule[],
  knownForms: readonly string[],
): ReasonWith<'invalid_call_eligibility'>[] {
  return eligibility.flatMap((rule, i) => {
    if (rule.rule !== 'organisation_form') return [];
    const unknown = rule.forms.filter((form) => !knownForms.includes(form));
    return unknown.length
      ? fail(
          'invalid_call_eligibility',
          {
            nb: `Ukjente organisasjonsformer: ${unknown.join(', ')}`,
            en: `Unknown organisation forms: ${unknown.join(', ')}`,
          },
          `eligibility.${i}.forms`,
        )
      : [];
  });
}
