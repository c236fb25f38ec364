import { DomainError } from '@lib/common';

/** What settling a grant on its final amount comes to, all in øre. */
export interface SettlementOutcome {
  /** The final payment still to make: at most what is outstanding. */
  readonly toPay: number;
  /** Outstanding money the grant no longer needs, released to its frames. */
  readonly release: number;
  /** Paid beyond the final amount: the repayment claim to raise (0 when none). */
  readonly overpaid: number;
}

/**
 * Settles a grant on its final payable amount: pay up to the final amount from what is outstanding,
 * release the rest, and claim back what was paid beyond it. `paid` is net of repayments.
 */
export function settlementOf(paid: number, outstanding: number, finalAmount: number): SettlementOutcome {
  const toPay = Math.min(Math.max(0, finalAmount - paid), outstanding);
  return { toPay, release: outstanding - toPay, overpaid: Math.max(0, paid - finalAmount) };
}

/**
 * Refuses to settle a claim twice (409 `claim_settled`) or for another amount than is owed (409
 * `claim_amount_changed`): a claim is repaid once, in full.
 */
export function assertSettleable(
  claim: { readonly status: string; readonly amount: number },
  amount: number,
  reference: string,
): void {
  if (claim.status === 'settled') {
    throw new DomainError('conflict', 'claim_settled', `The claim on ${reference} is already settled`);
  }
  if (claim.amount !== amount) {
    throw new DomainError(
      'conflict',
      'claim_amount_changed',
      `${claim.amount} øre is owed on the claim, not ${amount}`,
      { owed: claim.amount, requested: amount },
    );
  }
}
