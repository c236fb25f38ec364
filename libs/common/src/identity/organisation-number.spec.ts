import { DomainError } from '../errors';
import { organisationNumberCheckDigit, parseOrganisationNumber } from './organisation-number';

describe('organisation numbers (MOD11)', () => {
  it.each(['923609016', '942110464', '974760673', '921456786', '931567896'])('accepts %s', (n) => {
    expect(parseOrganisationNumber(n)).toBe(n);
  });

  it('normalises spaces', () => {
    expect(parseOrganisationNumber('923 609 016')).toBe('923609016');
  });

  it('computes check digits, including remainder 0 and the impossible remainder 1', () => {
    expect(organisationNumberCheckDigit('92360901')).toBe(6);
    expect(organisationNumberCheckDigit('99887766')).toBe(0);
    expect(organisationNumberCheckDigit('91234567')).toBeNull();
  });

  it('refuses a wrong check digit, saying which digit was expected', () => {
    expect(() => parseOrganisationNumber('923609017')).toThrow(
      'Organisation number 923609017 has a wrong check digit: 7, expected 6 (MOD11)',
    );
    try {
      parseOrganisationNumber('923609017');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ kind: 'unprocessable', code: 'invalid_organisation_number' });
    }
  });

  it('refuses numbers whose first eight digits admit no check digit', () => {
    expect(() => parseOrganisationNumber('912345670')).toThrow(/no check digit exists/);
  });

  it.each(['12345678', '1234567890', '92360901X', ''])('refuses %j for its length or characters', (n) => {
    expect(() => parseOrganisationNumber(n)).toThrow(/must have exactly 9 digits/);
  });
});
