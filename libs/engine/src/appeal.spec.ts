import { appealLastDay, appealLastDayOf, isLateAppeal } from './appeal';

describe('the appeal period (klagefrist)', () => {
  it.each([
    ['a Monday decision: three weeks later is a Monday', '2026-02-02', '2026-02-23'],
    ['a Wednesday decision, across a month', '2026-03-11', '2026-04-01'],
    ['ending on a Saturday: runs to Monday', '2026-06-06', '2026-06-29'],
    ['ending on a Sunday: runs to Monday, across a year', '2026-12-20', '2027-01-11'],
    ['ending on Easter Sunday: past Easter Monday to Tuesday', '2026-03-15', '2026-04-07'],
    ['ending on Christmas Day (Friday): past the weekend to Monday', '2026-12-04', '2026-12-28'],
  ])('%s', (_what, decided, lastDay) => {
    expect(appealLastDay(decided)).toBe(lastDay);
  });

  it('counts from the decision date in Norway, not in UTC', () => {
    // 23:30 UTC on 1 February is already 2 February in Oslo.
    expect(appealLastDayOf('2026-02-01T23:30:00Z')).toBe('2026-02-23');
  });

  it('is late only from the day after the last day (Norwegian time)', () => {
    const decided = '2026-02-02T09:00:00Z';
    expect(isLateAppeal(decided, '2026-02-23T22:59:00Z')).toBe(false); // 23:59 on the last day in Oslo
    expect(isLateAppeal(decided, '2026-02-23T23:00:00Z')).toBe(true); // midnight in Oslo
  });
});
