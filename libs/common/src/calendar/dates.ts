/**
 * Calendar-date helpers for scheme rules. Project dates are ISO calendar dates (`YYYY-MM-DD`) without a
 * time zone; "today" is the calendar date in Norway, so an application sent at 00:30 Oslo time on
 * 2 March counts as sent on 2 March even though it is still 1 March in UTC.
 */

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const NORWEGIAN_TIME_ZONE = 'Europe/Oslo';

/**
 * One day of 24 hours in milliseconds, written out here only (lint rule arch/one-day-constant). A
 * calendar day in Norway is 23 or 25 hours at the daylight-saving changes: use `addDays` for dates.
 */
export const DAY_MS = 86_400_000;

const osloDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: NORWEGIAN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Norway at the instant `now`. */
export function norwegianDate(now: Date): string {
  const parts = Object.fromEntries(osloDateFormat.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** `2026-03-01` → `01.03.2026`: an ISO calendar date as Norwegians write it (bokmål sentences). */
export function formatNorwegianDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

const osloDateTimeFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: NORWEGIAN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as Norwegians read it, in Norwegian time: `2026-03-01T11:00:00Z` → `01.03.2026 kl. 12:00`. */
export function formatNorwegianDateTime(instant: string): string {
  const parts = Object.fromEntries(
    osloDateTimeFormat.formatToParts(new Date(instant)).map((p) => [p.type, p.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year} kl. ${parts.hour}:${parts.minute}`;
}

const osloOffsetFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: NORWEGIAN_TIME_ZONE,
  timeZoneName: 'longOffset',
});

/**
 * The last minute of a calendar date in Norway, as an instant with its offset: `2026-02-16` →
 * `2026-02-16T23:59:00+01:00`, `2026-06-15` → `2026-06-15T23:59:00+02:00`. A due date a person
 * picks is met by anything sent that day. (Summer time changes at night, so noon's offset holds at 23:59.)
 */
export function endOfNorwegianDay(isoDate: string): string {
  if (!isIsoDate(isoDate)) throw new RangeError(`not an ISO date: ${isoDate}`);
  const name = osloOffsetFormat
    .formatToParts(new Date(`${isoDate}T12:00:00Z`))
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = name === undefined || name === 'GMT' ? '+00:00' : name.replace('GMT', '');
  return `${isoDate}T23:59:00${offset}`;
}

/** Whether `value` is a real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false;
  const [y, m, d] = split(value);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const ISO_INSTANT_PARTS =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Whether `value` is a real instant: a calendar date that exists (2027-02-30 does not), a time of day
 * up to 23:59:59, and an explicit offset (`Z` or ±hh:mm, at most ±18:00) so no time zone is guessed.
 */
export function isIsoInstant(value: string): boolean {
  const parts = ISO_INSTANT_PARTS.exec(value);
  if (!parts || !isIsoDate(parts[1])) return false;
  const [hour, minute, second, offsetHours, offsetMinutes] = parts.slice(2).map((p) => Number(p ?? 0));
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 18 || offsetMinutes > 59) return false;
  // Round trip: JavaScript must read it as the same instant it will be stored as.
  return Number.isFinite(Date.parse(value));
}

/** Adds whole calendar months, clamping to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = split(isoDate);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Adds whole calendar days to an ISO date (`2026-12-31` + 1 = `2027-01-01`). */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = split(isoDate);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = split(from);
  const [y2, m2, d2] = split(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

function split(isoDate: string): [number, number, number] {
  if (!ISO_DATE_PATTERN.test(isoDate)) throw new RangeError(`not an ISO date: ${isoDate}`);
  return [Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10))];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function format(year: number, month: number, day: number): string {
  return `${year.toString().padStart(4, '0')}-${month.toString().padStart(2, '0')}-${day.toString().padStart(2, '0')}`;
}
