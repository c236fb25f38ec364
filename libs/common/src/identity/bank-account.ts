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

/**
 * Normalises ("no93 8601 1117 947" → "NO9386011117947") and validates an IBAN: a country code, two
 * check digits and up to 30 letters or digits, passing the ISO 13616 MOD97 check. Throws an
 * `unprocessable` `invalid_iban` error on `field`.
 */
export function parseIban(input: string, field = 'iban'): string {
  const iban = input.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) {
    throw new DomainError(
      'unprocessable',
      'invalid_iban',
      `IBAN "${input}" must be a country code, two check digits and 11 to 30 letters or digits`,
      { field },
    );
  }
  const rearranged = `${iban.slice(4)}${iban.slice(0, 4)}`;
  let remainder = 0;
  for (const ch of rearranged) {
    const value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  if (remainder !== 1) {
    throw new DomainError('unprocessable', 'invalid_iban', `IBAN ${iban} has wrong check digits (MOD97)`, {
      field,
    });
  }
  return iban;
}

/** Normalises and validates a BIC (SWIFT code): 8 or 11 letters and digits. Throws `invalid_bic` on `field`. */
export function parseBic(input: string, field = 'bic'): string {
  const bic = input.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) {
    throw new DomainError(
      'unprocessable',
      'invalid_bic',
      `BIC "${input}" must have 8 or 11 letters or digits`,
      {
        field,
      },
    );
  }
  return bic;
}
