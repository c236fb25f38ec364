import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FundingCall } from '../calls/funding-call.entity';
import { OutboxMessage } from '../runtime';
import { DISARM_DEADLINE, scheduleCallAnnouncements, scheduleDeadline } from './deadline-effects';
import { formatDeadlineType, type DeadlineType } from './deadline-type';

/** The follow-ups of a repayment claim (tilbakebetalingskrav), as deadlines of its case. */
export type ClaimFollowUp = 'claim_reminder' | 'claim_escalation';

/** What other features ask of the deadlines feature, beyond the effects transitions emit. */
@Injectable()
export class DeadlinesService {
  /**
   * A call just published: its opening and closing announcements, each only if still ahead, written in
   * the caller's transaction with the outbox rows that arm their timers.
   */
  scheduleCallAnnouncements(
    tx: EntityManager,
    call: Pick<FundingCall, 'id' | 'opensAt' | 'closesAt'>,
    now: Date,
  ): Promise<void> {
    return scheduleCallAnnouncements(tx, call, now);
  }

  /** A repayment claim's reminder or escalation, written in the caller's transaction with its timer's outbox row. */
  async scheduleClaimFollowUp(
    tx: EntityManager,
    applicationId: string,
    followUp: ClaimFollowUp,
    dueAt: Date,
    auditRecordId: string | null,
  ): Promise<void> {
    await scheduleDeadline(tx, { applicationId }, { type: followUp }, dueAt, auditRecordId);
  }

  /** Cancels a case's open claim follow-ups (the claim was settled), and disarms their timers. */
  async cancelClaimFollowUps(tx: EntityManager, applicationId: string, auditRecordId: string | null) {
    const kinds = (['claim_reminder', 'claim_escalation'] as const).map((type) =>
      formatDeadlineType({ type } satisfies DeadlineType),
    );
    const [rows] = await tx.query<[Array<{ id: string }>, number]>(
      `UPDATE deadline SET status = 'cancelled', settled_at = now(), outcome = 'repayment claim settled'
        WHERE application_id = $1 AND kind = ANY($2::text[]) AND status = 'scheduled'
        RETURNING id`,
      [applicationId, kinds],
    );
    for (const { id } of rows) {
      await tx.insert(OutboxMessage, {
        applicationId,
        auditRecordId,
        kind: DISARM_DEADLINE,
        payload: { deadlineId: id },
      });
    }
  }
}
