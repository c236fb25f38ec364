import { formatOre, isOre } from '@lib/common';
import { add24HourDays, addMonths, compareInstants, isInstant, normaliseInstant } from './time';

describe('øre', () => {
  it.each([
    [0, true],
    [1, true],
    [Number.MAX_SAFE_INTEGER, true],
    [-1, false],
    [0.5, false],
    [Number.MAX_SAFE_INTEGER + 1, false],
    [Number.NaN, false],
    ['100', false],
    [100n, false],
  ])('isOre(%p) is %p', (value, expected) => {
    expect(isOre(value)).toBe(expected);
  });

  it.each([
    [0, '0.00 kr'],
    [5, '0.05 kr'],
    [40_000_000, '400000.00 kr'],
    [-12_345, '-123.45 kr'],
  ])('formats %p as %p', (ore, text) => {
    expect(formatOre(ore)).toBe(text);
  });
});

describe('instants', () => {
  it.each(['2026-03-02T09:00:00Z', '2026-03-02T09:00Z', '2026-03-02T10:00:00.123+01:00'])(
    'accepts %p',
    (value) => {
      expect(isInstant(value)).toBe(true);
    },
  );

  it.each(['2026-03-02', '2026-03-02T09:00:00', '2026-13-40T09:00:00Z', 'now', 1_700_000_000_000, null])(
    'rejects %p',
    (value) => {
      expect(isInstant(value)).toBe(false);
    },
  );

  it('adds whole 24-hour days and normalises to UTC', () => {
    expect(add24HourDays('2026-03-15T11:30:00+01:00', 21)).toBe('2026-04-05T10:30:00.000Z');
    expect(normaliseInstant('2026-03-15T11:30:00+01:00')).toBe('2026-03-15T10:30:00.000Z');
  });

  it('adds calendar months, keeping the day or ending on the last day of a shorter month', () => {
    expect(addMonths('2026-03-02T09:00:00Z', 1)).toBe('2026-04-02T09:00:00.000Z');
    expect(addMonths('2026-01-31T10:00:00+01:00', 1)).toBe('2026-02-28T09:00:00.000Z');
    expect(addMonths('2028-01-31T09:00:00Z', 1)).toBe('2028-02-29T09:00:00.000Z');
    expect(addMonths('2026-12-15T09:00:00Z', 1)).toBe('2027-01-15T09:00:00.000Z');
  });

  it('compares instants across offsets', () => {
    expect(compareInstants('2026-03-15T11:30:00+01:00', '2026-03-15T10:30:00Z')).toBe(0);
    expect(compareInstants('2026-03-15T10:30:00Z', '2026-03-15T10:30:00.001Z')).toBeLessThan(0);
    expect(() => add24HourDays('soon', 1)).toThrow(RangeError);
  });
});
