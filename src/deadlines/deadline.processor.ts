import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, Clock, DomainError } from '@lib/common';
import { DEADLINE_EVENTS, type DeadlineKind } from '@lib/engine';
import type { Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity';
import { NotificationService, osloDate } from '../notifications/notification.service';
import { PRELIMINARY_REPLY, REMINDER_PREFIX } from './deadline-effects';
import { ApplicationsService } from '../applications/applications.service';
import { DEADLINE_QUEUE } from '../queue/queue.module';
import type { FireDeadlineJob } from './deadline-timers';

const SYSTEM: Actor = { kind: 'system', userId: null, reason: 'deadline' };

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
      const [row] = await tx.query<
        Array<{ id: string; application_id: string; kind: string; due_at: Date; status: string }>
      >(`SELECT id, application_id, kind, due_at, status FROM deadline WHERE id = $1 FOR UPDATE`, [
        deadlineId,
      ]);
      if (!row || row.status !== 'scheduled') return 'not_scheduled';
      const now = this.clock.now();
      // Early by our clock (the job's delay was computed elsewhere): the sweeper will fire it when due.
      if (row.due_at > now) return 'not_due';
      await tx.query(`UPDATE deadline SET attempts = attempts + 1 WHERE id = $1`, [row.id]);
      if (!(row.kind in DEADLINE_EVENTS)) return this.advise(tx, row);
      await tx.query('SAVEPOINT fire_deadline');
      let outcome: FireOutcome = 'fired';
      let note: string | null = null;
      try {
        await this.applications.sendWithin(
          tx,
          SYSTEM,
          row.application_id,
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
   * Deadlines that only tell people something: a reminder that the final report is due (while it
   * still is), and the preliminary reply owed when a month passes without a decision (forvaltningsloven
   * § 11 a), sent while the case is still undecided.
   */
  private async advise(
    tx: EntityManager,
    row: { id: string; application_id: string; kind: string },
  ): Promise<FireOutcome> {
    const application = await tx.findOneByOrFail(Application, { id: row.application_id });
    const context = (application.snapshot as { state: { context: { finalReportDueAt?: string | null } } })
      .state.context;
    let sent = 0;
    if (row.kind.startsWith(REMINDER_PREFIX)) {
      const [open] = await tx.query<Array<{ id: string }>>(
        `SELECT id FROM deadline WHERE application_id = $1 AND kind = 'final_report' AND status = 'scheduled'`,
        [row.application_id],
      );
      if (open) {
        sent = await this.notifications.notify(
          tx,
          application,
          'final_report_reminder',
          ['applicant'],
          null,
          {
            dueAt: osloDate(context.finalReportDueAt),
          },
        );
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
    const outcome: FireOutcome = sent > 0 ? 'fired' : 'skipped';
    await tx.query(`UPDATE deadline SET status = $2, settled_at = now(), outcome = $3 WHERE id = $1`, [
      row.id,
      outcome,
      sent > 0 ? `${sent} notified` : 'no longer relevant',
    ]);
    return outcome;
  }
}
