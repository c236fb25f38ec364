import type { OrganisationForm } from '@lib/common';
import type { BioApplicationContent, BioCostLine } from './bio-application.dto';
import type { BioCallParameters } from './bio-call-parameters.dto';
import { addDays, addMonths } from '@lib/common';
import { applyBasisPoints, mulDivFloor, sumOre } from '@lib/common';
import {
  BIO_COST_CATEGORIES,
  BIO_TRAVEL_AND_ADMINISTRATION_CATEGORIES,
  type BioCostCategory,
  type BioSizeClass,
} from './bio-vocabulary';

/*
 * BIO money: the maximum grant for an application, the final payable amount on the final report
 * (sluttrapport), and the payment plan. Pure integer arithmetic in øre, always rounded down.
 */

/** The applicant as the BIO rules see it (from the organisation register, not from the form). */
export interface BioOrganisation {
  readonly form: OrganisationForm;
  /** Registered employees; the owner of a sole proprietorship (ENK) is not an employee. */
  readonly employeeCount: number;
  /** Four-digit municipality number (kommunenummer) of the business address. */
  readonly municipalityNumber: string;
  /** Two-digit county number; when absent, the first two digits of the municipality number. */
  readonly countyCode?: string;
}

export interface BioCostSummary {
  /** Every cost line, eligible or not. */
  readonly totalCostsOre: number;
  /** Lines in the call's eligible categories. */
  readonly eligibleCostsOre: number;
  /** Every line, summed per category. */
  readonly byCategory: Readonly<Record<BioCostCategory, number>>;
  /** Eligible provider fees: the "training costs" of the 1/3 rule. */
  readonly trainingCostsOre: number;
  /** Travel, subsistence and administration, eligible or not: the numerator of the 10 % rule. */
  readonly travelAndAdministrationOre: number;
  /** The eligible part of the above. */
  readonly eligibleTravelAndAdministrationOre: number;
}

export function summariseBioCosts(params: BioCallParameters, lines: readonly BioCostLine[]): BioCostSummary {
  const byCategory = Object.fromEntries(
    BIO_COST_CATEGORIES.map((category) => [
      category,
      sumOre(lines.filter((line) => line.category === category).map((line) => line.amountOre)),
    ]),
  ) as Record<BioCostCategory, number>;
  const eligible = (category: BioCostCategory) => params.eligibleCostCategories.includes(category);
  const travelAndAdministration = BIO_TRAVEL_AND_ADMINISTRATION_CATEGORIES.map((c) => byCategory[c]);
  return {
    byCategory,
    totalCostsOre: sumOre(Object.values(byCategory)),
    eligibleCostsOre: sumOre(BIO_COST_CATEGORIES.filter(eligible).map((c) => byCategory[c])),
    trainingCostsOre: eligible('provider_fees') ? byCategory.provider_fees : 0,
    travelAndAdministrationOre: sumOre(travelAndAdministration),
    eligibleTravelAndAdministrationOre: sumOre(
      BIO_TRAVEL_AND_ADMINISTRATION_CATEGORIES.filter(eligible).map((c) => byCategory[c]),
    ),
  };
}

/** Small when the company has fewer employees than the call's boundary (49 of 50: small; 50: not). */
export function classifyCompanySize(params: BioCallParameters, employeeCount: number): BioSizeClass {
  return employeeCount < params.maxGrantBySize.smallBelowEmployees ? 'small' : 'other';
}

/** Which cap decides the maximum grant. */
export type BioGrantCap = 'size' | 'participants' | 'aid_intensity';

export interface BioMaximumGrant {
  /** The largest grant the application can receive: the least of the three caps. */
  readonly maximumOre: number;
  /** The caps equal to the maximum (several when they tie). */
  readonly limitedBy: readonly BioGrantCap[];
  readonly sizeClass: BioSizeClass;
  /** Cap for the company's size class. */
  readonly sizeCapOre: number;
  /** Per-participant cap × participants. */
  readonly participantCapOre: number;
  readonly eligibleCostsOre: number;
  /** floor(aid intensity × eligible costs). */
  readonly intensityOfEligibleCostsOre: number;
  /**
   * Other public support for the same costs, subtracted under GBER so that aid from all sources
   * stays within the intensity (GBER art. 8, cumulation). 0 under de minimis.
   */
  readonly otherPublicSupportDeductedOre: number;
  /** intensityOfEligibleCosts − otherPublicSupportDeducted, never below 0. */
  readonly intensityCapOre: number;
}

/**
 * The maximum grant (tilsagn) an application can get under a call: the least of the size cap, the
 * per-participant cap × participants, and aid intensity (støtteintensitet) × eligible costs (less
 * other public support under GBER), each rounded down to whole øre.
 *
 * Example (Trøndelag): 12 employees, 4 participants, eligible costs 700 000 NOK →
 * min(300 000, 4 × 100 000, 50 % × 700 000) = 300 000 NOK, limited by size.
 */
export function computeMaximumGrant(
  params: BioCallParameters,
  application: BioApplicationContent,
  organisation: BioOrganisation,
): BioMaximumGrant {
  const sizeClass = classifyCompanySize(params, organisation.employeeCount);
  const sizeCapOre =
    sizeClass === 'small'
      ? params.maxGrantBySize.smallCompanyMaxOre
      : params.maxGrantBySize.otherCompanyMaxOre;
  const participantCapOre = mulDivFloor(params.maxGrantPerParticipantOre, application.participants.count, 1);
  const { eligibleCostsOre } = summariseBioCosts(params, application.costPlan);
  const intensityOfEligibleCostsOre = applyBasisPoints(eligibleCostsOre, params.aidIntensityBasisPoints);
  const otherPublicSupportDeductedOre =
    params.stateAidBasis === 'gber_art31' ? application.financingPlan.otherPublicSupportOre : 0;
  const intensityCapOre = Math.max(0, intensityOfEligibleCostsOre - otherPublicSupportDeductedOre);

  const caps: [BioGrantCap, number][] = [
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

export interface BioFinalSettlement {
  readonly grantedOre: number;
  readonly actualTotalCostsOre: number;
  /** Actual costs in eligible categories, before the share limits below. */
  readonly actualEligibleCostsBeforeLimitsOre: number;
  /** Travel, subsistence and administration above the call's share of actual total costs. */
  readonly travelAndAdministrationDisallowedOre: number;
  /** Costs that would push provider fees below the minimum training share (e.g. wages above 2/3). */
  readonly trainingShareDisallowedOre: number;
  /** What the payable amount is computed from. */
  readonly actualEligibleCostsOre: number;
  /** floor(aid intensity × actual eligible costs). */
  readonly intensityOfActualCostsOre: number;
  /** min(granted, intensity × actual eligible costs): what the company is owed in all. */
  readonly payableOre: number;
  /** granted − payable: goes back to the frame (ramme). */
  readonly releasedOre: number;
}

/**
 * The final settlement on the final report (sluttrapport): the grant is paid at the approved aid
 * intensity on the costs actually incurred, never more than granted; the rest is released.
 *
 * The call's share limits also apply to the actual figures, because they define what an eligible
 * cost is: travel + administration above their share of actual total costs, and costs that leave
 * provider fees below the minimum training share, do not count.
 */
export function computeFinalPayable(
  params: BioCallParameters,
  grantedOre: number,
  actualCosts: readonly BioCostLine[],
): BioFinalSettlement {
  const costs = summariseBioCosts(params, actualCosts);

  const allowedTravelAndAdministration = Math.min(
    costs.eligibleTravelAndAdministrationOre,
    applyBasisPoints(costs.totalCostsOre, params.maxTravelAndAdministrationBasisPoints),
  );
  const travelAndAdministrationDisallowedOre =
    costs.eligibleTravelAndAdministrationOre - allowedTravelAndAdministration;
  const afterTravelLimit = costs.eligibleCostsOre - travelAndAdministrationDisallowedOre;

  // eligible ≤ training × denominator / numerator ⇔ training ≥ numerator/denominator × eligible.
  const { numerator, denominator } = params.minTrainingCostShare;
  const trainingLimit =
    numerator === 0 ? afterTravelLimit : mulDivFloor(costs.trainingCostsOre, denominator, numerator);
  const actualEligibleCostsOre = Math.min(afterTravelLimit, trainingLimit);
  const trainingShareDisallowedOre = afterTravelLimit - actualEligibleCostsOre;

  const intensityOfActualCostsOre = applyBasisPoints(actualEligibleCostsOre, params.aidIntensityBasisPoints);
  const payableOre = Math.min(grantedOre, intensityOfActualCostsOre);
  return {
    grantedOre,
    actualTotalCostsOre: costs.totalCostsOre,
    actualEligibleCostsBeforeLimitsOre: costs.eligibleCostsOre,
    travelAndAdministrationDisallowedOre,
    trainingShareDisallowedOre,
    actualEligibleCostsOre,
    intensityOfActualCostsOre,
    payableOre,
    releasedOre: grantedOre - payableOre,
  };
}

export interface BioPaymentPlan {
  /** Paid once the grant commitment is accepted (forskudd / delutbetaling). */
  readonly advanceOre: number;
  /** Paid on the final report at most; reduced there if actual costs are lower. */
  readonly finalOre: number;
}

/** Splits a grant into advance and final payment (e.g. 75/25), advance rounded down. */
export function planBioPayments(params: BioCallParameters, grantedOre: number): BioPaymentPlan {
  const advanceOre = applyBasisPoints(grantedOre, params.advancePaymentBasisPoints);
  return { advanceOre, finalOre: grantedOre - advanceOre };
}

export interface BioFinalInstalment {
  /** Still to pay (sluttutbetaling). */
  readonly finalPaymentOre: number;
  /** Paid in advance beyond what is owed: to be claimed back (tilbakebetalingskrav). */
  readonly repaymentClaimOre: number;
}

/** What is left to pay, or to claim back, once the payable amount is known. */
export function computeFinalInstalment(payableOre: number, alreadyPaidOre: number): BioFinalInstalment {
  return {
    finalPaymentOre: Math.max(0, payableOre - alreadyPaidOre),
    repaymentClaimOre: Math.max(0, alreadyPaidOre - payableOre),
  };
}

/** Grants above the delegation threshold are decided by the political committee (hovedutvalg). */
export function requiresPoliticalDecision(params: BioCallParameters, grantOre: number): boolean {
  return grantOre > params.delegationThresholdOre;
}

/** Last day to accept the grant commitment (tilsagn) sent on `sentOn` (`YYYY-MM-DD`). */
export function acceptanceDeadline(params: BioCallParameters, sentOn: string): string {
  return addDays(sentOn, params.acceptanceDays);
}

/** Last day to finish the project, counted from the grant commitment (tilsagn) date. */
export function completionDeadline(params: BioCallParameters, grantedOn: string): string {
  return addMonths(grantedOn, params.completionMonths);
}
