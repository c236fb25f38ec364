import { describe, expect, it } from '@jest/globals';
import { ProblemError } from '../../../api/problem';
import { formatKroner } from '../../../i18n/format';
import { nb, type MessageKey } from '../../../i18n/nb';
import { organisationNumberOf, refusalWords } from './change-text';

const t = (key: MessageKey, values: Record<string, string | number> = {}) =>
  nb[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
const kroner = (ore: number) => formatKroner(ore, 'nb').replace(/\u00a0/g, ' ');

describe('a change of a frame in words', () => {
  it('accepts an organisation number with spaces only when its check digit is right', () => {
    expect(organisationNumberOf('921 456 786')).toBe('921456786');
    expect(organisationNumberOf('987654325')).toBe('987654325');
    expect(organisationNumberOf('987654321')).toBeNull();
    expect(organisationNumberOf('98765432')).toBeNull();
    expect(organisationNumberOf('98765432X')).toBeNull();
  });

  it('says what is available when the frame would be overspent', () => {
    const error = new ProblemError(422, {
      code: 'frame_exhausted',
      available: 1_000_000_00,
      requested: 2_500_000_00,
    } as never);
    expect(refusalWords(error, t, kroner)).toBe(
      'Rammen har ikke nok midler: tilgjengelig er kr 1 000 000, men du ba om kr 2 500 000.',
    );
  });

  it('names a missing case reference, a refused role and a lost connection in words', () => {
    expect(refusalWords(new ProblemError(422, { code: 'case_reference_required' }), t, kroner)).toBe(
      'Endringen må ha den politiske saksreferansen til vedtaket.',
    );
    expect(refusalWords(new ProblemError(403, { code: 'forbidden' }), t, kroner)).toBe(
      'Du har ikke tilgang til å endre rammen.',
    );
    expect(refusalWords(new TypeError('Failed to fetch'), t, kroner)).toBe(
      'Fikk ikke kontakt med tjenesten. Prøv igjen.',
    );
  });
});
