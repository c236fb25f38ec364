import {
  maximumTrainingGrant,
  planAdvanceAndFinal,
  settleTrainingCosts,
  type Instalment,
  type TrainingAidMaximum,
  type TrainingCostSettlement,
} from '@lib/engine';
import type { CoronaBioExtraApplication, CoronaCostLine, CoronaFinalReport } from './corona-application.dto';
import type { CoronaBioExtraParameters, CoronaCallParameters } from './corona-call-parameters.dto';

/*
 * Money of the corona measures, in whole øre, always rounded down: the maximum grant and the final
 * settlement of the extraordinary BIO money (the kernel's training-aid arithmetic, as ordinary BIO,
 * on the call's own figures), the final payable amount of the flat-rate measures, and the payment
 * plan of all three.
 */

/**
 * The most an extraordinary-BIO application can get: the kernel's training-aid maximum on the
 * call's own figures (size cap, per-participant cap, aid intensity graded by company size under
 * GBER art. 31, less other public support under GBER).
 *
 * Example (Trøndelag, 60 %): 14 employees, 6 participants, eligible costs 400 000 NOK →
 * min(300 000, 6 × 100 000, 60 % × 400 000 = 240 000) = 240 000 NOK, limited by aid intensity.
 */
export function computeBioExtraMaximumGrant(
  params: CoronaBioExtraParameters,
  application: CoronaBioExtraApplication,
  employeeCount: number,
): TrainingAidMaximum {
  return maximumTrainingGrant(params, application, employeeCount);
}

/**
 * The final settlement on the final report: the grant is paid at the company's aid intensity (as
 * at the decision) on the costs actually incurred, never more than granted; the share limits apply
 * to the actual figures.
 */
export function computeBioExtraFinalPayable(
  params: CoronaBioExtraParameters,
  grantedOre: number,
  actualCosts: readonly CoronaCostLine[],
  employeeCount: number,
): TrainingCostSettlement {
  return settleTrainingCosts(params, grantedOre, actualCosts, employeeCount);
}

/**
 * What is finally paid on a report, never more than granted:
 * - bio_extra: the aid intensity (graded by the company's size under GBER) of the actual eligible costs;
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
  employeeCount: number,
): number {
  if (report.measure !== params.measure) return 0;
  switch (report.measure) {
    case 'bio_extra':
      return params.bioExtra && report.bioExtra
        ? computeBioExtraFinalPayable(params.bioExtra, grantedOre, report.bioExtra.actualCosts, employeeCount)
            .payableOre
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
  const advance = params.measure === 'bio_extra' ? 'Forskudd' : 'Første utbetaling';
  return planAdvanceAndFinal(
    grantedOre,
    params.advancePaymentBasisPoints,
    { advance, final: 'Sluttutbetaling' },
    { omitZeroFinal: true },
  );
}
