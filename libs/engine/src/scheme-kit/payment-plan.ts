import { applyBasisPoints } from '@lib/common';
import type { Instalment } from '../scheme-definition';

export interface AdvanceAndFinalLabels {
  /** The payment once the grant is accepted (forskudd). */
  readonly advance: string;
  /** The payment on the approved final report (sluttutbetaling). */
  readonly final: string;
}

/**
 * The most common payment plan: the call's share of the grant once it is accepted (rounded down to
 * whole øre) and the rest on the final report, so the instalments add up to the grant exactly. No
 * advance line when the advance is 0. The final line is kept even when it is 0 (it is where the
 * final settlement is made), unless `omitZeroFinal` is set and there is an advance.
 */
export function planAdvanceAndFinal(
  grantedOre: number,
  advanceBasisPoints: number,
  labels: AdvanceAndFinalLabels,
  options: { readonly omitZeroFinal?: boolean } = {},
): Instalment[] {
  const advance = applyBasisPoints(grantedOre, advanceBasisPoints);
  const final = grantedOre - advance;
  const plan: Instalment[] = [];
  if (advance > 0) plan.push({ label: labels.advance, amount: advance, on: 'acceptance' });
  if (final > 0 || advance === 0 || !options.omitZeroFinal)
    plan.push({ label: labels.final, amount: final, on: 'final_report' });
  return plan;
}
