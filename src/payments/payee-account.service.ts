import { Injectable } from '@nestjs/common';
import { isNorwegianAccountNumber } from '@lib/common';
import type { EntityManager } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';

/** Where an item of a payment run is paid to, or why it cannot be. */
export type PayeeAccount =
  | { readonly account: string; readonly source: 'organisation' }
  | { readonly account: null; readonly reason: 'missing' | 'invalid' };

/** The payee of one due instalment. */
export interface Payee {
  readonly applicationId: string;
  readonly instalment: number;
  readonly organisationId: string;
}

/**
 * The creditor account of a payment: the organisation's payout account (kontonummer for utbetaling)
 * for now. Once payout requests carry an account of their own, the request's account for the
 * instalment comes first and the organisation's is the fallback; callers need not change.
 */
@Injectable()
export class PayeeAccountService {
  async resolve(tx: EntityManager, payee: Payee): Promise<PayeeAccount> {
    const organisation = await tx.findOneBy(Organisation, { id: payee.organisationId });
    const account = organisation?.payoutAccount ?? null;
    if (!account) return { account: null, reason: 'missing' };
    if (!isNorwegianAccountNumber(account)) return { account: null, reason: 'invalid' };
    return { account, source: 'organisation' };
  }
}
