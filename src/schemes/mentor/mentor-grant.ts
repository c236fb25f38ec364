import { applyBasisPoints, FULL_BASIS_POINTS, isAtLeastRatio, mulDivFloor, sumOre } from '@lib/common';
import { leastCap, planAdvanceAndFinal, type Instalment, type SubmissionWindow } from '@lib/engine';
import type {
  MentorApplicationContent,
  MentorCostLine,
  MentorFinalReport,
  MentorOwnShareLine,
} from './mentor-application.dto';
import type { MentorCallParameters, MentorStaffTimeRate } from './mentor-call-parameters.dto';
import { MENTOR_OWN_SHARE_KINDS, type MentorOwnShareKind } from './mentor-vocabulary';

/*
 * The mentor scheme's money, in whole øre: the value of the own share (staff time at the call's
 * hourly rate), the maximum grant, the final settlement and the payment plan.
 */

// ── Own share ───────────────────────────────────────────────────────────────────────────────

/**
 * The hourly rate of staff time: the call's share of gross annual salary (1.2 ‰), rounded down to
 * whole øre, capped at the call's maximum (800 NOK/h). 650 000 NOK a year → 780 NOK/h; 700 000 NOK
 * → 840, capped at 800.
 */
export function hourlyRateOre(rate: MentorStaffTimeRate, grossAnnualSalaryOre: number): number {
  return Math.min(
    rate.maxHourlyRateOre,
    applyBasisPoints(grossAnnualSalaryOre, rate.basisPointsOfAnnualSalary),
  );
}

/** Hours with at most two decimals as a whole number of hundredths (37.5 → 3750), so no float is multiplied. */
export function centiHours(hours: number): number {
  return Math.round(hours * 100);
}

/** Staff time in NOK: hours × hourly rate, rounded down to whole øre. */
export function staffTimeValueOre(
  rate: MentorStaffTimeRate,
  hours: number,
  grossAnnualSalaryOre: number,
): number {
  return mulDivFloor(hourlyRateOre(rate, grossAnnualSalaryOre), centiHours(hours), 100);
}

/** What one own-share line is worth, øre (a line missing its figures is worth nothing). */
export function ownShareLineValueOre(rate: MentorStaffTimeRate, line: MentorOwnShareLine): number {
  if (line.kind === 'staff_time') {
    if (line.hours === undefined || line.grossAnnualSalaryOre === undefined) return 0;
    return staffTimeValueOre(rate, line.hours, line.grossAnnualSalaryOre);
  }
  return line.amountOre ?? 0;
}

export interface MentorOwnShareSummary {
  readonly byKind: Readonly<Record<MentorOwnShareKind, number>>;
  readonly totalOre: number;
  /** Whether any staff time is counted (then timesheets are needed). */
  readonly includesStaffTime: boolean;
}

export function summariseOwnShare(
  rate: MentorStaffTimeRate,
  lines: readonly MentorOwnShareLine[],
): MentorOwnShareSummary {
  const byKind = Object.fromEntries(MENTOR_OWN_SHARE_KINDS.map((k) => [k, 0])) as Record<
    MentorOwnShareKind,
    number
  >;
  for (const line of lines) byKind[line.kind] = sumOre([byKind[line.kind], ownShareLineValueOre(rate, line)]);
  return {
    byKind,
    totalOre: sumOre(Object.values(byKind)),
    includesStaffTime: lines.some((l) => l.kind === 'staff_time'),
  };
}

/** The smallest own share that meets the call's minimum for this amount: ceil(requested × share). */
export function requiredOwnShareOre(params: MentorCallParameters, requestedOre: number): number {
  return -mulDivFloor(-requestedOre, params.minOwnShareBasisPoints, FULL_BASIS_POINTS);
}

/** Own share ≥ the minimum share of the amount applied for, compared exactly (49.99 % fails, 50 % passes). */
export function ownShareSufficient(
  params: MentorCallParameters,
  ownShareOre: number,
  requestedOre: number,
): boolean {
  return isAtLeastRatio(ownShareOre, requestedOre, {
    numerator: params.minOwnShareBasisPoints,
    denominator: FULL_BASIS_POINTS,
  });
}

/**
 * The largest grant an own share supports: floor(own share / minimum share). No limit (the largest
 * safe amount) when the call asks for no own share.
 */
export function grantSupportedByOwnShareOre(params: MentorCallParameters, ownShareOre: number): number {
  if (params.minOwnShareBasisPoints === 0) return Number.MAX_SAFE_INTEGER;
  return mulDivFloor(ownShareOre, FULL_BASIS_POINTS, params.minOwnShareBasisPoints);
}

// ── Budget ──────────────────────────────────────────────────────────────────────────────────

export function totalCostsOre(lines: readonly MentorCostLine[]): number {
  return sumOre(lines.map((l) => l.amountOre));
}

export function otherPublicFundingOre(content: MentorApplicationContent): number {
  return sumOre(content.financingPlan.otherPublicFunding.map((l) => l.amountOre));
}

// ── Maximum grant ───────────────────────────────────────────────────────────────────────────

export type MentorGrantCap = 'requested' | 'call_cap' | 'own_share';

export interface MentorMaximumGrant {
  readonly maximumOre: number;
  readonly limitedBy: readonly MentorGrantCap[];
  readonly requestedOre: number;
  readonly callCapOre: number;
  readonly ownShareOre: number;
  readonly ownShareCapOre: number;
}

/**
 * The most an application can be granted (maksimalt tilskudd): no more than applied for, the
 * call's cap per project, and what the own share supports (own share ≥ 50 % of the grant).
 *
 * Example (Trøndelag): 300 000 NOK applied for, own share 190 000 → min(300 000, 400 000, 380 000)
 * = 300 000 NOK.
 */
export function computeMentorMaximumGrant(
  params: MentorCallParameters,
  content: MentorApplicationContent,
): MentorMaximumGrant {
  const requestedOre = content.financingPlan.requestedGrantOre;
  const ownShareOre = summariseOwnShare(params.staffTimeRate, content.financingPlan.ownShare).totalOre;
  const ownShareCapOre = grantSupportedByOwnShareOre(params, ownShareOre);
  const least = leastCap<MentorGrantCap>([
    ['requested', requestedOre],
    ['call_cap', params.maxGrantOre],
    ['own_share', ownShareCapOre],
  ]);
  return {
    maximumOre: least.amountOre,
    limitedBy: least.limitedBy,
    requestedOre,
    callCapOre: params.maxGrantOre,
    ownShareOre,
    ownShareCapOre,
  };
}

// ── Final settlement ────────────────────────────────────────────────────────────────────────

export interface MentorFinalSettlement {
  readonly grantedOre: number;
  readonly actualCostsOre: number;
  readonly actualOwnShareOre: number;
  readonly otherPublicFundingOre: number;
  /** Actual costs not covered by the own share and other public funding (no double funding). */
  readonly uncoveredCostsOre: number;
  /** What the actual own share supports (own share ≥ the minimum share of the grant). */
  readonly ownShareCapOre: number;
  /** min(granted, uncovered costs, own-share cap). */
  readonly payableOre: number;
  /** granted − payable: back to the frame (ramme). */
  readonly releasedOre: number;
}

/**
 * The final settlement on the final report: the grant covers only what the actual own share and
 * other public funding leave uncovered, and the actual own share must still be at least the call's
 * share of what is paid; never more than granted.
 */
export function computeMentorFinalPayable(
  params: MentorCallParameters,
  grantedOre: number,
  report: MentorFinalReport,
): MentorFinalSettlement {
  const actualCostsOre = totalCostsOre(report.actualCosts);
  const actualOwnShareOre = summariseOwnShare(params.staffTimeRate, report.actualOwnShare).totalOre;
  const uncoveredCostsOre = Math.max(0, actualCostsOre - actualOwnShareOre - report.otherPublicFundingOre);
  const ownShareCapOre = grantSupportedByOwnShareOre(params, actualOwnShareOre);
  const payableOre = Math.min(grantedOre, uncoveredCostsOre, ownShareCapOre);
  return {
    grantedOre,
    actualCostsOre,
    actualOwnShareOre,
    otherPublicFundingOre: report.otherPublicFundingOre,
    uncoveredCostsOre,
    ownShareCapOre,
    payableOre,
    releasedOre: grantedOre - payableOre,
  };
}

// ── Payments and rounds ─────────────────────────────────────────────────────────────────────

/**
 * The advance on acceptance (the call's share, rounded down) and the rest on the final report; the
 * two add up to the grant exactly. No advance line when the advance is 0.
 */
export function planMentorPayments(params: MentorCallParameters, grantedOre: number): Instalment[] {
  return planAdvanceAndFinal(grantedOre, params.advancePaymentBasisPoints, {
    advance: 'Forskudd ved aksept',
    final: 'Sluttutbetaling etter godkjent sluttrapport',
  });
}

/**
 * The round an application sent at `now` belongs to: the first deadline not yet passed (fixed
 * calls), or null (rolling calls, or after the last deadline). Applications are handled per round
 * until the frame is used.
 */
export function applicationRound(window: SubmissionWindow, now: Date): string | null {
  if (window.kind !== 'fixed') return null;
  return window.deadlines?.find((deadline) => now.getTime() <= Date.parse(deadline)) ?? null;
}
