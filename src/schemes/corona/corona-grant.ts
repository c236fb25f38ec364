import { applyBasisPoints, mulDivFloor, sumOre } from '@lib/common';
import type { Instalment } from '@lib/engine';
import type { CoronaBioExtraApplication, CoronaCostLine, CoronaFinalReport } from './corona-application.dto';
import type { CoronaBioExtraParameters, CoronaCallParameters } from './corona-call-parameters.dto';
import {
  CORONA_COST_CATEGORIES,
  CORONA_TRAVEL_AND_ADMINISTRATION_CATEGORIES,
  type CoronaCostCategory,
} from './corona-vocabulary';

/*
 * Money of the corona measures, in whole øre, always rounded down: the maximum grant and the final
 * settlement of the extraordinary BIO money (the same arithmetic as ordinary BIO, on the call's own
 * figures), the final payable amount of the flat-rate measures, and the payment plan of all three.
 */

export interface CoronaCostSummary {
  readonly totalCostsOre: number;
  readonly eligibleCostsOre: number;
  readonly byCategory: Readonly<Record<CoronaCostCategory, number>>;
  /** Eligible provider fees: the "training costs" of the 1/3 rule. */
  readonly trainingCostsOre: number;
  /** Travel, subsistence and administration, eligible or not: the numerator of the 10 % rule. */
  readonly travelAndAdministrationOre: number;
  readonly eligibleTravelAndAdministrationOre: number;
}

export function summariseCoronaCosts(
  params: CoronaBioExtraParameters,
  lines: readonly CoronaCostLine[],
): CoronaCostSummary {
  const byCategory = Object.fromEntries(
    CORONA_COST_CATEGORIES.map((category) => [
      category,
      sumOre(lines.filter((line) => line.category === category).map((line) => line.amountOre)),
    ]),
  ) as Record<CoronaCostCategory, number>;
  const eligible = (category: CoronaCostCategory) => params.eligibleCostCategories.includes(category);
  return {
    byCategory,
    totalCostsOre: sumOre(Object.values(byCategory)),
    eligibleCostsOre: sumOre(CORONA_COST_CATEGORIES.filter(eligible).map((c) => byCategory[c])),
    trainingCostsOre: eligible('provider_fees') ? byCategory.provider_fees : 0,
    travelAndAdministrationOre: sumOre(CORONA_TRAVEL_AND_ADMINISTRATION_CATEGORIES.map((c) => byCategory[c])),
    eligibleTravelAndAdministrationOre: sumOre(
      CORONA_TRAVEL_AND_ADMINISTRATION_CATEGORIES.filter(eligible).map((c) => byCategory[c]),
    ),
  };
}

export type CoronaSizeClass = 'small' | 'other';

/** Small when the company has fewer employees than the call's boundary (49 of 50: small; 50: not). */
export function classifyCoronaCompanySize(
  params: CoronaBioExtraParameters,
  employeeCount: number,
): CoronaSizeClass {
  return employeeCount < params.maxGrantBySize.smallBelowEmployees ? 'small' : 'other';
}

export type CoronaGrantCap = 'size' | 'participants' | 'aid_intensity';

export interface CoronaBioExtraMaximum {
  readonly maximumOre: number;
  readonly limitedBy: readonly CoronaGrantCap[];
  readonly sizeClass: CoronaSizeClass;
  readonly sizeCapOre: number;
  readonly participantCapOre: number;
  readonly eligibleCostsOre: number;
  /** floor(aid intensity × eligible costs). */
  readonly intensityOfEligibleCostsOre: number;
  /** Other public support for the same costs, subtracted under GBER (cumulation); 0 under de minimis. */
  readonly otherPublicSupportDeductedOre: number;
  readonly intensityCapOre: number;
}

/**
 * The most an extraordinary-BIO application can get: the least of the size cap, the
 * per-participant cap × participants, and aid intensity × eligible costs (less other public support
 * under GBER).
 *
 * Example (Trøndelag, 60 %): 14 employees, 6 participants, eligible costs 400 000 NOK →
 * min(300 000, 6 × 100 000, 60 % × 400 000 = 240 000) = 240 000 NOK, limited by aid intensity.
 */
export function computeBioExtraMaximumGrant(
  params: CoronaBioExtraParameters,
  application: CoronaBioExtraApplication,
  employeeCount: number,
): CoronaBioExtraMaximum {
  const sizeClass = classifyCoronaCompanySize(params, employeeCount);
  const sizeCapOre =
    sizeClass === 'small'
      ? params.maxGrantBySize.smallCompanyMaxOre
      : params.maxGrantBySize.otherCompanyMaxOre;
  const participantCapOre = mulDivFloor(params.maxGrantPerParticipantOre, application.participants.count, 1);
  const { eligibleCostsOre } = summariseCoronaCosts(params, application.costPlan);
  const intensityOfEligibleCostsOre = applyBasisPoints(eligibleCostsOre, params.aidIntensityBasisPoints);
  const otherPublicSupportDeductedOre =
    params.stateAidBasis === 'gber_art31' ? application.financingPlan.otherPublicSupportOre : 0;
  const intensityCapOre = Math.max(0, intensityOfEligibleCostsOre - otherPublicSupportDeductedOre);
  const caps: [CoronaGrantCap, number][] = [
    ['size', sizeCapOre],
    ['participants', participantCapOre],
    ['aid_intensity', intensityCapOre],
  ];
  const maximumOre = Math.min(...caps.map(([, amount]) => amount));
  return {
    maximumOre,
    limitedBy: caps.filter(([, amount]) => amount === maximumOre).map(([cap]) => cap),
    sizeClass,
    sizeCapOre,
    participantCapOre,
    eligibleCostsOre,
    intensityOfEligibleCostsOre,
    otherPublicSupportDeductedOre,
    intensityCapOre,
  };
}

export interface CoronaBioExtraSettlement {
  readonly grantedOre: number;
  readonly actualTotalCostsOre: number;
  /** Travel, subsistence and administration above the call's share of actual total costs. */
  readonly travelAndAdministrationDisallowedOre: number;
  /** Costs that would push provider fees below the minimum training share. */
  readonly trainingShareDisallowedOre: number;
  readonly actualEligibleCostsOre: number;
  readonly intensityOfActualCostsOre: number;
  /** min(granted, intensity × actual eligible costs). */
  readonly payableOre: number;
  /** granted − payable: goes back to the frame. */
  readonly releasedOre: number;
}

/**
 * The final settlement on the final report: the grant is paid at the call's aid intensity on the
 * costs actually incurred, never more than granted; the share limits apply to the actual figures.
 */
export function computeBioExtraFinalPayable(
  params: CoronaBioExtraParameters,
  grantedOre: number,
  actualCosts: readonly CoronaCostLine[],
): CoronaBioExtraSettlement {
  const costs = summariseCoronaCosts(params, actualCosts);
  const allowedTravelAndAdministration = Math.min(
    costs.eligibleTravelAndAdministrationOre,
    applyBasisPoints(costs.totalCostsOre, params.maxTravelAndAdministrationBasisPoints),
  );
  const travelAndAdministrationDisallowedOre =
    costs.eligibleTravelAndAdministrationOre - allowedTravelAndAdministration;
  const afterTravelLimit = costs.eligibleCostsOre - travelAndAdministrationDisallowedOre;
  const { numerator, denominator } = params.minTrainingCostShare;
  const trainingLimit =
    numerator === 0 ? afterTravelLimit : mulDivFloor(costs.trainingCostsOre, denominator, numerator);
  const actualEligibleCostsOre = Math.min(afterTravelLimit, trainingLimit);
  const intensityOfActualCostsOre = applyBasisPoints(actualEligibleCostsOre, params.aidIntensityBasisPoints);
  const payableOre = Math.min(grantedOre, intensityOfActualCostsOre);
  return {
    grantedOre,
    actualTotalCostsOre: costs.totalCostsOre,
    travelAndAdministrationDisallowedOre,
    trainingShareDisallowedOre: afterTravelLimit - actualEligibleCostsOre,
    actualEligibleCostsOre,
    intensityOfActualCostsOre,
    payableOre,
    releasedOre: grantedOre - payableOre,
  };
}

/**
 * What is finally paid on a report, never more than granted:
 * - bio_extra: the aid intensity of the actual eligible costs;
 * - apprentice_package: the whole grant if it went undiminished to the employer, otherwise nothing
 *   (that was the grant's condition, §2.5) [ASSUMPTION: no partial pass-through rule is known];
 * - fagbrev_pa_jobb: the whole grant (the report documents the contracts; the case officer may
 *   still fix a lower amount when approving).
 * A report of another measure than the call's entitles to nothing (`checkCoronaFinalReport` refuses it first).
 */
export function computeCoronaFinalPayable(
  params: CoronaCallParameters,
  grantedOre: number,
  report: CoronaFinalReport,
): number {
  if (report.measure !== params.measure) return 0;
  switch (report.measure) {
    case 'bio_extra':
      return params.bioExtra && report.bioExtra
        ? computeBioExtraFinalPayable(params.bioExtra, grantedOre, report.bioExtra.actualCosts).payableOre
        : 0;
    case 'apprentice_package':
      return report.apprenticePackage?.fundsPassedUndiminishedToEmployer === true ? grantedOre : 0;
    case 'fagbrev_pa_jobb':
      return report.fagbrevPaJobb ? grantedOre : 0;
  }
}

/**
 * Two instalments: the call's share once the grant is accepted (Trøndelag 2021/22 paid apprentice
 * money in two runs, §2.5; Troms BIO up to 75 % at start, §2.1.5), the rest on the final report.
 * The advance is rounded down, so the two add up to the grant exactly; a zero instalment is left out.
 */
export function planCoronaPayments(params: CoronaCallParameters, grantedOre: number): Instalment[] {
  const advance = applyBasisPoints(grantedOre, params.advancePaymentBasisPoints);
  const final = grantedOre - advance;
  const first = params.measure === 'bio_extra' ? 'Forskudd' : 'Første utbetaling';
  return [
    ...(advance > 0 ? [{ label: first, amount: advance, on: 'acceptance' as const }] : []),
    ...(final > 0 || advance === 0
      ? [{ label: 'Sluttutbetaling', amount: final, on: 'final_report' as const }]
      : []),
  ];
}
