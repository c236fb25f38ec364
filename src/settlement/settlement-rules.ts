import { DomainError } from '@lib/common';

export { settlementOf, type SettlementOutcome } from '@lib/ledger';

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
