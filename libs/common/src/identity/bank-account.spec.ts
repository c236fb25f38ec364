import { DomainError } from '../errors';
import {
  accountNumberCheckDigit,
  isNorwegianAccountNumber,
  parseBic,
  parseIban,
  parseNorwegianAccountNumber,
} from './bank-account';

describe('Norwegian account numbers (kontonummer)', () => {
  it('computes the MOD11 check digit with weights 5,4,3,2,7,6,5,4,3,2', () => {
    expect(accountNumberCheckDigit('8601111794')).toBe(7);
    expect(accountNumberCheckDigit('1576847438')).toBe(6);
  });

  it('accepts a valid number with or without the usual spaces and dots', () => {
    expect(isNorwegianAccountNumber('86011117947')).toBe(true);
    expect(isNorwegianAccountNumber('8601 11 17947')).toBe(true);
    expect(parseNorwegianAccountNumber('8601.11.17947')).toBe('86011117947');
  });

  it('refuses a wrong check digit, a wrong length and letters, naming the field', () => {
    for (const bad of ['86011117949', '8601111794', '860111179470', '8601111794X']) {
      expect(isNorwegianAccountNumber(bad)).toBe(false);
      expect(() => parseNorwegianAccountNumber(bad, 'bankAccount')).toThrow(DomainError);
    }
    expect(() => parseNorwegianAccountNumber('86011117949', 'bankAccount')).toThrow(
      expect.objectContaining({
        code: 'invalid_account_number',
        extensions: { field: 'bankAccount' },
        message: expect.stringContaining('expected 7') as unknown,
      }),
    );
  });

  it('refuses ten digits whose remainder admits no check digit', () => {
    // Find a ten-digit prefix with remainder 1: every eleventh digit after it is refused.
    const prefix = Array.from({ length: 100 }, (_, i) => `86011117${String(i).padStart(2, '0')}`).find(
      (p) => accountNumberCheckDigit(p) === null,
    );
    expect(prefix).toBeDefined();
    for (let d = 0; d <= 9; d++) expect(isNorwegianAccountNumber(`${prefix}${d}`)).toBe(false);
  });
});

describe('IBAN and BIC', () => {
  it('accepts an IBAN with its MOD97 check digits, spaced or not, and gives it back compact', () => {
    expect(parseIban('no93 8601 1117 947')).toBe('NO9386011117947');
    expect(parseIban('DE89370400440532013000')).toBe('DE89370400440532013000');
  });
  it('refuses wrong check digits and malformed IBANs on the field', () => {
    expect(() => parseIban('NO9486011117947', 'iban')).toThrow(/MOD97/);
    expect(() => parseIban('1234')).toThrow(/country code/);
  });
  it('accepts a BIC of 8 or 11 characters', () => {
    expect(parseBic('dnbanokk')).toBe('DNBANOKK');
    expect(parseBic('DNBANOKKXXX')).toBe('DNBANOKKXXX');
    expect(() => parseBic('DNB')).toThrow(/8 or 11/);
  });
});
