import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, Clock, DomainError, formatWholeKroner } from '@lib/common';
import { DEADLINE_EVENTS, type Audience, type DeadlineKind } from '@lib/engine';
import type { Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity';
import { FundingCall } from '../calls/funding-call.entity';
import { NotificationService, osloDate, osloDateTime } from '../notifications/notification.service';
import { SchemeRegistry } from '../schemes/scheme-registry';
import {
  CALL_OPENS,
  PRELIMINARY_REPLY,
  REMINDER_PREFIX,
  REPORT_ESCALATION,
  REPORT_LAPSE_PROPOSAL,
} from './deadline-effects';
import { ApplicationsService } from '../applications/applications.service';
import { DEADLINE_QUEUE } from '../queue/queue.module';
import type { FireDeadlineJob } from './deadline-timers';

const SYSTEM: Actor = { kind: 'system', userId: null, reason: 'deadline' };

interface DeadlineRow {
  id: string;
  application_id: string | null;
  call_id: string | null;
  kind: string;
  due_at: Date;
}

export type FireOutcome = 'fired' | 'skipped' | 'not_scheduled' | 'not_due';

/**
 * Fires a deadline: in one transaction, re-reads the row (locked), and if it is still scheduled and
 * due, sends the lifecycle its deadline event through the same runner people use, then marks the row.
 * A job that runs twice, or for a cancelled deadline, changes nothing.
 */
@Processor(DEADLINE_QUEUE)
export class DeadlineProcessor extends WorkerHost {
  private readonly logger = new Logger(DeadlineProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
    private readonly schemes: SchemeRegistry,
  ) {
    super();
  }

  async process(job: Job<FireDeadlineJob>): Promise<FireOutcome> {
    return this.fire(job.data.deadlineId);
  }

  /** Redis trouble (a lost job key after a flush): logged; the sweeper re-arms from the database. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'Deadline worker error');
  }

  async fire(deadlineId: string): Promise<FireOutcome> {
    return this.dataSource.transaction(async (tx) => {
      // Locks in the order transitions take them (the application, then its deadline rows), or a
      // firing and a person's command on the same case can deadlock.
      const [owner] = await tx.query<Array<{ application_id: string | null }>>(
        `SELECT application_id FROM deadline WHERE id = $1`,
        [deadlineId],
      );
      if (owner?.application_id)
        await tx.query(`SELECT 1 FROM application WHERE id = $1 FOR UPDATE`, [owner.application_id]);
      const [row] = await tx.query<Array<DeadlineRow & { status: string }>>(
        `SELECT id, application_id, call_id, kind, due_at, status FROM deadline WHERE id = $1 FOR UPDATE`,
        [deadlineId],
      );
      if (!row || row.status !== 'scheduled') return 'not_scheduled';
      const now = this.clock.now();
      // Early by our clock (the job's delay was computed elsewhere): the sweeper will fire it when due.
      if (row.due_at > now) return 'not_due';
      await tx.query(`UPDATE deadline SET attempts = attempts + 1 WHERE id = $1`, [row.id]);
      if (row.call_id) return this.announce(tx, row as DeadlineRow & { call_id: string });
      if (!(row.kind in DEADLINE_EVENTS))
        return this.advise(tx, row as DeadlineRow & { application_id: string });
      await tx.query('SAVEPOINT fire_deadline');
      let outcome: FireOutcome = 'fired';
      let note: string | null = null;
      try {
        await this.applications.sendWithin(
          tx,
          SYSTEM,
          row.application_id!,
          DEADLINE_EVENTS[row.kind as DeadlineKind],
          {},
        );
      } catch (error) {
        // The case moved on (409) or a rule says no (422): record it and stop. Anything else retries.
        if (!(error instanceof DomainError) || !['conflict', 'unprocessable'].includes(error.kind))
          throw error;
        await tx.query('ROLLBACK TO SAVEPOINT fire_deadline');
        outcome = 'skipped';
        note = `${error.code}: ${error.detail}`;
      }
      await tx.query(`UPDATE deadline SET status = $2, settled_at = now(), outcome = $3 WHERE id = $1`, [
        row.id,
        outcome,
        note,
      ]);
      this.logger.log(
        { deadlineId: row.id, kind: row.kind, applicationId: row.application_id, outcome, note },
        'Deadline settled',
      );
      return outcome;
    });
  }

  /**
   * Deadlines that only tell people something, each while it is still true: a reminder that the
   * final report is due; that it is still missing some weeks after (escalation to the case officer),
   * and later a proposal to let the grant lapse; and the preliminary reply owed when a month passes
   * without a decision (forvaltningsloven § 11 a).
   */
  private async advise(
    tx: EntityManager,
    row: DeadlineRow & { application_id: string },
  ): Promise<FireOutcome> {
    const application = await tx.findOneByOrFail(Application, { id: row.application_id });
    const context = (application.snapshot as { state: { context: { finalReportDueAt?: string | null } } })
      .state.context;
    const dueAt = osloDate(context.finalReportDueAt);
    let sent = 0;
    if (row.kind.startsWith(REMINDER_PREFIX)) {
      const [open] = await tx.query<Array<{ id: string }>>(
        `SELECT id FROM deadline WHERE application_id = $1 AND kind = 'final_report' AND status = 'scheduled'`,
        [row.application_id],
      );
      if (open)
        sent = await this.notifications.notify(
          tx,
          application,
          'final_report_reminder',
          ['applicant'],
          null,
          {
            dueAt,
          },
        );
    } else if (row.kind === REPORT_ESCALATION || row.kind === REPORT_LAPSE_PROPOSAL) {
      // Still granted means still waiting for the report: a submitted report moves the case on.
      if (application.status === 'granted') {
        const [template, audiences]: [string, Audience[]] =
          row.kind === REPORT_ESCALATION
            ? ['final_report_escalation', ['case_officer']]
            : ['final_report_lapse_proposal', ['case_officer', 'approver']];
        sent = await this.notifications.notify(tx, application, template, audiences, null, { dueAt });
      }
    } else if (row.kind === PRELIMINARY_REPLY && ['applied', 'assessment'].includes(application.status)) {
      sent = await this.notifications.notify(
        tx,
        application,
        'preliminary_reply',
        ['applicant', 'case_officer'],
        null,
      );
    }
    return this.settleNotice(tx, row, sent);
  }

  /** A call opens or closes: the county's staff hear of it, if the call is still published as it was. */
  private async announce(tx: EntityManager, row: DeadlineRow & { call_id: string }): Promise<FireOutcome> {
    const call = await tx.findOneByOrFail(FundingCall, { id: row.call_id });
    const moment = row.kind === CALL_OPENS ? call.opensAt : call.closesAt;
    let sent = 0;
    if (call.status === 'published' && moment?.getTime() === row.due_at.getTime()) {
      const values = {
        call: call.title,
        scheme: this.schemes.forStored(call.schemeId).name,
        opensAt: osloDateTime(call.opensAt),
        closesAt: call.closesAt ? osloDateTime(call.closesAt) : 'løpende',
      };
      if (row.kind === CALL_OPENS) {
        sent = await this.notifications.notifyCountyStaff(
          tx,
          call.countyId,
          ['case_officer', 'finance'],
          'call_opened',
          values,
        );
      } else {
        const [received] = await tx.query<Array<{ applications: string; amount: string }>>(
          `SELECT count(*) AS applications, coalesce(sum(requested_amount), 0) AS amount
             FROM application WHERE call_id = $1 AND status <> 'draft'`,
          [call.id],
        );
        sent = await this.notifications.notifyCountyStaff(
          tx,
          call.countyId,
          ['case_officer', 'approver', 'finance'],
          'call_closed',
          {
            ...values,
            applications: received.applications,
            amount: formatWholeKroner(Number(received.amount)),
          },
        );
      }
    }
    this.logger.log({ deadlineId: row.id, callId: call.id, kind: row.kind, sent }, 'Call announcement');
    return this.settleNotice(tx, row, sent);
  }

  private async settleNotice(tx: EntityManager, row: DeadlineRow, sent: number): Promise<FireOutcome> {
    const outcome: FireOutcome = sent > 0 ? 'fired' : 'skipped';
    await tx.query(`UPDATE deadline SET status = $2, settled_at = now(), outcome = $3 WHERE id = $1`, [
      row.id,
      outcome,
      sent > 0 ? `${sent} notified` : 'no longer relevant',
    ]);
    return outcome;
  }
}
