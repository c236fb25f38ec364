import { DomainError } from '../errors';

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/**
 * The check digit a Norwegian bank account number (kontonummer, 11 digits: bank, account group,
 * account, check digit) must end with by the MOD11 rule, or `null` when the first ten digits admit
 * none (remainder 1). The check shows a typing error, not that the account exists or whose it is.
 */
export function accountNumberCheckDigit(firstTen: string): number | null {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(firstTen[i]), 0);
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null;
  return 11 - remainder;
}

/** True for eleven digits (spaces and dots allowed) whose last digit is the MOD11 check digit. */
export function isNorwegianAccountNumber(input: string): boolean {
  const digits = input.replace(/[\s.]/g, '');
  return /^\d{11}$/.test(digits) && accountNumberCheckDigit(digits.slice(0, 10)) === Number(digits[10]);
}

/**
 * Normalises ("8601 11 17947" → "86011117947") and validates a Norwegian account number. Throws an
 * `unprocessable` `invalid_account_number` error on `field` saying exactly what is wrong.
 */
export function parseNorwegianAccountNumber(input: string, field = 'accountNumber'): string {
  const digits = input.replace(/[\s.]/g, '');
  if (!/^\d{11}$/.test(digits)) {
    throw new DomainError(
      'unprocessable',
      'invalid_account_number',
      `Account number "${input}" must have exactly 11 digits`,
      { field },
    );
  }
  const expected = accountNumberCheckDigit(digits.slice(0, 10));
  const actual = Number(digits[10]);
  if (expected !== actual) {
    throw new DomainError(
      'unprocessable',
      'invalid_account_number',
      expected === null
        ? `Account number ${digits} is not valid: no check digit exists for its first ten digits`
        : `Account number ${digits} has a wrong check digit: ${actual}, expected ${expected} (MOD11)`,
      { field },
    );
  }
  return digits;
}
