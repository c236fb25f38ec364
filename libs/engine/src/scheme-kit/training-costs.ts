import { applyBasisPoints, mulDivFloor, sumOre, type Ratio } from '@lib/common';
import { trainingAidIntensity, type TrainingAidBasis } from './gber-training-aid';
import { leastCap } from './least-cap';

/*
 * The money of cost-based training aid (BIO and the extraordinary BIO money of the corona
 * measures): the cost summary, the maximum grant and the final settlement, in whole øre, always
 * rounded down. The call's figures are data; the arithmetic is the same for every scheme using it.
 */

/** Cost plan (kostnadsplan) categories of training aid. */
export const TRAINING_COST_CATEGORIES = [
  /** Wages of employees for the hours they are in training. */
  'participant_wages',
  /** External provider or course fees: the "training costs" that must be ≥ 1/3 of eligible costs. */
  'provider_fees',
  /** Travel, per diem (diett) and accommodation. */
  'travel_subsistence',
  /** Project administration. */
  'administration',
] as const;
export type TrainingCostCategory = (typeof TRAINING_COST_CATEGORIES)[number];

/** Categories that together may make up at most a set share of total costs (Trøndelag: 10 %). */
export const TRAVEL_AND_ADMINISTRATION_CATEGORIES: readonly TrainingCostCategory[] = [
  'travel_subsistence',
  'administration',
];

export interface TrainingCostLine {
  readonly category: TrainingCostCategory;
  readonly description?: string;
  readonly amountOre: number;
}

/** What a call says counts as a cost, and the shares the costs must keep. */
export interface TrainingCostRules {
  /** Categories that count as eligible costs; others may be in the plan but earn no grant. */
  readonly eligibleCostCategories: readonly TrainingCostCategory[];
  /** Travel, subsistence and administration together: maximum share of total costs, basis points. */
  readonly maxTravelAndAdministrationBasisPoints: number;
  /** Provider (training) costs: minimum share of eligible costs, as an exact ratio (1/3). */
  readonly minTrainingCostShare: Ratio;
}

export interface TrainingCostSummary {
  /** Every cost line, eligible or not. */
  readonly totalCostsOre: number;
  /** Lines in the call's eligible categories. */
  readonly eligibleCostsOre: number;
  /** Every line, summed per category. */
  readonly byCategory: Readonly<Record<TrainingCostCategory, number>>;
  /** Eligible provider fees: the "training costs" of the 1/3 rule. */
  readonly trainingCostsOre: number;
  /** Travel, subsistence and administration, eligible or not: the numerator of the 10 % rule. */
  readonly travelAndAdministrationOre: number;
  /** The eligible part of the above. */
  readonly eligibleTravelAndAdministrationOre: number;
}

export function summariseTrainingCosts(
  eligibleCostCategories: readonly TrainingCostCategory[],
  lines: readonly TrainingCostLine[],
): TrainingCostSummary {
  const byCategory = Object.fromEntries(
    TRAINING_COST_CATEGORIES.map((category) => [
      category,
      sumOre(lines.filter((line) => line.category === category).map((line) => line.amountOre)),
    ]),
  ) as Record<TrainingCostCategory, number>;
  const eligible = (category: TrainingCostCategory) => eligibleCostCategories.includes(category);
  return {
    byCategory,
    totalCostsOre: sumOre(Object.values(byCategory)),
    eligibleCostsOre: sumOre(TRAINING_COST_CATEGORIES.filter(eligible).map((c) => byCategory[c])),
    trainingCostsOre: eligible('provider_fees') ? byCategory.provider_fees : 0,
    travelAndAdministrationOre: sumOre(TRAVEL_AND_ADMINISTRATION_CATEGORIES.map((c) => byCategory[c])),
    eligibleTravelAndAdministrationOre: sumOre(
      TRAVEL_AND_ADMINISTRATION_CATEGORIES.filter(eligible).map((c) => byCategory[c]),
    ),
  };
}

/** A call's grant caps by company size: its own boundary, not GBER's (Trøndelag: under 50 is small). */
export interface TrainingSizeCaps {
  /** Companies with fewer employees than this are small (50: 49 is small and 50 is not). */
  readonly smallBelowEmployees: number;
  readonly smallCompanyMaxOre: number;
  readonly otherCompanyMaxOre: number;
}

/** Company size as the call's caps see it: below the call's employee boundary, or not. */
export type TrainingSizeClass = 'small' | 'other';

export function classifyBySizeCaps(caps: TrainingSizeCaps, employeeCount: number): TrainingSizeClass {
  return employeeCount < caps.smallBelowEmployees ? 'small' : 'other';
}

/** The call's figures the maximum grant and the settlement of training aid use. */
export interface TrainingAidParameters extends TrainingCostRules {
  readonly stateAidBasis: TrainingAidBasis;
  /** The call's aid intensity (støtteintensitet), basis points; under GBER graded by company size. */
  readonly aidIntensityBasisPoints: number;
  readonly maxGrantBySize: TrainingSizeCaps;
  /** Cap per participating employee, øre (× participants, not × the company's employees). */
  readonly maxGrantPerParticipantOre: number;
}

/** The parts of a training-aid application the maximum grant depends on. */
export interface TrainingAidApplication {
  readonly participants: { readonly count: number };
  readonly costPlan: readonly TrainingCostLine[];
  readonly financingPlan: { readonly otherPublicSupportOre: number };
}

/** Which cap decides the maximum grant. */
export type TrainingGrantCap = 'size' | 'participants' | 'aid_intensity';

export interface TrainingAidMaximum {
  /** The largest grant the application can receive: the least of the three caps. */
  readonly maximumOre: number;
  /** The caps equal to the maximum (several when they tie). */
  readonly limitedBy: readonly TrainingGrantCap[];
  readonly sizeClass: TrainingSizeClass;
  /** Cap for the company's size class. */
  readonly sizeCapOre: number;
  /** Per-participant cap × participants. */
  readonly participantCapOre: number;
  readonly eligibleCostsOre: number;
  /** The intensity this applicant gets: the call's, under GBER at most the ceiling of its size. */
  readonly intensityBasisPoints: number;
  /** floor(intensity × eligible costs). */
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
 * The most a training-aid application can be granted: the least of the size cap, the
 * per-participant cap × participants, and the aid intensity × eligible costs (less other public
 * support under GBER), each rounded down to whole øre.
 */
export function maximumTrainingGrant(
  params: TrainingAidParameters,
  application: TrainingAidApplication,
  employeeCount: number,
): TrainingAidMaximum {
  const sizeClass = classifyBySizeCaps(params.maxGrantBySize, employeeCount);
  const sizeCapOre =
    sizeClass === 'small'
      ? params.maxGrantBySize.smallCompanyMaxOre
      : params.maxGrantBySize.otherCompanyMaxOre;
  const participantCapOre = mulDivFloor(params.maxGrantPerParticipantOre, application.participants.count, 1);
  const { eligibleCostsOre } = summariseTrainingCosts(params.eligibleCostCategories, application.costPlan);
  const intensityBasisPoints = trainingAidIntensity(
    params.stateAidBasis,
    params.aidIntensityBasisPoints,
    employeeCount,
  );
  const intensityOfEligibleCostsOre = applyBasisPoints(eligibleCostsOre, intensityBasisPoints);
  const otherPublicSupportDeductedOre =
    params.stateAidBasis === 'gber_art31' ? application.financingPlan.otherPublicSupportOre : 0;
  const intensityCapOre = Math.max(0, intensityOfEligibleCostsOre - otherPublicSupportDeductedOre);
  const least = leastCap<TrainingGrantCap>([
    ['size', sizeCapOre],
    ['participants', participantCapOre],
    ['aid_intensity', intensityCapOre],
  ]);
  return {
    maximumOre: least.amountOre,
    limitedBy: least.limitedBy,
    sizeClass,
    sizeCapOre,
    participantCapOre,
    eligibleCostsOre,
    intensityBasisPoints,
    intensityOfEligibleCostsOre,
    otherPublicSupportDeductedOre,
    intensityCapOre,
  };
}

export interface TrainingCostSettlement {
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
  /** The intensity the applicant gets (as at the decision: graded by its size under GBER). */
  readonly intensityBasisPoints: number;
  /** floor(intensity × actual eligible costs). */
  readonly intensityOfActualCostsOre: number;
  /** min(granted, intensity × actual eligible costs): what the company is owed in all. */
  readonly payableOre: number;
  /** granted − payable: goes back to the frame (ramme). */
  readonly releasedOre: number;
}

/**
 * The final settlement on the final report (sluttrapport): the grant is paid at the applicant's aid
 * intensity on the costs actually incurred, never more than granted; the rest is released.
 *
 * The call's share limits also apply to the actual figures, because they define what an eligible
 * cost is: travel + administration above their share of actual total costs, and costs that leave
 * provider fees below the minimum training share, do not count.
 */
export function settleTrainingCosts(
  params: TrainingAidParameters,
  grantedOre: number,
  actualCosts: readonly TrainingCostLine[],
  employeeCount: number,
): TrainingCostSettlement {
  const costs = summariseTrainingCosts(params.eligibleCostCategories, actualCosts);

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

  const intensityBasisPoints = trainingAidIntensity(
    params.stateAidBasis,
    params.aidIntensityBasisPoints,
    employeeCount,
  );
  const intensityOfActualCostsOre = applyBasisPoints(actualEligibleCostsOre, intensityBasisPoints);
  const payableOre = Math.min(grantedOre, intensityOfActualCostsOre);
  return {
    grantedOre,
    actualTotalCostsOre: costs.totalCostsOre,
    actualEligibleCostsBeforeLimitsOre: costs.eligibleCostsOre,
    travelAndAdministrationDisallowedOre,
    trainingShareDisallowedOre: afterTravelLimit - actualEligibleCostsOre,
    actualEligibleCostsOre,
    intensityBasisPoints,
    intensityOfActualCostsOre,
    payableOre,
    releasedOre: grantedOre - payableOre,
  };
}
