import { describe, expect, it } from '@jest/globals';
import { dateInputText, parseDateInput } from './date-input';
import { kronerInputText, parseKroner } from './money';

describe('parseKroner', () => {
  it.each([
    ['12500', 1_250_000],
    ['12 500', 1_250_000],
    ['12\u00a0500', 1_250_000],
    ['12\u202f500', 1_250_000],
    ['12 500,50', 1_250_050],
    ['12 500,5', 1_250_050],
    ['12500.5', 1_250_050],
    ['12.500', 1_250_000],
    ['1.234.567,89', 123_456_789],
    ['kr 12 500', 1_250_000],
    ['12 500 kr', 1_250_000],
    ['12 500,-', 1_250_000],
    ['0', 0],
    ['0,01', 1],
    ['  7 ', 700],
  ])('reads %j as %d øre', (text, ore) => {
    expect(parseKroner(text)).toBe(ore);
  });

  it.each(['', ' ', 'abc', '-100', '12,345', '12,5,0', '1 2a', '12.50.3', '99999999999999999'])(
    'refuses %j',
    (text) => {
      expect(parseKroner(text)).toBeNull();
    },
  );
});

describe('kronerInputText', () => {
  it.each([
    [0, '0'],
    [1, '0,01'],
    [1_250_000, '12 500'],
    [1_250_050, '12 500,50'],
    [123_456_789, '1 234 567,89'],
  ])('shows %d øre as %j', (ore, text) => {
    expect(kronerInputText(ore)).toBe(text);
  });

  it('uses a decimal point when asked, and reads back what it shows', () => {
    expect(kronerInputText(1_250_050, '.')).toBe('12 500.50');
    for (const ore of [0, 5, 99, 100, 1_250_050, 123_456_789])
      expect(parseKroner(kronerInputText(ore))).toBe(ore);
  });
});

describe('parseDateInput', () => {
  it.each([
    ['2.3.2026', '2026-03-02'],
    ['02.03.2026', '2026-03-02'],
    ['2026-03-02', '2026-03-02'],
    [' 29.02.2028 ', '2028-02-29'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDateInput(text)).toBe(iso);
  });

  it.each(['', '31.02.2026', '29.02.2027', '2026-13-01', '1.1.26', 'i morgen'])('refuses %j', (text) => {
    expect(parseDateInput(text)).toBeNull();
  });

  it('shows a stored date as dd.mm.åååå', () => {
    expect(dateInputText('2026-03-02')).toBe('02.03.2026');
  });
});
