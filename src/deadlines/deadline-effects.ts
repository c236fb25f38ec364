import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EffectRunner } from '../applications/effect-runner';
import { OutboxMessage } from '../applications/outbox-message.entity';
import { FundingCall } from '../calls/funding-call.entity';
import { Deadline } from './deadline.entity';

/** Outbox kinds the dispatcher turns into BullMQ operations. */
export const ARM_DEADLINE = 'deadline.arm';
export const DISARM_DEADLINE = 'deadline.disarm';

/** Deadlines that only notify (no lifecycle event): reminders and the preliminary-reply warning. */
export const REMINDER_PREFIX = 'reminder.final_report.';
export const PRELIMINARY_REPLY = 'preliminary_reply';

export interface ArmPayload {
  deadlineId: string;
  dueAt: string;
}

const DAY_MS = 86_400_000;

/** One calendar month later (31 Jan → 28/29 Feb), as forvaltningsloven § 11a counts "innen en måned". */
function plusOneMonth(at: Date): Date {
  const next = new Date(at);
  next.setUTCMonth(at.getUTCMonth() + 1);
  if (next.getUTCDate() !== at.getUTCDate()) next.setUTCDate(0);
  return next;
}

/**
 * The lifecycle's deadline effects, inside the transition's transaction: the deadline row (one open
 * per application and kind) and an outbox row asking the dispatcher to arm or disarm its timer. A
 * final report deadline brings its reminders (the call's days before it); a submission brings the
 * preliminary-reply deadline one month later.
 */
@Injectable()
export class DeadlineEffects implements OnModuleInit {
  constructor(private readonly effects: EffectRunner) {}

  onModuleInit(): void {
    this.effects.register('scheduleDeadline', async (effect, { tx, application, auditRecordId, at }) => {
      await this.cancel(tx, application.id, effect.deadline, auditRecordId);
      const dueAt = new Date(effect.dueAt);
      await this.schedule(tx, application.id, effect.deadline, dueAt, auditRecordId);
      if (effect.deadline === 'final_report') {
        const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
        for (const days of call.reminderDays) {
          const remindAt = new Date(dueAt.getTime() - days * DAY_MS);
          if (remindAt > at)
            await this.schedule(tx, application.id, `${REMINDER_PREFIX}${days}`, remindAt, auditRecordId);
        }
      }
    });
    this.effects.register('cancelDeadline', async (effect, { tx, application, auditRecordId }) => {
      await this.cancel(tx, application.id, effect.deadline, auditRecordId);
    });
    this.effects.observe(async ({ tx, application, auditRecordId, at, fromStatus, toStatus }) => {
      if (fromStatus === 'draft' && toStatus === 'applied') {
        await this.schedule(tx, application.id, PRELIMINARY_REPLY, plusOneMonth(at), auditRecordId);
      }
    });
  }

  private async schedule(
    tx: EntityManager,
    applicationId: string,
    kind: string,
    dueAt: Date,
    auditRecordId: string,
  ) {
    const deadline = await tx.save(tx.create(Deadline, { applicationId, kind, dueAt, status: 'scheduled' }));
    const payload: ArmPayload = { deadlineId: deadline.id, dueAt: deadline.dueAt.toISOString() };
    await tx.insert(OutboxMessage, {
      applicationId,
      auditRecordId,
      kind: ARM_DEADLINE,
      payload: { ...payload },
    });
  }

  /** Cancels the open deadline of a kind, and for the final report its reminders too. */
  private async cancel(tx: EntityManager, applicationId: string, kind: string, auditRecordId: string) {
    const [rows] = await tx.query<[Array<{ id: string }>, number]>(
      `UPDATE deadline SET status = 'cancelled', settled_at = now(), outcome = 'cancelled by a transition'
        WHERE application_id = $1 AND status = 'scheduled' AND (kind = $2 OR ($2 = 'final_report' AND kind LIKE $3))
        RETURNING id`,
      [applicationId, kind, `${REMINDER_PREFIX}%`],
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
