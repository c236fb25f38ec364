import { applyBasisPoints, FULL_BASIS_POINTS, isAtLeastRatio, mulDivFloor, sumOre } from '@lib/common';
import { leastCap, planAdvanceAndFinal, type Instalment } from '@lib/engine';
import type {
  EtablererApplicationContent,
  EtablererCostLine,
  EtablererFinalReport,
  EtablererStateAidBasis,
} from './etablerer-application.dto';
import type { EtablererCallParameters } from './etablerer-call-parameters.dto';
import { ETABLERER_GBER31_COST_CATEGORIES } from './etablerer-vocabulary';

/*
 * Etablereropplæring's money, in whole øre: eligible costs, the support share, the maximum grant,
 * the final settlement and the payment plan.
 */

export interface EtablererCostSummary {
  readonly totalCostsOre: number;
  /** Costs in the GBER art. 31 categories. */
  readonly eligibleCostsOre: number;
}

export function summariseEtablererCosts(lines: readonly EtablererCostLine[]): EtablererCostSummary {
  return {
    totalCostsOre: sumOre(lines.map((l) => l.amountOre)),
    eligibleCostsOre: sumOre(
      lines.filter((l) => ETABLERER_GBER31_COST_CATEGORIES.includes(l.category)).map((l) => l.amountOre),
    ),
  };
}

/** Whether the applicant is an SME for the support share: it declares so and has fewer employees than the call's boundary. */
export function isSme(params: EtablererCallParameters, smeDeclared: boolean, employeeCount: number): boolean {
  return smeDeclared && employeeCount < params.aidIntensity.smeBelowEmployees;
}

/** The settlement's state-aid basis: the application's declarations, the size from the register. */
export function etablererStateAidBasis(
  params: EtablererCallParameters,
  content: EtablererApplicationContent,
  employeeCount: number,
): EtablererStateAidBasis {
  const { economicActivity, smeDeclared } = content.declarations;
  return { economicActivity, sme: economicActivity && isSme(params, smeDeclared, employeeCount) };
}

/** The support share for an applicant with economic activity: 60 % for an SME, otherwise 50 % (basis points). */
export function supportShareBasisPoints(params: EtablererCallParameters, sme: boolean): number {
  return sme ? params.aidIntensity.smeBasisPoints : params.aidIntensity.basisPoints;
}

/** Own funds ≥ the call's share of the amount applied for (at least equal), compared exactly. */
export function ownFundsSufficient(
  params: EtablererCallParameters,
  ownFundsOre: number,
  requestedOre: number,
): boolean {
  return isAtLeastRatio(ownFundsOre, requestedOre, {
    numerator: params.minOwnFundsBasisPoints,
    denominator: FULL_BASIS_POINTS,
  });
}

/** The smallest own funds that meet the call's minimum for this amount: ceil(requested × share). */
export function requiredOwnFundsOre(params: EtablererCallParameters, requestedOre: number): number {
  return -mulDivFloor(-requestedOre, params.minOwnFundsBasisPoints, FULL_BASIS_POINTS);
}

/** The largest grant the own funds support; no limit when the call asks for none. */
export function grantSupportedByOwnFundsOre(params: EtablererCallParameters, ownFundsOre: number): number {
  if (params.minOwnFundsBasisPoints === 0) return Number.MAX_SAFE_INTEGER;
  return mulDivFloor(ownFundsOre, FULL_BASIS_POINTS, params.minOwnFundsBasisPoints);
}

/**
 * With economic activity: the support share of eligible costs, less other public funding for the
 * same project (cumulation), never below 0. Without: no limit (the own-funds rule alone applies).
 */
export function supportShareCapOre(
  params: EtablererCallParameters,
  economicActivity: boolean,
  sme: boolean,
  eligibleCostsOre: number,
  otherPublicFundingOre: number,
): number {
  if (!economicActivity) return Number.MAX_SAFE_INTEGER;
  const share = applyBasisPoints(eligibleCostsOre, supportShareBasisPoints(params, sme));
  return Math.max(0, share - otherPublicFundingOre);
}

export type EtablererGrantCap = 'requested' | 'call_cap' | 'own_funds' | 'support_share';

export interface EtablererMaximumGrant {
  readonly maximumOre: number;
  readonly limitedBy: readonly EtablererGrantCap[];
  readonly sme: boolean;
  readonly eligibleCostsOre: number;
  readonly ownFundsCapOre: number;
  /** Number.MAX_SAFE_INTEGER without economic activity. */
  readonly supportShareCapOre: number;
}

/**
 * The most an application can be granted: no more than applied for, the call's cap, what the own
 * funds support (own funds ≥ the grant), and, with economic activity, the support share of eligible
 * costs (50 %, 60 % for SMEs) less other public funding.
 */
export function computeEtablererMaximumGrant(
  params: EtablererCallParameters,
  content: EtablererApplicationContent,
  employeeCount: number,
): EtablererMaximumGrant {
  const { requestedGrantOre, ownFundsOre, otherPublicFundingOre } = content.financingPlan;
  const { economicActivity, smeDeclared } = content.declarations;
  const sme = economicActivity && isSme(params, smeDeclared, employeeCount);
  const { eligibleCostsOre } = summariseEtablererCosts(content.costPlan);
  const ownFundsCapOre = grantSupportedByOwnFundsOre(params, ownFundsOre);
  const shareCap = supportShareCapOre(params, economicActivity, sme, eligibleCostsOre, otherPublicFundingOre);
  const least = leastCap<EtablererGrantCap>([
    ['requested', requestedGrantOre],
    ['call_cap', params.maxGrantOre],
    ['own_funds', ownFundsCapOre],
    ['support_share', shareCap],
  ]);
  return {
    maximumOre: least.amountOre,
    limitedBy: least.limitedBy,
    sme,
    eligibleCostsOre,
    ownFundsCapOre,
    supportShareCapOre: shareCap,
  };
}

export interface EtablererFinalSettlement {
  readonly grantedOre: number;
  readonly actualTotalCostsOre: number;
  readonly actualEligibleCostsOre: number;
  /** Actual costs less own funds and other public funding. */
  readonly uncoveredCostsOre: number;
  readonly ownFundsCapOre: number;
  readonly supportShareCapOre: number;
  readonly payableOre: number;
  /** granted − payable: back to the frame (ramme). */
  readonly releasedOre: number;
}

/**
 * The final settlement on the report: the same limits as at the decision, applied to the actual
 * figures (uncovered costs, own funds ≥ the grant, and with economic activity the support share of
 * actual eligible costs, on the state-aid basis of the application).
 */
export function computeEtablererFinalPayable(
  params: EtablererCallParameters,
  grantedOre: number,
  report: EtablererFinalReport,
  basis: EtablererStateAidBasis,
): EtablererFinalSettlement {
  const costs = summariseEtablererCosts(report.actualCosts);
  const uncoveredCostsOre = Math.max(
    0,
    costs.totalCostsOre - report.actualOwnFundsOre - report.otherPublicFundingOre,
  );
  const ownFundsCapOre = grantSupportedByOwnFundsOre(params, report.actualOwnFundsOre);
  const shareCap = supportShareCapOre(
    params,
    basis.economicActivity,
    basis.sme,
    costs.eligibleCostsOre,
    report.otherPublicFundingOre,
  );
  const payableOre = Math.min(grantedOre, uncoveredCostsOre, ownFundsCapOre, shareCap);
  return {
    grantedOre,
    actualTotalCostsOre: costs.totalCostsOre,
    actualEligibleCostsOre: costs.eligibleCostsOre,
    uncoveredCostsOre,
    ownFundsCapOre,
    supportShareCapOre: shareCap,
    payableOre,
    releasedOre: grantedOre - payableOre,
  };
}

/** The advance on acceptance (rounded down) and the rest on the final report, summing to the grant exactly. */
export function planEtablererPayments(params: EtablererCallParameters, grantedOre: number): Instalment[] {
  return planAdvanceAndFinal(grantedOre, params.advancePaymentBasisPoints, {
    advance: 'Forskudd ved aksept',
    final: 'Sluttutbetaling etter godkjent sluttrapport',
  });
}
