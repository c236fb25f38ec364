import { describe, expect, it } from '@jest/globals';
import {
  axisMonths,
  burnDownRows,
  monthName,
  thresholdState,
  usedPercent,
  wholePercent,
} from './frame-figures';

const month = (m: string, cumulativeAllocated: number, cumulativeUsed: number, committed = 0) => ({
  month: m,
  committed,
  disbursed: 0,
  cumulativeCommitted: 0,
  cumulativeDisbursed: 0,
  cumulativeAllocated,
  cumulativeUsed,
});

describe("a frame's figures", () => {
  it('names the threshold reached by what is used (committed plus disbursed)', () => {
    const frame = (committed: number, disbursed = 0) => ({ allocated: 1_000, committed, disbursed });
    expect(thresholdState(frame(799))).toBe('below');
    expect(thresholdState(frame(400, 400))).toBe('over80');
    expect(thresholdState(frame(900))).toBe('over90');
    expect(thresholdState(frame(1_000))).toBe('exhausted');
    expect(thresholdState({ allocated: 0, committed: 0, disbursed: 0 })).toBe('below');
    expect(usedPercent({ allocated: 0, committed: 0, disbursed: 0 })).toBeNull();
    // 79.99 % has not reached 80 %, and must not read as if it had.
    expect(wholePercent(usedPercent(frame(7_999 / 10))!)).toBe(79);
  });

  it('fills the quiet months of the burn-down with the month before', () => {
    const rows = burnDownRows([month('2025-12', 100, 0), month('2026-03', 150, 40, 40)]);
    expect(rows.map((r) => [r.month, r.allocated, r.used, r.committed])).toEqual([
      ['2025-12', 100, 0, 0],
      ['2026-01', 100, 0, 0],
      ['2026-02', 100, 0, 0],
      ['2026-03', 150, 40, 40],
    ]);
    expect(burnDownRows([])).toEqual([]);
  });

  it("spans the frame's year on the axis, widened to months with entries outside it", () => {
    expect(axisMonths([], 2026)).toHaveLength(12);
    const rows = burnDownRows([month('2025-12', 100, 0), month('2027-01', 100, 10)]);
    const axis = axisMonths(rows, 2026);
    expect(axis[0]).toBe('2025-12');
    expect(axis[axis.length - 1]).toBe('2027-01');
    expect(axis).toHaveLength(14);
  });

  it('names months in Norwegian and English', () => {
    expect(monthName('2026-03', 'nb')).toBe('mars 2026');
    expect(monthName('2026-03', 'en')).toBe('March 2026');
  });
});
