import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainError } from '@lib/common';
import { Application } from '../applications/application.entity';
import { FundingCall } from '../calls/funding-call.entity';
import { EffectRunner } from '../runtime';
import { LedgerService } from './ledger.service';

/**
 * Why the system moved the money, in bokmål: finance reads it on the frame's entries and in the CSV.
 * Entries written before these texts keep their English reasons; the ledger is never rewritten.
 */
const RELEASE_REASONS = {
  declined: 'Frigitt: tilsagn avslått av søker',
  lapsed: 'Frigitt: tilsagn ikke akseptert i tide',
  underspend: 'Frigitt: ubrukt del av tilsagnet etter sluttrapport',
} as const;

/**
 * The lifecycle's money effects, carried out by the ledger inside the transition's transaction: the
 * grant is assigned its call's frame, and a grant decision that would overspend the frame is refused
 * and the application stays where it was.
 */
@Injectable()
export class MoneyEffects implements OnModuleInit {
  constructor(
    private readonly effects: EffectRunner,
    private readonly ledger: LedgerService,
  ) {}

  onModuleInit(): void {
    this.effects.register('assignFrame', async (_effect, { tx, application }) => {
      const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
      if (!call.frameId) {
        throw new DomainError(
          'unprocessable',
          'no_frame',
          'The call is not charged to a budget frame; finance must assign one',
        );
      }
      application.frameId = call.frameId;
      await tx.update(Application, { id: application.id }, { frameId: call.frameId });
    });
    this.effects.register('commitFunds', async (effect, { tx, application, actorUserId, actorRole, at }) => {
      if (!application.frameId)
        throw new Error(`application ${application.id} commits money but was never assigned a frame`);
      await this.ledger.commit(tx, {
        frameId: application.frameId,
        grantKey: application.id,
        applicationId: application.id,
        amount: effect.amount,
        actorUserId,
        actorRole,
        at,
        reason: `Tilsagn ${application.reference}`,
      });
    });
    this.effects.register('releaseFunds', async (effect, { tx, application, actorUserId, actorRole, at }) => {
      if (!application.frameId)
        throw new Error(`application ${application.id} releases money but was never charged to a frame`);
      await this.ledger.release(tx, {
        frameId: application.frameId,
        grantKey: application.id,
        amount: effect.amount,
        actorUserId,
        actorRole,
        at,
        reason: `${RELEASE_REASONS[effect.reason]} (${application.reference})`,
      });
    });
  }
}
