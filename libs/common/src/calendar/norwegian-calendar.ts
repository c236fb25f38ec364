/**
 * Norwegian public holidays (helligdager, lov om helligdager og helligdagsfred; 1 and 17 May by
 * lov om 1. og 17. mai) and business-day arithmetic, on calendar dates (`YYYY-MM-DD`). Easter and the
 * holidays that move with it are computed, not listed per year.
 */
import { addDays } from './dates';

const pad = (n: number) => String(n).padStart(2, '0');
const utc = (date: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`${date} is not a YYYY-MM-DD date`);
  return new Date(`${date}T00:00:00Z`);
};

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The year's public holidays, date → name. */
export function norwegianHolidays(year: number): ReadonlyMap<string, string> {
  const easter = easterSunday(year);
  return new Map([
    [`${year}-01-01`, 'Første nyttårsdag'],
    [addDays(easter, -3), 'Skjærtorsdag'],
    [addDays(easter, -2), 'Langfredag'],
    [easter, 'Første påskedag'],
    [addDays(easter, 1), 'Andre påskedag'],
    [`${year}-05-01`, 'Offentlig høytidsdag'],
    [`${year}-05-17`, 'Grunnlovsdag'],
    [addDays(easter, 39), 'Kristi himmelfartsdag'],
    [addDays(easter, 49), 'Første pinsedag'],
    [addDays(easter, 50), 'Andre pinsedag'],
    [`${year}-12-25`, 'Første juledag'],
    [`${year}-12-26`, 'Andre juledag'],
  ]);
}

const cache = new Map<number, ReadonlyMap<string, string>>();
const holidaysOf = (year: number) => {
  let holidays = cache.get(year);
  if (!holidays) cache.set(year, (holidays = norwegianHolidays(year)));
  return holidays;
};

export function isPublicHoliday(date: string): boolean {
  return holidaysOf(utc(date).getUTCFullYear()).has(date);
}

/** Monday to Friday and not a public holiday. (Christmas Eve and New Year's Eve are working days by law.) */
export function isBusinessDay(date: string): boolean {
  const weekday = utc(date).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(date);
}

/** The date `days` business days after `date` (before it, if negative); 0 = `date` itself. */
export function addBusinessDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`${days} is not a whole number of days`);
  const step = days < 0 ? -1 : 1;
  let current = date;
  for (let left = Math.abs(days); left > 0;) {
    current = addDays(current, step);
    if (isBusinessDay(current)) left--;
  }
  return current;
}

/** Business days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function businessDaysBetween(from: string, to: string): number {
  if (to < from) return -businessDaysBetween(to, from);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isBusinessDay(d)) count++;
  return count;
}
