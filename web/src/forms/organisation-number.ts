// The organisation number check of the server (MOD11, libs/common), shared so a field shows the same
// verdict before it is sent.
import { organisationNumberCheckDigit } from '../../../libs/common/src/identity/organisation-number';

/** True for nine digits (spaces allowed) whose last digit is the MOD11 check digit. */
export function isOrganisationNumber(input: string): boolean {
  const digits = input.replace(/[\s.]/g, '');
  return /^\d{9}$/.test(digits) && organisationNumberCheckDigit(digits.slice(0, 8)) === Number(digits[8]);
}
