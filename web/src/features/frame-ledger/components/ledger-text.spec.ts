import { describe, expect, it } from '@jest/globals';
import { en } from '../../../i18n/en';
import { nb } from '../../../i18n/nb';
import { filtersFrom, KINDS, kindWords } from './ledger-text';

describe('the ledger in words', () => {
  it('names every kind, and a movement between frames by its direction, in both languages', () => {
    for (const kind of KINDS)
      for (const direction of ['in', 'out', null] as const) {
        expect(nb[kindWords({ kind, direction })]).toBeTruthy();
        expect(en[kindWords({ kind, direction })]).toBeTruthy();
      }
    expect(nb[kindWords({ kind: 'top_up', direction: null })]).toBe('Tilleggsbevilgning');
    expect(nb[kindWords({ kind: 'reallocation', direction: 'out' })]).toBe('Omdisponering ut');
    expect(nb[kindWords({ kind: 'carry_over', direction: 'in' })]).toBe('Overføring inn');
  });

  it('takes from the address only filters the API accepts', () => {
    expect(
      filtersFrom(
        new URLSearchParams({
          kind: 'top_up',
          from: '2026-01-01',
          to: '2026-12-31',
          search: ' FT-sak 45/26 ',
        }),
      ),
    ).toEqual({ kind: 'top_up', from: '2026-01-01', to: '2026-12-31', search: 'FT-sak 45/26' });
    expect(
      filtersFrom(
        new URLSearchParams({ kind: 'gift', from: '2026-02-30', to: '31.12.2026', search: 'x'.repeat(101) }),
      ),
    ).toEqual({});
  });
});
