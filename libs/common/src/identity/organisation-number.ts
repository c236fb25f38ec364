import { DomainError } from '../errors';

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/**
 * The check digit a Norwegian organisation number (organisasjonsnummer) must end with, by the
 * Brønnøysund register's MOD11 rule, or `null` when the first eight digits admit none (remainder 1).
 */
export function organisationNumberCheckDigit(firstEight: string): number | null {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(firstEight[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/**
 * Normalises ("923 609 016" → "923609016") and validates an organisation number.
 * Throws an `unprocessable` `invalid_organisation_number` error saying exactly what is wrong.
 */
export function parseOrganisationNumber(input: string): string {
  const digits = input.replace(/[\s.]/g, '');
  if (!/^\d{9}$/.test(digits)) {
    throw new DomainError(
      'unprocessable',
      'invalid_organisation_number',
      `Organisation number "${input}" must have exactly 9 digits`,
      { field: 'organisationNumber' },
    );
  }
  const expected = organisationNumberCheckDigit(digits.slice(0, 8));
  const actual = Number(digits[8]);
  if (expected === null) {
    throw new DomainError(
      'unprocessable',
      'invalid_organisation_number',
      `Organisation number ${digits} is not valid: no check digit exists for its first eight digits`,
      { field: 'organisationNumber' },
    );
  }
  if (expected !== actual) {
    throw new DomainError(
      'unprocessable',
      'invalid_organisation_number',
      `Organisation number ${digits} has a wrong check digit: ${actual}, expected ${expected} (MOD11)`,
      { field: 'organisationNumber' },
    );
  }
  return digits;
}
