import { DAY_MS } from '@lib/common';

/**
 * Time enters the engine only as data: every event carries `at`, an ISO-8601 instant chosen by the
 * caller (the request time, or the deadline's due time for a deadline event). The machines never read
 * the clock, so a transition replays identically and tests need no fake timers.
 */
export type Instant = string;

// Date and time with an explicit offset: a bare local time would mean different instants on different hosts.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch, or null when `value` is not an ISO-8601 instant with an offset. */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string' || !INSTANT.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export const isInstant = (value: unknown): value is Instant => parseInstant(value) !== null;

/** The same instant in the one canonical form stored in context and effects (UTC, milliseconds). */
export function normaliseInstant(value: Instant): Instant {
  return new Date(mustParse(value)).toISOString();
}

/**
 * `instant` plus whole days of 24 hours (not calendar days: across a daylight-saving change the wall
 * clock moves by an hour; calendar dates use `addDays` from @lib/common). Deadlines are exact instants;
 * a scheme that wants "end of the 21st day in Europe/Oslo" can round in its variation hook.
 */
export function add24HourDays(instant: Instant, days: number): Instant {
  return new Date(mustParse(instant) + days * DAY_MS).toISOString();
}

/**
 * `instant` plus whole calendar months in UTC, as forvaltningsloven counts "innen en måned": the same
 * day of the month, or the month's last day when it has no such day (31 January → 28/29 February).
 */
export function addMonths(instant: Instant, months: number): Instant {
  const at = new Date(mustParse(instant));
  const next = new Date(at);
  next.setUTCMonth(at.getUTCMonth() + months);
  if (next.getUTCDate() !== at.getUTCDate()) next.setUTCDate(0);
  return next.toISOString();
}

/** Negative when `a` is before `b`, zero when equal, positive when after. */
export function compareInstants(a: Instant, b: Instant): number {
  return mustParse(a) - mustParse(b);
}

function mustParse(value: Instant): number {
  const ms = parseInstant(value);
  if (ms === null) throw new RangeError(`not an ISO-8601 instant: ${JSON.stringify(value)}`);
  return ms;
}
