import { describe, expect, it } from '@jest/globals';
import {
  formatDate,
  formatOrganisationNumber,
  formatDateTime,
  formatKroner,
  formatNumber,
  isoDateInNorway,
  reasonSentence,
} from './format';

// nb-NO groups digits with a no-break space; so does the space after `kr`.
const nb = (text: string) => text.replace(/ /g, '\u00a0');

describe('formatKroner', () => {
  it('turns whole øre into kroner, with no øre when there are none', () => {
    expect(formatKroner(123_456_700)).toBe(nb('kr 1 234 567'));
    expect(formatKroner(2_330_000_000)).toBe(nb('kr 23 300 000'));
    expect(formatKroner(0)).toBe(nb('kr 0'));
  });

  it('shows øre after a comma when there are some', () => {
    expect(formatKroner(123_456_750)).toBe(nb('kr 1 234 567,50'));
    expect(formatKroner(1)).toBe(nb('kr 0,01'));
  });

  it('groups and marks decimals the English way in English', () => {
    expect(formatKroner(123_456_750, 'en')).toBe('NOK\u00a01,234,567.50');
  });

  it('refuses fractions of an øre', () => {
    expect(() => formatKroner(1.5)).toThrow(RangeError);
  });
});

describe('formatOrganisationNumber', () => {
  it('groups the nine digits in threes, and leaves anything else as it is', () => {
    expect(formatOrganisationNumber('921456786')).toBe('921 456 786');
    expect(formatOrganisationNumber('12345')).toBe('12345');
  });
});

describe('formatNumber', () => {
  it('groups thousands with a no-break space', () => {
    expect(formatNumber(1_234_567)).toBe(nb('1 234 567'));
  });
});

describe('dates in Europe/Oslo', () => {
  it('gives the Norwegian calendar day, not the UTC one', () => {
    // 23:30 UTC on 31 January is 00:30 on 1 February in Oslo (winter, UTC+1).
    expect(formatDate('2026-01-31T23:30:00Z')).toBe('1. februar 2026');
    expect(formatDate('2026-01-31T23:30:00Z', 'en')).toBe('1 February 2026');
    expect(isoDateInNorway('2026-01-31T23:30:00Z')).toBe('2026-02-01');
  });

  it('follows summer time', () => {
    // 22:30 UTC on 30 June is 00:30 on 1 July in Oslo (summer, UTC+2).
    expect(formatDateTime('2026-06-30T22:30:00Z')).toBe('1. juli 2026 kl. 00:30');
  });
});

describe('reasonSentence', () => {
  const reason = {
    code: 'grant_exceeds_call_cap',
    message: 'The requested 900 000 NOK exceeds the maximum of 500 000 NOK per project',
    text: {
      nb: 'Omsøkt beløp på 900 000 kr er mer enn maksimum på 500 000 kr per prosjekt',
      en: 'The requested 900 000 NOK exceeds the maximum of 500 000 NOK per project',
    },
  };

  it('says a rule reason in the language the user reads', () => {
    expect(reasonSentence(reason, 'nb')).toBe(reason.text.nb);
    expect(reasonSentence(reason, 'en')).toBe(reason.text.en);
  });

  it('falls back to the English message when the server sent no text', () => {
    expect(reasonSentence({ message: 'Too low' }, 'nb')).toBe('Too low');
  });
});
