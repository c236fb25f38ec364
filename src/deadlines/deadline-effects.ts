import { Injectable, OnModuleInit } from '@nestjs/common';
import { DAY_MS, endOfNorwegianDay, validatePayload } from '@lib/common';
import { DEFAULT_APPEAL_PREPARATION_DAYS, type DeadlineKind } from '@lib/engine';
import type { EntityManager } from 'typeorm';
import { FundingCall } from '../calls/funding-call.entity';
import { EffectRunner, OutboxMessage, type LifecycleCase } from '../runtime';
import { SchemeRegistry } from '../schemes/scheme-registry';
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

/**
 * The lifecycle's deadline and notice effects, inside the transition's transaction: the deadline row
 * (one open per application and kind) and an outbox row asking the dispatcher to arm or disarm its
 * timer. A final report deadline brings its reminders (the call's days before it); the notices of an
 * overdue report, the escalation to the case officer and then the proposal to let the grant lapse,
 * are due the call's days after it became overdue. Cancelling or moving the final report's deadline
 * takes its reminders and notices with it.
 */
@Injectable()
export class DeadlineEffects implements OnModuleInit {
  constructor(
    private readonly effects: EffectRunner,
    private readonly schemes: SchemeRegistry,
  ) {}

  onModuleInit(): void {
    this.effects.register('scheduleDeadline', async (effect, { tx, application, auditRecordId, at }) => {
      await this.cancelLifecycleDeadline(tx, application.id, effect.deadline, auditRecordId);
      const dueAt = new Date(effect.dueAt);
      await this.schedule(tx, application.id, lifecycleDeadline(effect.deadline), dueAt, auditRecordId);
      if (effect.deadline === 'final_report') {
        const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
        for (const days of call.parameters.reminderDays) {
          const remindAt = new Date(dueAt.getTime() - days * DAY_MS);
          if (remindAt > at)
            await this.schedule(tx, application.id, finalReportReminder(days), remindAt, auditRecordId);
        }
        await this.scheduleInterimFollowUps(tx, application, call, at, auditRecordId);
      }
    });
    this.effects.register('cancelDeadline', async (effect, { tx, application, auditRecordId }) => {
      await this.cancelLifecycleDeadline(tx, application.id, effect.deadline, auditRecordId);
    });
    // A cancelled grant owes nothing more on time; a repayment claim's follow-ups are the claim's.
    this.effects.register('cancelAllDeadlines', async (_effect, { tx, application, auditRecordId }) => {
      await this.cancel(
        tx,
        application.id,
        (open) => open.type !== 'claim_reminder' && open.type !== 'claim_escalation',
        auditRecordId,
      );
    });
    this.effects.register('scheduleNotice', async (effect, { tx, application, auditRecordId }) => {
      let dueAt: Date;
      if (effect.notice === 'preliminary_reply') {
        dueAt = new Date(effect.dueAt);
      } else if (effect.notice === 'appeal_preparation') {
        const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
        const days = call.parameters.appealPreparationDays ?? DEFAULT_APPEAL_PREPARATION_DAYS;
        dueAt = new Date(new Date(effect.lodgedAt).getTime() + days * DAY_MS);
      } else {
        const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
        const days =
          effect.notice === 'report_escalation'
            ? call.parameters.overdueEscalationDays
            : call.parameters.overdueLapseProposalDays;
        dueAt = new Date(new Date(effect.overdueSince).getTime() + days * DAY_MS);
      }
      const type: DeadlineType = { type: effect.notice };
      await this.cancel(tx, application.id, (open) => open.type === type.type, auditRecordId);
      await this.schedule(tx, application.id, type, dueAt, auditRecordId);
    });
  }

  /**
   * The interim reports the grant owes (from its scheme), when the final report's deadline is first
   * set (on acceptance): reminders to the applicant the call's days before each is due, and the alert
   * to the case officer at the end of its due day. Only those still ahead, and only once: a report's
   * follow-ups already written (a returned final report sets its deadline again) are left as they are.
   */
  private async scheduleInterimFollowUps(
    tx: EntityManager,
    application: LifecycleCase,
    call: FundingCall,
    at: Date,
    auditRecordId: string,
  ): Promise<void> {
    const scheme = this.schemes.forStored(application.schemeId);
    if (!scheme.interimReportsDue) return;
    const [row] = await tx.query<Array<{ content: unknown }>>(
      `SELECT content FROM application WHERE id = $1`,
      [application.id],
    );
    const content = await validatePayload(scheme.applicationDto, row?.content ?? {});
    if (!content.ok) return;
    const written = new Set(
      (await tx.find(Deadline, { select: { kind: true }, where: { applicationId: application.id } })).map(
        (d) => d.kind,
      ),
    );
    for (const due of scheme.interimReportsDue(call.parameters, content.value)) {
      const dueEnd = new Date(endOfNorwegianDay(due.dueDate));
      const followUps: Array<[DeadlineType, Date]> = [
        ...call.parameters.reminderDays.map((days): [DeadlineType, Date] => [
          { type: 'interim_reminder', report: due.key, daysBefore: days },
          new Date(dueEnd.getTime() - days * DAY_MS),
        ]),
        [{ type: 'interim_overdue', report: due.key }, dueEnd],
      ];
      for (const [type, dueAt] of followUps) {
        if (dueAt > at && !written.has(formatDeadlineType(type)))
          await this.schedule(tx, application.id, type, dueAt, auditRecordId);
      }
    }
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

  /** Cancels the open deadline of a kind, and for the final report its reminders and notices too. */
  private cancelLifecycleDeadline(
    tx: EntityManager,
    applicationId: string,
    of: DeadlineKind,
    auditRecordId: string,
  ) {
    return this.cancel(tx, applicationId, (open) => followsLifecycleDeadline(open, of), auditRecordId);
  }

  /** Cancels the application's open deadlines that match, and disarms their timers. */
  private async cancel(
    tx: EntityManager,
    applicationId: string,
    matches: (open: DeadlineType) => boolean,
    auditRecordId: string,
  ) {
    const open = await tx.find(Deadline, {
      select: { id: true, kind: true },
      where: { applicationId, status: 'scheduled' },
    });
    const ids = open
      .filter((d) => {
        const type = parseDeadlineType(d.kind);
        return type !== null && matches(type);
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
