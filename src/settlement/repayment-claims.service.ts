import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  addDays,
  Clock,
  endOfNorwegianDay,
  formatWholeKroner,
  norwegianDate,
  visibleOrNotFound,
} from '@lib/common';
import { repaymentDueDate } from '@lib/engine';
import { DataSource, EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity';
import { AuditRepository } from '../audit/audit.repository';
import { LedgerService } from '../budget/ledger.service';
import { FundingCall } from '../calls/funding-call.entity';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { NotificationService } from '../notifications/notification.service';
import type { LifecycleCase } from '../runtime';
import {
  ClaimsPageDto,
  ClaimsQuery,
  RepaymentClaimDto,
  SettleClaimDto,
  SettledClaimDto,
} from './repayment-claims.dto';
import { RepaymentClaim, type ClaimStatus } from './repayment-claim.entity';
import { assertSettleable } from './settlement-rules';
import { SettlementService } from './settlement.service';

type Staff = Extract<Actor, { kind: 'staff' }>;

/** Days after a claim fell due unpaid before the case officer and finance are alerted. */
export const CLAIM_ESCALATION_DAYS = 14;

/** The case history's words for what happened to a claim (not lifecycle events: the state stays). */
export const CLAIM_EVENTS = {
  raised: 'CLAIM_RAISED',
  reminded: 'CLAIM_REMINDED',
  escalated: 'CLAIM_ESCALATED',
  settled: 'CLAIM_SETTLED',
} as const;

interface ClaimRow {
  id: string;
  application_id: string;
  reference: string;
  organisation_name: string;
  frame_id: string;
  frame_name: string;
  amount: string;
  due_date: string;
  status: ClaimStatus;
  raised_at: Date;
  reminded_at: Date | null;
  escalated_at: Date | null;
  settled_at: Date | null;
}

const DEFAULT_LIMIT = 200;

/**
 * Repayment claims (tilbakebetalingskrav): raised by the settlement of a grant paid beyond its final
 * amount, followed up by reminders and an escalation (durable deadlines of the case), and settled by
 * finance, which returns the money to the frame and may close the case.
 */
@Injectable()
export class RepaymentClaimsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: LedgerService,
    private readonly deadlines: DeadlinesService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditRepository,
    private readonly settlement: SettlementService,
    private readonly clock: Clock,
  ) {}

  /**
   * Raises a claim for `amount` øre on the case, inside the settling transition's transaction: due the
   * call's days from today, with its reminder on the due day and its escalation some days later.
   */
  async raise(
    tx: EntityManager,
    application: LifecycleCase,
    input: {
      frameId: string;
      amount: number;
      at: Date;
      actorUserId: string | null;
      /** Why it is raised: an overpaid settlement (default) or a cancellation (heving) claiming money back. */
      cause?: 'settlement' | 'cancellation';
    },
  ): Promise<RepaymentClaim> {
    const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
    const dueDate = repaymentDueDate(call.parameters, norwegianDate(input.at));
    const claim = await tx.save(
      tx.create(RepaymentClaim, {
        applicationId: application.id,
        frameId: input.frameId,
        countyId: application.countyId,
        amount: input.amount,
        dueDate,
        status: 'open',
        raisedAt: input.at,
        remindedAt: null,
        escalatedAt: null,
        settledAt: null,
        settledByUserId: null,
      }),
    );
    const record = await this.record(
      tx,
      application,
      CLAIM_EVENTS.raised,
      claim,
      input.actorUserId,
      'case_officer',
      input.at,
    );
    const dueEnd = new Date(endOfNorwegianDay(dueDate));
    await this.deadlines.scheduleClaimFollowUp(tx, application.id, 'claim_reminder', dueEnd, record.id);
    await this.deadlines.scheduleClaimFollowUp(
      tx,
      application.id,
      'claim_escalation',
      new Date(endOfNorwegianDay(addDays(dueDate, CLAIM_ESCALATION_DAYS))),
      record.id,
    );
    const template = input.cause === 'cancellation' ? 'cancellation_claim_raised' : 'repayment_claim_raised';
    await this.notifications.notify(tx, application, template, ['applicant'], record.id, {
      amount: formatWholeKroner(claim.amount),
      dueAt: osloDay(dueDate),
    });
    return claim;
  }

  /** The claim's reminder fell due: the applicant is reminded if it is still unpaid. Returns how many were told. */
  async remind(tx: EntityManager, applicationId: string): Promise<number> {
    return this.followUp(tx, applicationId, ['open'], 'reminded');
  }

  /** Still unpaid later: the case officer and finance are alerted. Returns how many were told. */
  async escalate(tx: EntityManager, applicationId: string): Promise<number> {
    return this.followUp(tx, applicationId, ['open', 'reminded'], 'escalated');
  }

  /** The county's claims, the unsettled first (earliest due first), then the settled (latest first). */
  async list(actor: Staff, query: ClaimsQuery): Promise<ClaimsPageDto> {
    const rows = await this.rows(this.dataSource.manager, actor.countyId, {
      status: query.status ?? null,
      limit: query.limit ?? DEFAULT_LIMIT,
    });
    const items = rows.map(toDto);
    return {
      items,
      openAmount: items.filter((c) => c.status !== 'settled').reduce((sum, c) => sum + c.amount, 0),
    };
  }

  /**
   * Finance registers that the claim was paid (innbetaling): the money returns to the frame as a ledger
   * repayment, exactly once; then the case closes if nothing else is outstanding.
   */
  async settle(
    actor: Staff,
    id: string,
    dto: SettleClaimDto,
    key?: IdempotencyKey,
  ): Promise<SettledClaimDto> {
    return this.idempotency.transaction(key, async (tx) => {
      const [owner] = await tx.query<Array<{ application_id: string; county_id: string }>>(
        `SELECT application_id, county_id FROM repayment_claim WHERE id = $1`,
        [id],
      );
      visibleOrNotFound(
        actor,
        owner,
        (o) => ({ organisationId: null, countyId: o.county_id }),
        'Repayment claim',
      );
      // The case first, then the claim: the order transitions lock in.
      const application = await tx.findOneOrFail(Application, {
        where: { id: owner.application_id },
        lock: { mode: 'pessimistic_write' },
      });
      const claim = await tx.findOneOrFail(RepaymentClaim, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      assertSettleable(claim, dto.amount, application.reference);
      const now = this.clock.now();
      await this.ledger.repay(tx, {
        frameId: claim.frameId,
        grantKey: application.id,
        amount: claim.amount,
        actorUserId: actor.userId,
        actorRole: 'finance',
        at: now,
        reason: `Tilbakebetalingskrav innbetalt (${application.reference})`,
      });
      claim.status = 'settled';
      claim.settledAt = now;
      claim.settledByUserId = actor.userId;
      await tx.save(claim);
      const record = await this.record(
        tx,
        application,
        CLAIM_EVENTS.settled,
        claim,
        actor.userId,
        'finance',
        now,
      );
      await this.deadlines.cancelClaimFollowUps(tx, application.id, record.id);
      const closed = await this.settlement.closeIfSettled(tx, application);
      const [row] = await this.rows(tx, actor.countyId, { id: claim.id, limit: 1 });
      return { claim: toDto(row), caseClosed: closed };
    });
  }

  private async followUp(
    tx: EntityManager,
    applicationId: string,
    from: readonly ClaimStatus[],
    to: 'reminded' | 'escalated',
  ): Promise<number> {
    const application = await tx.findOneOrFail(Application, { where: { id: applicationId } });
    const claim = await tx.findOne(RepaymentClaim, {
      where: { applicationId },
      order: { createdAt: 'DESC' },
      lock: { mode: 'pessimistic_write' },
    });
    if (!claim || !from.includes(claim.status)) return 0;
    const now = this.clock.now();
    claim.status = to;
    if (to === 'reminded') claim.remindedAt = now;
    else claim.escalatedAt = now;
    await tx.save(claim);
    const event = to === 'reminded' ? CLAIM_EVENTS.reminded : CLAIM_EVENTS.escalated;
    const record = await this.record(tx, application, event, claim, null, 'system', now);
    const values = { amount: formatWholeKroner(claim.amount), dueAt: osloDay(claim.dueDate) };
    return to === 'reminded'
      ? this.notifications.notify(
          tx,
          application,
          'repayment_claim_reminder',
          ['applicant'],
          record.id,
          values,
        )
      : this.notifications.notify(
          tx,
          application,
          'repayment_claim_escalated',
          ['case_officer', 'finance'],
          record.id,
          values,
        );
  }

  /** An entry in the case's history: the claim changed, the lifecycle state stays. */
  private record(
    tx: EntityManager,
    application: LifecycleCase,
    event: string,
    claim: RepaymentClaim,
    actorUserId: string | null,
    actorRole: string,
    at: Date,
  ) {
    return this.audit.append(tx, {
      applicationId: application.id,
      actorUserId,
      actorRole,
      event,
      fromState: application.state,
      toState: application.state,
      payload: { claimId: claim.id, amount: claim.amount, dueDate: claim.dueDate, status: claim.status },
      effects: [],
      machineId: application.machineId,
      machineVersion: application.machineVersion,
      occurredAt: at.toISOString(),
    });
  }

  private rows(
    tx: EntityManager,
    countyId: string,
    filter: { id?: string; status?: ClaimStatus | null; limit: number },
  ): Promise<ClaimRow[]> {
    return tx.query<ClaimRow[]>(
      `SELECT c.id, c.application_id, a.reference, o.name AS organisation_name, c.frame_id, f.name AS frame_name,
              c.amount, to_char(c.due_date, 'YYYY-MM-DD') AS due_date, c.status,
              c.raised_at, c.reminded_at, c.escalated_at, c.settled_at
         FROM repayment_claim c
         JOIN application a ON a.id = c.application_id
         JOIN organisation o ON o.id = a.organisation_id
         JOIN budget_frame f ON f.id = c.frame_id
        WHERE c.county_id = $1
          AND ($2::uuid IS NULL OR c.id = $2)
          AND ($3::text IS NULL OR c.status = $3)
        ORDER BY c.status = 'settled', CASE WHEN c.status = 'settled' THEN NULL ELSE c.due_date END,
                 c.settled_at DESC, a.reference
        LIMIT $4`,
      [countyId, filter.id ?? null, filter.status ?? null, filter.limit],
    );
  }
}

/** `YYYY-MM-DD` as a Norwegian date for a letter: 15.03.2026. */
function osloDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}

function toDto(r: ClaimRow): RepaymentClaimDto {
  return {
    id: r.id,
    applicationId: r.application_id,
    caseReference: r.reference,
    organisationName: r.organisation_name,
    frameId: r.frame_id,
    frameName: r.frame_name,
    amount: Number(r.amount),
    dueDate: r.due_date,
    status: r.status,
    raisedAt: r.raised_at.toISOString(),
    remindedAt: r.reminded_at?.toISOString() ?? null,
    escalatedAt: r.escalated_at?.toISOString() ?? null,
    settledAt: r.settled_at?.toISOString() ?? null,
  };
}
