import { Injectable, OnModuleInit } from '@nestjs/common';
import type { DeadlineKind } from '@lib/engine';
import type { EntityManager } from 'typeorm';
import { EffectRunner } from '../applications/effect-runner';
import { OutboxMessage } from '../applications/outbox-message.entity';
import { FundingCall } from '../calls/funding-call.entity';
import { Deadline } from './deadline.entity';
import {
  finalReportReminder,
  followsLifecycleDeadline,
  formatDeadlineType,
  lifecycleDeadline,
  parseDeadlineType,
  type DeadlineType,
} from './deadline-type';

/** Outbox kinds the dispatcher turns into BullMQ operations. */
export const ARM_DEADLINE = 'deadline.arm';
export const DISARM_DEADLINE = 'deadline.disarm';

export interface ArmPayload {
  deadlineId: string;
  dueAt: string;
}

/**
 * Writes a scheduled deadline of an application or a call, and the outbox row that arms its timer,
 * in the caller's transaction.
 */
export async function scheduleDeadline(
  tx: EntityManager,
  owner: { applicationId: string } | { callId: string },
  type: DeadlineType,
  dueAt: Date,
  auditRecordId: string | null,
): Promise<Deadline> {
  const kind = formatDeadlineType(type);
  const deadline = await tx.save(tx.create(Deadline, { ...owner, kind, dueAt, status: 'scheduled' }));
  const payload: ArmPayload = { deadlineId: deadline.id, dueAt: deadline.dueAt.toISOString() };
  await tx.insert(OutboxMessage, {
    applicationId: 'applicationId' in owner ? owner.applicationId : null,
    auditRecordId,
    kind: ARM_DEADLINE,
    payload: { ...payload },
  });
  return deadline;
}

/**
 * A published call's announcements: its opening and its closing, each only if still ahead (a call
 * published after its opening is announced by its publication).
 */
export async function scheduleCallAnnouncements(
  tx: EntityManager,
  call: Pick<FundingCall, 'id' | 'opensAt' | 'closesAt'>,
  now: Date,
): Promise<void> {
  if (call.opensAt > now)
    await scheduleDeadline(tx, { callId: call.id }, { type: 'call_opens' }, call.opensAt, null);
  if (call.closesAt && call.closesAt > now)
    await scheduleDeadline(tx, { callId: call.id }, { type: 'call_closes' }, call.closesAt, null);
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
 * final report deadline brings its reminders (the call's days before it), and once it has passed,
 * the escalation to the case officer and then the proposal to let the grant lapse (the call's days
 * after it); a submission brings the preliminary-reply deadline one month later.
 */
@Injectable()
export class DeadlineEffects implements OnModuleInit {
  constructor(private readonly effects: EffectRunner) {}

  onModuleInit(): void {
    this.effects.register('scheduleDeadline', async (effect, { tx, application, auditRecordId, at }) => {
      await this.cancel(tx, application.id, effect.deadline, auditRecordId);
      const dueAt = new Date(effect.dueAt);
      await this.schedule(tx, application.id, lifecycleDeadline(effect.deadline), dueAt, auditRecordId);
      if (effect.deadline === 'final_report') {
        const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
        for (const days of call.reminderDays) {
          const remindAt = new Date(dueAt.getTime() - days * DAY_MS);
          if (remindAt > at)
            await this.schedule(tx, application.id, finalReportReminder(days), remindAt, auditRecordId);
        }
      }
    });
    this.effects.register('cancelDeadline', async (effect, { tx, application, auditRecordId }) => {
      await this.cancel(tx, application.id, effect.deadline, auditRecordId);
    });
    this.effects.observe(async ({ tx, application, auditRecordId, at, event, fromStatus, toStatus }) => {
      if (fromStatus === 'draft' && toStatus === 'applied') {
        await this.schedule(
          tx,
          application.id,
          { type: 'preliminary_reply' },
          plusOneMonth(at),
          auditRecordId,
        );
      }
      if (event === 'REPORT_DEADLINE_PASSED') {
        const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
        const after = (days: number) => new Date(at.getTime() + days * DAY_MS);
        await this.schedule(
          tx,
          application.id,
          { type: 'report_escalation' },
          after(call.overdueEscalationDays),
          auditRecordId,
        );
        await this.schedule(
          tx,
          application.id,
          { type: 'report_lapse_proposal' },
          after(call.overdueLapseProposalDays),
          auditRecordId,
        );
      }
    });
  }

  private schedule(
    tx: EntityManager,
    applicationId: string,
    type: DeadlineType,
    dueAt: Date,
    auditRecordId: string,
  ) {
    return scheduleDeadline(tx, { applicationId }, type, dueAt, auditRecordId);
  }

  /** Cancels the open deadline of a kind, and for the final report its reminders and escalations too. */
  private async cancel(tx: EntityManager, applicationId: string, of: DeadlineKind, auditRecordId: string) {
    const open = await tx.find(Deadline, {
      select: { id: true, kind: true },
      where: { applicationId, status: 'scheduled' },
    });
    const ids = open
      .filter((d) => {
        const type = parseDeadlineType(d.kind);
        return type !== null && followsLifecycleDeadline(type, of);
      })
      .map((d) => d.id);
    if (!ids.length) return;
    const [rows] = await tx.query<[Array<{ id: string }>, number]>(
      `UPDATE deadline SET status = 'cancelled', settled_at = now(), outcome = 'cancelled by a transition'
        WHERE id = ANY($1::uuid[]) AND status = 'scheduled'
        RETURNING id`,
      [ids],
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
