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
 * release the rest, and claim back what was paid beyond it. `paid` is net of repayments. The
 * settlement moves the money by it, and its letter states it.
 */
export function settlementOf(paid: number, outstanding: number, finalAmount: number): SettlementOutcome {
  const toPay = Math.min(Math.max(0, finalAmount - paid), outstanding);
  return { toPay, release: outstanding - toPay, overpaid: Math.max(0, paid - finalAmount) };
}
