import {
  maximumTrainingGrant,
  settleTrainingCosts,
  type SchemeOrganisation,
  type TrainingAidMaximum,
  type TrainingCostSettlement,
} from '@lib/engine';
import type { BioApplicationContent, BioCostLine } from './bio-application.dto';
import type { BioCallParameters } from './bio-call-parameters.dto';

/*
 * BIO money: the maximum grant for an application and the final payable amount on the final report
 * (sluttrapport), both the kernel's training-aid arithmetic (scheme kit) on the call's figures.
 */

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
  organisation: SchemeOrganisation,
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
  organisation: Pick<SchemeOrganisation, 'employeeCount'>,
): TrainingCostSettlement {
  return settleTrainingCosts(params, grantedOre, actualCosts, organisation.employeeCount);
}
