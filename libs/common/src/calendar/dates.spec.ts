import { addDays, addMonths, daysBetween, isIsoDate, norwegianDate } from './dates';

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
});
