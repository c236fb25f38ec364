import { addDays, isBusinessDay, norwegianDate } from '@lib/common';
import type { Instant } from './time';

/** Three weeks from the decision date: the appeal period (klagefrist) of forvaltningsloven § 29. */
export const APPEAL_PERIOD_DAYS = 21;

/**
 * Days the body that decided has to prepare an appeal (reverse its decision or forward the case to
 * the appeals board) before the case officer is reminded; a call may set its own.
 */
export const DEFAULT_APPEAL_PREPARATION_DAYS = 21;

/**
 * The last day to appeal a decision made on `decisionDate` (ISO calendar date): three weeks later
 * (§ 29); a period that ends on a Saturday, Sunday or public holiday runs to the next business day
 * (forvaltningsloven § 30, domstolloven § 148). The decision letter prints this day, and an appeal
 * lodged after it is accepted and marked late (§ 31).
 */
export function appealLastDay(decisionDate: string): string {
  let day = addDays(decisionDate, APPEAL_PERIOD_DAYS);
  while (!isBusinessDay(day)) day = addDays(day, 1);
  return day;
}

/** The last day to appeal a decision made at `decidedAt`, by its date in Norway. */
export const appealLastDayOf = (decidedAt: Instant): string =>
  appealLastDay(norwegianDate(new Date(decidedAt)));

/** Whether an appeal lodged at `lodgedAt` is after the last day (by the date in Norway). */
export const isLateAppeal = (decidedAt: Instant, lodgedAt: Instant): boolean =>
  norwegianDate(new Date(lodgedAt)) > appealLastDayOf(decidedAt);
