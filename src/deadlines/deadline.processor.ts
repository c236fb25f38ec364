import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, Clock, DomainError, formatWholeKroner } from '@lib/common';
import { DEADLINE_EVENTS, migrateSnapshot, openAppeal, type Audience } from '@lib/engine';
import type { Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity';
import { FundingCall } from '../calls/funding-call.entity';
import { InterimReportsService } from '../interim-reports/interim-reports.service';
import { NotificationService, osloDate, osloDateTime } from '../notifications/notification.service';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { RepaymentClaimsService } from '../settlement/repayment-claims.service';
import { formatDeadlineType, lifecycleDeadline, parseDeadlineType, type DeadlineType } from './deadline-type';
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

/** Fires one type of deadline, inside the firing's transaction, once the row is known to be due. */
type FireHandler<T extends DeadlineType['type']> = (
  tx: EntityManager,
  row: DeadlineRow,
  deadline: Extract<DeadlineType, { type: T }>,
) => Promise<FireOutcome>;

/** One handler per deadline type: a type added without one does not compile. */
type FireHandlers = { readonly [T in DeadlineType['type']]: FireHandler<T> };

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
    private readonly claims: RepaymentClaimsService,
    private readonly interimReports: InterimReportsService,
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
      const deadline = parseDeadlineType(row.kind);
      if (!deadline) {
        this.logger.error({ deadlineId: row.id, kind: row.kind }, 'Deadline of an unknown kind');
        return this.settle(tx, row, 'skipped', `unknown kind ${row.kind}`);
      }
      return this.fireAs(tx, row, deadline);
    });
  }

  private readonly handlers: FireHandlers = {
    lifecycle: (tx, row, deadline) => this.sendDeadlineEvent(tx, row, deadline),
    reminder: (tx, row, deadline) => this.remind(tx, row, deadline),
    report_escalation: (tx, row) =>
      this.followUpOverdueReport(tx, row, 'final_report_escalation', ['case_officer']),
    report_lapse_proposal: (tx, row) =>
      this.followUpOverdueReport(tx, row, 'final_report_lapse_proposal', ['case_officer', 'approver']),
    preliminary_reply: (tx, row) => this.sendPreliminaryReply(tx, row),
    appeal_preparation: (tx, row) => this.remindOfAppeal(tx, row),
    claim_reminder: async (tx, row) =>
      this.settleNotice(tx, row, await this.claims.remind(tx, applicationOf(row))),
    claim_escalation: async (tx, row) =>
      this.settleNotice(tx, row, await this.claims.escalate(tx, applicationOf(row))),
    interim_reminder: async (tx, row, deadline) =>
      this.settleNotice(tx, row, await this.interimReports.remind(tx, applicationOf(row), deadline.report)),
    interim_overdue: async (tx, row, deadline) =>
      this.settleNotice(
        tx,
        row,
        await this.interimReports.alertOverdue(tx, applicationOf(row), deadline.report),
      ),
    call_opens: (tx, row, deadline) => this.announce(tx, row, deadline),
    call_closes: (tx, row, deadline) => this.announce(tx, row, deadline),
  };

  private fireAs<T extends DeadlineType['type']>(
    tx: EntityManager,
    row: DeadlineRow,
    deadline: Extract<DeadlineType, { type: T }>,
  ): Promise<FireOutcome> {
    return (this.handlers[deadline.type] as FireHandler<T>)(tx, row, deadline);
  }

  /**
   * A lifecycle deadline: the machine is sent its deadline event through the same runner people use.
   * The case having moved on (409) or a rule saying no (422) is recorded as skipped.
   */
  private async sendDeadlineEvent(
    tx: EntityManager,
    row: DeadlineRow,
    deadline: Extract<DeadlineType, { type: 'lifecycle' }>,
  ): Promise<FireOutcome> {
    await tx.query('SAVEPOINT fire_deadline');
    let outcome: FireOutcome = 'fired';
    let note: string | null = null;
    try {
      await this.applications.sendWithin(
        tx,
        SYSTEM,
        applicationOf(row),
        DEADLINE_EVENTS[deadline.deadline],
        {},
      );
    } catch (error) {
      // The case moved on (409) or a rule says no (422): record it and stop. Anything else retries.
      if (!(error instanceof DomainError) || !['conflict', 'unprocessable'].includes(error.kind)) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT fire_deadline');
      outcome = 'skipped';
      note = `${error.code}: ${error.detail}`;
    }
    this.logger.log(
      { deadlineId: row.id, kind: row.kind, applicationId: row.application_id, outcome, note },
      'Deadline settled',
    );
    return this.settle(tx, row, outcome, note);
  }

  /** A reminder that the final report is due, while its deadline is still open. */
  private async remind(
    tx: EntityManager,
    row: DeadlineRow,
    deadline: Extract<DeadlineType, { type: 'reminder' }>,
  ): Promise<FireOutcome> {
    const application = await tx.findOneByOrFail(Application, { id: applicationOf(row) });
    const [open] = await tx.query<Array<{ id: string }>>(
      `SELECT id FROM deadline WHERE application_id = $1 AND kind = $2 AND status = 'scheduled'`,
      [application.id, formatDeadlineType(lifecycleDeadline(deadline.report))],
    );
    const sent = open
      ? await this.notifications.notify(tx, application, 'final_report_reminder', ['applicant'], null, {
          dueAt: this.finalReportDueAt(application),
        })
      : 0;
    return this.settleNotice(tx, row, sent);
  }

  /**
   * The final report is still missing some weeks after its deadline (escalation to the case officer),
   * and later a proposal to let the grant lapse. Still granted means still waiting for the report: a
   * submitted report moves the case on.
   */
  private async followUpOverdueReport(
    tx: EntityManager,
    row: DeadlineRow,
    template: 'final_report_escalation' | 'final_report_lapse_proposal',
    audiences: Audience[],
  ): Promise<FireOutcome> {
    const application = await tx.findOneByOrFail(Application, { id: applicationOf(row) });
    const sent =
      application.status === 'granted'
        ? await this.notifications.notify(tx, application, template, audiences, null, {
            dueAt: this.finalReportDueAt(application),
          })
        : 0;
    return this.settleNotice(tx, row, sent);
  }

  /** A month without a decision: the preliminary reply owed (forvaltningsloven § 11 a). */
  private async sendPreliminaryReply(tx: EntityManager, row: DeadlineRow): Promise<FireOutcome> {
    const application = await tx.findOneByOrFail(Application, { id: applicationOf(row) });
    const sent = ['applied', 'assessment'].includes(application.status)
      ? await this.notifications.notify(
          tx,
          application,
          'preliminary_reply',
          ['applicant', 'case_officer'],
          null,
        )
      : 0;
    return this.settleNotice(tx, row, sent);
  }

  /**
   * An appeal still with the county after the call's preparation days: the case officer (and the
   * approvers, who decide) are reminded. An appeal reversed, forwarded or ended meanwhile is left be.
   */
  private async remindOfAppeal(tx: EntityManager, row: DeadlineRow): Promise<FireOutcome> {
    const application = await tx.findOneByOrFail(Application, { id: applicationOf(row) });
    const lifecycle = this.schemes.forStored(application.schemeId).lifecycle;
    const appeal = openAppeal(migrateSnapshot(lifecycle, application.snapshot).state.context);
    const sent =
      appeal !== null && appeal.forwarded === null
        ? await this.notifications.notify(
            tx,
            application,
            'appeal_preparation_overdue',
            appeal.proposal ? ['approver'] : ['case_officer'],
            null,
          )
        : 0;
    return this.settleNotice(tx, row, sent);
  }

  /** The final report's due date as the applicant reads it, from the (migrated) lifecycle snapshot. */
  private finalReportDueAt(application: Application): string | undefined {
    const lifecycle = this.schemes.forStored(application.schemeId).lifecycle;
    return osloDate(migrateSnapshot(lifecycle, application.snapshot).state.context.finalReportDueAt);
  }

  /** A call opens or closes: the county's staff hear of it, if the call is still published as it was. */
  private async announce(
    tx: EntityManager,
    row: DeadlineRow,
    deadline: Extract<DeadlineType, { type: 'call_opens' | 'call_closes' }>,
  ): Promise<FireOutcome> {
    if (!row.call_id) throw new Error(`deadline ${row.id} announces a call but belongs to none`);
    const call = await tx.findOneByOrFail(FundingCall, { id: row.call_id });
    const opens = deadline.type === 'call_opens';
    const moment = opens ? call.opensAt : call.closesAt;
    let sent = 0;
    if (call.status === 'published' && moment?.getTime() === row.due_at.getTime()) {
      const values = {
        call: call.title,
        scheme: this.schemes.forStored(call.schemeId).name,
        opensAt: osloDateTime(call.opensAt),
        closesAt: call.closesAt ? osloDateTime(call.closesAt) : 'løpende',
      };
      if (opens) {
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

  private settleNotice(tx: EntityManager, row: DeadlineRow, sent: number): Promise<FireOutcome> {
    return sent > 0
      ? this.settle(tx, row, 'fired', `${sent} notified`)
      : this.settle(tx, row, 'skipped', 'no longer relevant');
  }

  private async settle(
    tx: EntityManager,
    row: DeadlineRow,
    outcome: 'fired' | 'skipped',
    note: string | null,
  ): Promise<FireOutcome> {
    await tx.query(`UPDATE deadline SET status = $2, settled_at = now(), outcome = $3 WHERE id = $1`, [
      row.id,
      outcome,
      note,
    ]);
    return outcome;
  }
}

function applicationOf(row: DeadlineRow): string {
  if (!row.application_id)
    throw new Error(`deadline ${row.id} of kind ${row.kind} belongs to no application`);
  return row.application_id;
}
