import {
  addBusinessDays,
  businessDaysBetween,
  easterSunday,
  isBusinessDay,
  norwegianHolidays,
} from './norwegian-calendar';

describe('Norwegian calendar', () => {
  it.each([
    [2019, '2019-04-21'],
    [2020, '2020-04-12'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('computes Easter %i as %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('lists the twelve public holidays of 2026, the Easter-dependent ones computed', () => {
    expect([...norwegianHolidays(2026).keys()].sort()).toEqual([
      '2026-01-01',
      '2026-04-02', // Skjærtorsdag
      '2026-04-03', // Langfredag
      '2026-04-05',
      '2026-04-06', // Andre påskedag
      '2026-05-01',
      '2026-05-14', // Kristi himmelfart
      '2026-05-17',
      '2026-05-24',
      '2026-05-25', // Andre pinsedag
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('skips Easter: from the Wednesday before, one business day is the Tuesday after', () => {
    expect(addBusinessDays('2026-04-01', 1)).toBe('2026-04-07');
    expect(businessDaysBetween('2026-04-01', '2026-04-07')).toBe(1);
    expect(isBusinessDay('2026-04-02')).toBe(false);
    expect(isBusinessDay('2026-04-06')).toBe(false);
  });

  it('skips Christmas and New Year, but Christmas Eve and New Year’s Eve are working days', () => {
    expect(isBusinessDay('2026-12-24')).toBe(true);
    expect(isBusinessDay('2026-12-31')).toBe(true);
    // Wednesday 23 Dec 2026 + 3 business days: 24 (Thu), [25 Fri, 26 Sat, 27 Sun holidays/weekend], 28 (Mon), 29 (Tue).
    expect(addBusinessDays('2026-12-23', 3)).toBe('2026-12-29');
    // Over New Year 2027: 31 Dec (Fri) + 1 → 4 Jan (Mon), 1 Jan being a holiday and 2-3 a weekend.
    expect(addBusinessDays('2027-12-31', 1)).toBe('2028-01-03');
    expect(addBusinessDays('2021-12-31', 1)).toBe('2022-01-03');
  });

  it('counts backwards and refuses malformed input', () => {
    expect(addBusinessDays('2026-04-07', -1)).toBe('2026-04-01');
    expect(addBusinessDays('2026-04-07', 0)).toBe('2026-04-07');
    expect(() => addBusinessDays('07.04.2026', 1)).toThrow(RangeError);
    expect(() => addBusinessDays('2026-04-07', 1.5)).toThrow(RangeError);
  });
});
