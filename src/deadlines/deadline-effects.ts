import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EffectRunner } from '../applications/effect-runner';
import { OutboxMessage } from '../applications/outbox-message.entity';
import { Deadline } from './deadline.entity';

/** Outbox kinds the dispatcher turns into BullMQ operations. */
export const ARM_DEADLINE = 'deadline.arm';
export const DISARM_DEADLINE = 'deadline.disarm';

export interface ArmPayload {
  deadlineId: string;
  dueAt: string;
}

/**
 * The lifecycle's deadline effects, inside the transition's transaction: the deadline row (one open
 * per application and kind) and an outbox row asking the dispatcher to arm or disarm its timer.
 */
@Injectable()
export class DeadlineEffects implements OnModuleInit {
  constructor(private readonly effects: EffectRunner) {}

  onModuleInit(): void {
    this.effects.register('scheduleDeadline', async (effect, { tx, application, auditRecordId }) => {
      await this.cancel(tx, application.id, effect.deadline, auditRecordId);
      const deadline = await tx.save(
        tx.create(Deadline, {
          applicationId: application.id,
          kind: effect.deadline,
          dueAt: new Date(effect.dueAt),
          status: 'scheduled',
        }),
      );
      const payload: ArmPayload = { deadlineId: deadline.id, dueAt: deadline.dueAt.toISOString() };
      await tx.insert(OutboxMessage, {
        applicationId: application.id,
        auditRecordId,
        kind: ARM_DEADLINE,
        payload: { ...payload },
      });
    });
    this.effects.register('cancelDeadline', async (effect, { tx, application, auditRecordId }) => {
      await this.cancel(tx, application.id, effect.deadline, auditRecordId);
    });
  }

  private async cancel(tx: EntityManager, applicationId: string, kind: string, auditRecordId: string) {
    const [rows] = await tx.query<[Array<{ id: string }>, number]>(
      `UPDATE deadline SET status = 'cancelled', settled_at = now(), outcome = 'cancelled by a transition'
        WHERE application_id = $1 AND kind = $2 AND status = 'scheduled' RETURNING id`,
      [applicationId, kind],
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
