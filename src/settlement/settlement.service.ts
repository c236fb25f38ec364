import { Injectable } from '@nestjs/common';
import { Actor } from '@lib/common';
import { describeState, TAGS } from '@lib/engine';
import type { EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity';
import { ApplicationsService } from '../applications/applications.service';
import { UNSETTLED_CLAIM_STATUSES } from './repayment-claim.entity';
import { SchemeRegistry } from '../schemes/scheme-registry';

const SYSTEM: Actor = { kind: 'system', userId: null, reason: 'settlement' };

/** A grant's money on one frame, as the settlement reads it. */
export interface SettlementPosition {
  readonly frameId: string;
  /** øre committed and not yet released, paid or carried over. */
  readonly outstanding: number;
  /** øre paid out less repaid. */
  readonly paid: number;
  /** øre released back to the frame. */
  readonly released: number;
}

/** What a grant's settlement still waits for. */
export interface SettlementStanding {
  readonly positions: readonly SettlementPosition[];
  readonly outstanding: number;
  readonly paid: number;
  readonly released: number;
  /** øre owed in repayment claims not yet settled. */
  readonly openClaimAmount: number;
}

/**
 * Oppgjør: a case whose final report is approved closes once nothing is committed to its grant and no
 * repayment claim is open. Whoever completes the settlement (finance booking the final payment, or
 * registering a claim's repayment) asks here, in the same transaction, and the case is sent the
 * system event that closes it.
 */
@Injectable()
export class SettlementService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly schemes: SchemeRegistry,
  ) {}

  /** The grant's positions on the ledger and its open claims, read in the caller's transaction. */
  async standing(tx: EntityManager, applicationId: string): Promise<SettlementStanding> {
    const rows = await tx.query<
      Array<{ frame_id: string; outstanding: string; paid: string; released: string }>
    >(
      `SELECT frame_id, committed - released - disbursed - carried_out AS outstanding,
              disbursed - repaid AS paid, released
         FROM grant_position WHERE application_id = $1
        ORDER BY committed - released - disbursed - carried_out DESC, disbursed DESC, frame_id`,
      [applicationId],
    );
    const [claims] = await tx.query<Array<{ amount: string }>>(
      `SELECT coalesce(sum(amount), 0) AS amount FROM repayment_claim
        WHERE application_id = $1 AND status = ANY($2::text[])`,
      [applicationId, UNSETTLED_CLAIM_STATUSES],
    );
    const positions = rows.map((r) => ({
      frameId: r.frame_id,
      outstanding: Number(r.outstanding),
      paid: Number(r.paid),
      released: Number(r.released),
    }));
    const sum = (pick: (p: SettlementPosition) => number) => positions.reduce((s, p) => s + pick(p), 0);
    return {
      positions,
      outstanding: sum((p) => p.outstanding),
      paid: sum((p) => p.paid),
      released: sum((p) => p.released),
      openClaimAmount: Number(claims?.amount ?? 0),
    };
  }

  /**
   * Closes the case when it is settling and its settlement is complete; otherwise does nothing. The
   * caller holds the case's row locked in `tx`.
   */
  async closeIfSettled(tx: EntityManager, application: Application): Promise<boolean> {
    const scheme = this.schemes.forStored(application.schemeId);
    if (!describeState(scheme.lifecycle, application.snapshot).tags.includes(TAGS.settling)) return false;
    const standing = await this.standing(tx, application.id);
    if (standing.outstanding !== 0 || standing.openClaimAmount !== 0) return false;
    await this.applications.sendWithin(tx, SYSTEM, application.id, 'SETTLE', {
      outstanding: standing.outstanding,
      openClaimAmount: standing.openClaimAmount,
    });
    return true;
  }
}
