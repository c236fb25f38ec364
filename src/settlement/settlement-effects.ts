import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainError } from '@lib/common';
import { LedgerService, RELEASE_REASONS } from '../budget/ledger.service';

import { EffectRunner } from '../runtime';
import { RepaymentClaimsService } from './repayment-claims.service';
import { settlementOf } from './settlement-rules';
import { SettlementService } from './settlement.service';

/**
 * The settlement effect (oppgjør) of an approved final report, inside the transition's transaction:
 * what is still committed above what is left to pay goes back to the frame; what was paid above the
 * final amount becomes a repayment claim. When nothing is left to pay and nothing is claimed, the case
 * is closed at once by the follow-up system event.
 */
@Injectable()
export class SettlementEffects implements OnModuleInit {
  constructor(
    private readonly effects: EffectRunner,
    private readonly ledger: LedgerService,
    private readonly settlement: SettlementService,
    private readonly claims: RepaymentClaimsService,
  ) {}

  onModuleInit(): void {
    this.effects.register(
      'settleFunds',
      async (effect, { tx, application, actorUserId, actorRole, at, followUp }) => {
        const standing = await this.settlement.standing(tx, application.id);
        const final = effect.finalPayableAmount;
        const outcome = settlementOf(standing.paid, standing.outstanding, final);
        const { toPay, overpaid } = outcome;
        let release = outcome.release;
        for (const position of standing.positions) {
          const amount = Math.min(release, position.outstanding);
          if (amount <= 0) continue;
          await this.ledger.release(tx, {
            frameId: position.frameId,
            grantKey: application.id,
            amount,
            actorUserId,
            actorRole,
            at,
            reason: `${RELEASE_REASONS.underspend} (${application.reference})`,
          });
          release -= amount;
        }
        if (overpaid > 0) {
          // Repaid to the frame that paid the most.
          const payer = [...standing.positions].sort((a, b) => b.paid - a.paid)[0];
          if (!payer) throw new Error(`application ${application.id} was paid but has no position`);
          await this.claims.raise(tx, application, {
            frameId: payer.frameId,
            amount: overpaid,
            at,
            actorUserId,
          });
        } else if (toPay === 0) {
          followUp?.('SETTLE', { outstanding: 0, openClaimAmount: 0 });
        }
      },
    );
    // Heving: nothing more is paid. The unpaid rest goes back to the frame; what the decision claims
    // back (at most what was paid) becomes a repayment claim; with nothing claimed the case closes.
    this.effects.register(
      'cancelFunds',
      async (effect, { tx, application, actorUserId, actorRole, at, followUp }) => {
        const standing = await this.settlement.standing(tx, application.id);
        if (effect.repaymentAmount > standing.paid) {
          throw new DomainError(
            'unprocessable',
            'repayment_above_paid',
            `At most what was paid (${standing.paid} øre) can be claimed back; the proposal claims ${effect.repaymentAmount} øre`,
            { paid: standing.paid, requested: effect.repaymentAmount },
          );
        }
        for (const position of standing.positions) {
          if (position.outstanding <= 0) continue;
          await this.ledger.release(tx, {
            frameId: position.frameId,
            grantKey: application.id,
            amount: position.outstanding,
            actorUserId,
            actorRole,
            at,
            reason: `${RELEASE_REASONS.cancelled} (${application.reference})`,
          });
        }
        if (effect.repaymentAmount > 0) {
          const payer = [...standing.positions].sort((a, b) => b.paid - a.paid)[0];
          if (!payer) throw new Error(`application ${application.id} was paid but has no position`);
          await this.claims.raise(tx, application, {
            frameId: payer.frameId,
            amount: effect.repaymentAmount,
            at,
            actorUserId,
            cause: 'cancellation',
          });
        } else {
          followUp?.('SETTLE', { outstanding: 0, openClaimAmount: 0 });
        }
      },
    );
  }
}
