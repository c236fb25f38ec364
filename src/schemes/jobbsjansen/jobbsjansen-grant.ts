import { addDays, applyBasisPoints, FULL_BASIS_POINTS, mulDivFloor, sumOre } from '@lib/common';
import { leastCap, type Instalment, type InterimReportDue } from '@lib/engine';
import type {
  JobbsjansenApplicationContent,
  JobbsjansenCostLine,
  JobbsjansenFinalReport,
  JobbsjansenParticipantCounts,
} from './jobbsjansen-application.dto';
import type { JobbsjansenCallParameters } from './jobbsjansen-call-parameters.dto';
import {
  JOBBSJANSEN_AGE_BANDS,
  JOBBSJANSEN_COST_CATEGORIES,
  JOBBSJANSEN_ELIGIBLE_COST_CATEGORIES,
  type JobbsjansenCostCategory,
} from './jobbsjansen-vocabulary';
import { JOBBSJANSEN_YEARLY_REPORT } from './jobbsjansen-yearly-report.dto';

/*
 * Jobbsjansen money: the maximum grant for an application, the settlement on the final report and
 * the two-instalment payment plan. Pure integer arithmetic in øre; the grant side rounds down, the
 * own-financing requirement rounds up, so neither ever favours the grant by a fraction of an øre.
 */

export interface JobbsjansenCostSummary {
  /** Every cost line, eligible or not. */
  readonly totalCostsOre: number;
  /** Lines in the eligible categories (everything but ordinary operations). */
  readonly eligibleCostsOre: number;
  /** Lines for ordinary operations (ordinær drift): never eligible. */
  readonly ordinaryOperationsOre: number;
  readonly byCategory: Readonly<Record<JobbsjansenCostCategory, number>>;
}

export function summariseJobbsjansenCosts(lines: readonly JobbsjansenCostLine[]): JobbsjansenCostSummary {
  const byCategory = Object.fromEntries(
    JOBBSJANSEN_COST_CATEGORIES.map((category) => [
      category,
      sumOre(lines.filter((line) => line.category === category).map((line) => line.amountOre)),
    ]),
  ) as Record<JobbsjansenCostCategory, number>;
  return {
    byCategory,
    totalCostsOre: sumOre(Object.values(byCategory)),
    eligibleCostsOre: sumOre(JOBBSJANSEN_ELIGIBLE_COST_CATEGORIES.map((c) => byCategory[c])),
    ordinaryOperationsOre: byCategory.ordinary_operations,
  };
}

/** Participants planned, all age bands together. */
export function totalParticipants(counts: JobbsjansenParticipantCounts): number {
  return JOBBSJANSEN_AGE_BANDS.reduce((sum, band) => sum + counts[band], 0);
}

/**
 * The least own financing a project of these costs must have: the call's share of the costs,
 * rounded up to whole øre, and never less than 1 øre (own financing is required, §2.2).
 * Example: 20 % of 900 000,05 NOK = 180 000,01 NOK.
 */
export function requiredOwnFinancingOre(params: JobbsjansenCallParameters, costsOre: number): number {
  if (costsOre <= 0) return 0;
  const share = -mulDivFloor(-costsOre, params.minOwnShareBasisPoints, FULL_BASIS_POINTS);
  return Math.max(1, share);
}

/** Which cap decides the maximum grant. */
export type JobbsjansenGrantCap = 'project_cap' | 'costs_less_financing';

export interface JobbsjansenMaximumGrant {
  /** The largest grant the application can receive. */
  readonly maximumOre: number;
  /** The caps equal to the maximum (both when they tie). */
  readonly limitedBy: readonly JobbsjansenGrantCap[];
  readonly projectCapOre: number;
  readonly eligibleCostsOre: number;
  readonly requiredOwnFinancingOre: number;
  readonly otherFundingOre: number;
  /** eligible costs − required own financing − other funding, never below 0. */
  readonly costsLessFinancingOre: number;
}

/**
 * The maximum grant (tilsagn) an application can get under a call: the call's cap per project, or
 * what the eligible costs leave once the required own financing and other funding are taken off,
 * whichever is less.
 *
 * Example (Trøndelag): eligible costs 900 000 NOK, 20 % own financing, no other funding →
 * min(1 500 000, 900 000 − 180 000) = 720 000 NOK.
 */
export function computeJobbsjansenMaximumGrant(
  params: JobbsjansenCallParameters,
  application: JobbsjansenApplicationContent,
): JobbsjansenMaximumGrant {
  const { eligibleCostsOre } = summariseJobbsjansenCosts(application.costPlan);
  const requiredOwn = requiredOwnFinancingOre(params, eligibleCostsOre);
  const otherFundingOre = application.financingPlan.otherFundingOre;
  const costsLessFinancingOre = Math.max(0, eligibleCostsOre - requiredOwn - otherFundingOre);
  const least = leastCap<JobbsjansenGrantCap>([
    ['project_cap', params.maxGrantPerProjectOre],
    ['costs_less_financing', costsLessFinancingOre],
  ]);
  return {
    maximumOre: least.amountOre,
    limitedBy: least.limitedBy,
    projectCapOre: params.maxGrantPerProjectOre,
    eligibleCostsOre,
    requiredOwnFinancingOre: requiredOwn,
    otherFundingOre,
    costsLessFinancingOre,
  };
}

export interface JobbsjansenFinalSettlement {
  readonly grantedOre: number;
  /** Actual costs in eligible categories (ordinary operations never count). */
  readonly actualEligibleCostsOre: number;
  /** The call's own share of the actual eligible costs (at least 1 øre when there are costs). */
  readonly requiredOwnFinancingOre: number;
  /** Own financing counted: what was reported, but never less than the required share. */
  readonly ownFinancingCountedOre: number;
  readonly otherFundingOre: number;
  /** Actual eligible costs less own financing counted and other funding, never below 0. */
  readonly fundingGapOre: number;
  /** min(granted, funding gap): what the applicant is owed in all. */
  readonly payableOre: number;
  /** granted − payable: goes back to the frame (ramme). */
  readonly releasedOre: number;
}

/**
 * The settlement on the final report (sluttrapport): the grant covers what the actual eligible
 * costs leave once own financing (at least the call's share) and other funding are counted, never
 * more than granted. Own financing below the required share therefore reduces the grant rather
 * than being made up by it.
 */
export function computeJobbsjansenFinalPayable(
  params: JobbsjansenCallParameters,
  grantedOre: number,
  report: Pick<JobbsjansenFinalReport, 'actualCosts' | 'actualFinancing'>,
): JobbsjansenFinalSettlement {
  const { eligibleCostsOre } = summariseJobbsjansenCosts(report.actualCosts);
  const requiredOwn = requiredOwnFinancingOre(params, eligibleCostsOre);
  const ownFinancingCountedOre = Math.max(requiredOwn, report.actualFinancing.ownFinancingOre);
  const otherFundingOre = report.actualFinancing.otherFundingOre;
  const fundingGapOre = Math.max(0, eligibleCostsOre - ownFinancingCountedOre - otherFundingOre);
  const payableOre = Math.min(grantedOre, fundingGapOre);
  return {
    grantedOre,
    actualEligibleCostsOre: eligibleCostsOre,
    requiredOwnFinancingOre: requiredOwn,
    ownFinancingCountedOre,
    otherFundingOre,
    fundingGapOre,
    payableOre,
    releasedOre: grantedOre - payableOre,
  };
}

/** Days before the second instalment that the yearly report is due when the call does not say. */
export const YEARLY_REPORT_DAYS_BEFORE_SECOND_PAYMENT = 30;

/**
 * The day the yearly report (årsrapport) is due: the call's day, or else 30 days before the second
 * instalment, which leaves the case officer a month to approve it before the money falls due (an
 * assumption: no county deadline was found, see the domain research §2.2).
 */
export function yearlyReportDueDate(params: JobbsjansenCallParameters): string {
  const { springDate, autumnDate, yearlyReportDue } = params.payments;
  if (yearlyReportDue !== undefined) return yearlyReportDue;
  const second = springDate <= autumnDate ? autumnDate : springDate;
  return addDays(second, -YEARLY_REPORT_DAYS_BEFORE_SECOND_PAYMENT);
}

/** The interim reports a Jobbsjansen grant owes: one yearly report. */
export function jobbsjansenInterimReportsDue(params: JobbsjansenCallParameters): InterimReportDue[] {
  return [{ key: JOBBSJANSEN_YEARLY_REPORT, dueDate: yearlyReportDueDate(params) }];
}

/**
 * The grant in two instalments a year, spring and autumn, on the call's dates and in date order: the
 * spring share rounded down to whole øre and the rest in autumn, so the two add up to the grant
 * exactly (an odd øre goes to autumn). An instalment of 0 øre is left out, unless the grant is 0.
 * The second instalment also waits for the approved yearly report (`after`).
 */
export function planJobbsjansenPayments(params: JobbsjansenCallParameters, grantedOre: number): Instalment[] {
  const { springDate, autumnDate, springShareBasisPoints } = params.payments;
  const spring = applyBasisPoints(grantedOre, springShareBasisPoints);
  const springInstalment: Instalment = {
    label: 'Vårutbetaling',
    amount: spring,
    on: 'date',
    date: springDate,
  };
  const autumnInstalment: Instalment = {
    label: 'Høstutbetaling',
    amount: grantedOre - spring,
    on: 'date',
    date: autumnDate,
  };
  if (grantedOre === 0) return [autumnInstalment];
  const inDateOrder =
    springDate <= autumnDate ? [springInstalment, autumnInstalment] : [autumnInstalment, springInstalment];
  const [first, second] = inDateOrder.filter((i) => i.amount > 0);
  if (!first) return [];
  return second ? [first, { ...second, after: JOBBSJANSEN_YEARLY_REPORT }] : [first];
}
