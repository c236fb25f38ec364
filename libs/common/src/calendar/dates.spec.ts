import {
  addDays,
  addMonths,
  daysBetween,
  endOfNorwegianDay,
  formatNorwegianDate,
  formatNorwegianDateTime,
  isIsoDate,
  isIsoInstant,
  norwegianDate,
} from './dates';

describe('calendar dates', () => {
  it('takes the calendar date in Norway, winter and summer time', () => {
    expect(norwegianDate(new Date('2026-02-01T22:59:59Z'))).toBe('2026-02-01');
    expect(norwegianDate(new Date('2026-02-01T23:00:00Z'))).toBe('2026-02-02');
    expect(norwegianDate(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(norwegianDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-3-1')).toBe(false);
  });

  it.each([
    '2026-01-05T08:00:00+01:00',
    '2026-01-05T08:00+01:00',
    '2026-01-05T08:00:00Z',
    '2026-01-05T08:00:00.123456789-05:30',
    '2028-02-29T23:59:59+01:00',
  ])('accepts the instant %s', (value) => {
    expect(isIsoInstant(value)).toBe(true);
  });

  it.each([
    ['an impossible day', '2027-02-30T12:00:00+01:00'],
    ['29 February of a common year', '2027-02-29T12:00:00+01:00'],
    ['month 13', '2027-13-01T12:00:00Z'],
    ['hour 24', '2027-01-01T24:00:00Z'],
    ['minute 60', '2027-01-01T12:60:00Z'],
    ['second 60', '2027-01-01T12:00:60Z'],
    ['an offset beyond 18 hours', '2027-01-01T12:00:00+19:00'],
    ['no offset (a time zone would be guessed)', '2027-01-01T12:00:00'],
    ['a date alone', '2027-01-01'],
    ['a space for T', '2027-01-01 12:00:00Z'],
    ['trailing text', '2027-01-01T12:00:00Zjunk'],
    ['an empty string', ''],
  ])('refuses %s', (_name, value) => {
    expect(isIsoInstant(value)).toBe(false);
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-02', 18)).toBe('2027-09-02');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('adds and counts days across month, year and DST changes', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-02', '2026-03-01')).toBe(-1);
  });

  it('writes dates and instants as Norwegians read them, in Norwegian time', () => {
    expect(formatNorwegianDate('2026-03-01')).toBe('01.03.2026');
    expect(formatNorwegianDateTime('2026-11-30T23:59:59+01:00')).toBe('30.11.2026 kl. 23:59');
    expect(formatNorwegianDateTime('2026-06-01T22:30:00Z')).toBe('02.06.2026 kl. 00:30');
  });

  it('ends a Norwegian day at 23:59 with the offset of the day, winter and summer', () => {
    expect(endOfNorwegianDay('2026-02-16')).toBe('2026-02-16T23:59:00+01:00');
    expect(endOfNorwegianDay('2026-06-15')).toBe('2026-06-15T23:59:00+02:00');
    // The days summer time starts and ends: the evening's offset.
    expect(endOfNorwegianDay('2026-03-29')).toBe('2026-03-29T23:59:00+02:00');
    expect(endOfNorwegianDay('2026-10-25')).toBe('2026-10-25T23:59:00+01:00');
    expect(new Date(endOfNorwegianDay('2026-02-16')).toISOString()).toBe('2026-02-16T22:59:00.000Z');
    expect(() => endOfNorwegianDay('16.02.2026')).toThrow(RangeError);
  });
});
