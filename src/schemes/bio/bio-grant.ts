import type { OrganisationForm } from '../../organisations/organisation-form';
import type { BioApplicationContent, BioCostLine } from './bio-application.dto';
import type { BioCallParameters } from './bio-call-parameters.dto';
import { addDays, addMonths } from '@lib/common';
import {
  maximumTrainingGrant,
  settleTrainingCosts,
  type TrainingAidMaximum,
  type TrainingCostSettlement,
} from '@lib/engine';

/*
 * BIO money: the maximum grant for an application and the final payable amount on the final report
 * (sluttrapport), both the kernel's training-aid arithmetic (scheme kit) on the call's figures.
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

/**
 * The maximum grant (tilsagn) an application can get under a call: the least of the size cap, the
 * per-participant cap × participants, and the aid intensity (støtteintensitet) × eligible costs
 * (less other public support under GBER), each rounded down to whole øre. Under GBER art. 31 the
 * call's intensity is graded down to the ceiling of the company's size (50 % for a large company).
 *
 * Example (Trøndelag): 12 employees, 4 participants, eligible costs 700 000 NOK →
 * min(300 000, 4 × 100 000, 50 % × 700 000) = 300 000 NOK, limited by size.
 */
export function computeMaximumGrant(
  params: BioCallParameters,
  application: BioApplicationContent,
  organisation: BioOrganisation,
): TrainingAidMaximum {
  return maximumTrainingGrant(params, application, organisation.employeeCount);
}

/**
 * The final settlement on the final report (sluttrapport): the grant is paid at the company's aid
 * intensity on the costs actually incurred, never more than granted; the rest is released. The
 * call's share limits apply to the actual figures (see `settleTrainingCosts`).
 */
export function computeFinalPayable(
  params: BioCallParameters,
  grantedOre: number,
  actualCosts: readonly BioCostLine[],
  organisation: Pick<BioOrganisation, 'employeeCount'>,
): TrainingCostSettlement {
  return settleTrainingCosts(params, grantedOre, actualCosts, organisation.employeeCount);
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
