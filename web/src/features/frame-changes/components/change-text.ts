// A change of a frame in words: organisation numbers as typed, and the API's refusals.
import { ProblemError } from '../../../api/problem';
import type { Translate } from '../../../i18n/i18n';

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** Nine digits (spaces allowed) whose last is the MOD11 check digit; the digits, or null. */
export function organisationNumberOf(text: string): string | null {
  const digits = text.replace(/[\s\u00a0]/g, '');
  if (!/^\d{9}$/.test(digits)) return null;
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[8]) ? digits : null;
}

/** The API's refusal in words: a frame that would be overspent says what is available. */
export function refusalWords(error: unknown, t: Translate, kroner: (ore: number) => string): string {
  if (!(error instanceof ProblemError)) return t('frameChanges.refusal.network');
  const problem = error.problem as Record<string, unknown>;
  const amount = (name: string) => (typeof problem[name] === 'number' ? kroner(problem[name]) : '');
  switch (problem.code) {
    case 'frame_exhausted':
      return t('frameChanges.refusal.exhausted', {
        available: amount('available'),
        requested: amount('requested'),
      });
    case 'case_reference_required':
      return t('frameChanges.refusal.caseReference');
    case 'invalid_organisation_number':
      return t('frameChanges.refusal.organisationNumber');
    case 'frame_closed':
      return t('frameChanges.refusal.closed');
    case 'same_frame':
      return t('frameChanges.refusal.sameFrame');
    case 'currency_mismatch':
      return t('frameChanges.refusal.currency');
    case 'invalid_amount':
      return t('frameChanges.refusal.amount');
    default:
      break;
  }
  if (error.status === 403) return t('frameChanges.refusal.forbidden');
  if (error.status === 404) return t('frameChanges.refusal.notFound');
  if (error.status === 400 || error.status === 422) return t('frameChanges.refusal.invalid');
  return t('frameChanges.refusal.other');
}
