// The sums finance reads off a frame, as pure functions: share used, the threshold it has passed, and
// the burn-down's months (every month, gaps filled, the axis spanning the frame's year).
import type { BurnDownMonth, Frame } from '../../../api/types';
import type { Language } from '../../../i18n/format';
import type { MessageKey } from '../../../i18n/nb';

/** The alert thresholds of a frame, in per cent of the allocation used. */
export const THRESHOLDS = [80, 90, 100] as const;

export type ThresholdState = 'below' | 'over80' | 'over90' | 'exhausted';

/** Used: outstanding commitments and net disbursements, in øre. */
export const usedOf = (frame: Pick<Frame, 'committed' | 'disbursed'>) => frame.committed + frame.disbursed;

/** Share of the allocation used, in per cent (null while nothing is allocated). */
export function usedPercent(frame: Pick<Frame, 'allocated' | 'committed' | 'disbursed'>): number | null {
  if (frame.allocated <= 0) return null;
  return (usedOf(frame) / frame.allocated) * 100;
}

/** The highest threshold the frame has reached. */
export function thresholdState(frame: Pick<Frame, 'allocated' | 'committed' | 'disbursed'>): ThresholdState {
  const percent = usedPercent(frame);
  if (percent === null) return usedOf(frame) > 0 ? 'exhausted' : 'below';
  if (percent >= 100) return 'exhausted';
  if (percent >= 90) return 'over90';
  if (percent >= 80) return 'over80';
  return 'below';
}

export const THRESHOLD_WORDS: Record<ThresholdState, MessageKey> = {
  below: 'finance.threshold.below',
  over80: 'finance.threshold.over80',
  over90: 'finance.threshold.over90',
  exhausted: 'finance.threshold.exhausted',
};

/** Whole per cent, rounded down, so 79.99 % never reads as 80 % (the threshold it has not reached). */
export const wholePercent = (percent: number) => Math.floor(percent);

/** A burn-down month with what stood at its end; months without entries repeat the month before. */
export interface BurnDownRow {
  month: string;
  committed: number;
  disbursed: number;
  allocated: number;
  used: number;
}

const nextMonth = (month: string): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
};

/** Every month from the first entry to the last, with the quiet months filled in. */
export function burnDownRows(months: readonly BurnDownMonth[]): BurnDownRow[] {
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return [];
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const rows: BurnDownRow[] = [];
  let allocated = 0;
  let used = 0;
  for (let month = first.month; month <= last.month; month = nextMonth(month)) {
    const entry = byMonth.get(month);
    if (entry) {
      allocated = entry.cumulativeAllocated;
      used = entry.cumulativeUsed;
    }
    rows.push({
      month,
      committed: entry?.committed ?? 0,
      disbursed: entry?.disbursed ?? 0,
      allocated,
      used,
    });
  }
  return rows;
}

/** The chart's months: the frame's whole year, widened to any month with entries outside it. */
export function axisMonths(rows: readonly BurnDownRow[], year: number): string[] {
  const months: string[] = [];
  const start = [`${year}-01`, rows[0]?.month ?? `${year}-01`].sort()[0]!;
  const end = [`${year}-12`, rows[rows.length - 1]?.month ?? `${year}-12`].sort()[1]!;
  for (let month = start; month <= end; month = nextMonth(month)) months.push(month);
  return months;
}

/** `2026-03` as `mars 2026` (`March 2026`), or shortly `mar. 2026`. */
export function monthName(month: string, language: Language, short = false): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', {
    month: short ? 'short' : 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, m - 1, 15)));
}

/** Kroner on a chart's axis, shortly: `kr 23 mill.` (`NOK 23M`). */
export function compactKroner(ore: number, language: Language): string {
  const number = new Intl.NumberFormat(language === 'nb' ? 'nb-NO' : 'en-GB', {
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(ore / 100);
  return language === 'nb' ? `kr\u00a0${number}` : `NOK\u00a0${number}`;
}
