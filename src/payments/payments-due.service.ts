import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, Clock, DomainError, norwegianDate, validatePayload, visibleOrNotFound } from '@lib/common';
import { describeState, migrateSnapshot, statesTagged, TAGS, type StoredLifecycle } from '@lib/engine';
import { DataSource, EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity';
import { ownership } from '../applications/applications.service';
import { BudgetFrame } from '../budget/budget-frame.entity';
import { toFrameDto } from '../budget/frames.service';
import { LedgerService } from '../budget/ledger.service';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { APPROVED_INTERIM_REPORTS_SQL } from '../interim-reports/interim-report.entity';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { SettlementService } from '../settlement/settlement.service';
import { dueInstalments } from './due-instalments';
import { PayoutRequestsService } from './payout-requests.service';
import {
  BookPaymentDto,
  PaymentBookedDto,
  PaymentDueDto,
  PaymentsDuePageDto,
  PaymentsDueQuery,
} from './payments.dto';

type Staff = Extract<Actor, { kind: 'staff' }>;

/** A plan instalment due now, as booking it needs: its place in the plan and the payee's organisation. */
type DueInstalmentToBook = PaymentDueDto & {
  readonly instalment: NonNullable<PaymentDueDto['instalment']>;
  readonly organisationId: string;
};

/** A grant with money outstanding on one frame of the county, in a state the lifecycle tags payable. */
interface Candidate {
  application_id: string;
  reference: string;
  scheme_id: string;
  snapshot: StoredLifecycle;
  content: Record<string, unknown>;
  granted_amount: string;
  parameters: Record<string, unknown>;
  organisation_id: string;
  organisation_name: string;
  organisation_number: string;
  frame_id: string;
  frame_name: string;
  outstanding: string;
  paid: string;
  /** The case's approved interim reports: report key → when approved. */
  interim_approved: Record<string, string>;
}

const DEFAULT_LIMIT = 200;
/** Cases read at a time while looking for a page of cases with something due. */
const MIN_BATCH = 100;

/**
 * What the payment plans say may be paid now (utbetalinger til forfall), and booking one of them.
 * The plan is not stored: it is the scheme's plan for the granted amount, and what has been paid
 * (less repaid) fills it in order. Only grants with money outstanding are read, through the partial
 * index of open positions, so the list costs what is open, not every grant ever made.
 */
@Injectable()
export class PaymentsDueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: LedgerService,
    private readonly schemes: SchemeRegistry,
    private readonly settlement: SettlementService,
    private readonly payoutRequests: PayoutRequestsService,
    private readonly clock: Clock,
  ) {}

  /**
   * A page of at most `limit` cases with something due. Cases with money outstanding but nothing due
   * now (an advance paid, the report not yet approved) are read past, in batches.
   */
  async list(actor: Staff, query: PaymentsDueQuery): Promise<PaymentsDuePageDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const batch = Math.max(limit + 1, MIN_BATCH);
    const cases: PaymentDueDto[][] = [];
    let after = query.after ?? null;
    for (;;) {
      const candidates = await this.candidates(this.dataSource.manager, actor.countyId, {
        after,
        limit: batch,
      });
      for (const candidate of candidates) {
        const due = [...(await this.dueOf(candidate)), ...(await this.payoutsDue(candidate))];
        if (due.length > 0) cases.push(due);
        if (cases.length > limit) break;
      }
      const last = candidates[candidates.length - 1];
      if (cases.length > limit || candidates.length < batch || !last) break;
      after = last.reference;
    }
    const items = cases.slice(0, limit).flat();
    return {
      items,
      totalAmount: items.reduce((sum, item) => sum + item.amount, 0),
      nextCursor: cases.length > limit ? (items[items.length - 1]?.caseReference ?? null) : null,
    };
  }

  /**
   * Pays one instalment that is due, for the amount the user saw. The case is locked first, so two
   * bookings of the same instalment (another tab, another key) cannot both pay: the second finds it
   * paid and is refused with 409.
   */
  async book(
    actor: Staff,
    reference: string,
    dto: BookPaymentDto,
    key?: IdempotencyKey,
  ): Promise<PaymentBookedDto> {
    return this.idempotency.transaction(key, (tx) => this.bookWithin(tx, actor, reference, dto));
  }

  /**
   * Books one due instalment inside the caller's transaction (a payment run books all of its items in
   * one): locks the case, checks it is due for that amount, and disburses it from its frame.
   */
  async bookWithin(
    tx: EntityManager,
    actor: Staff,
    reference: string,
    dto: BookPaymentDto,
  ): Promise<PaymentBookedDto> {
    const { application, due } = await this.dueToBook(tx, actor, reference, dto);
    await this.ledger.disburse(tx, {
      frameId: due.frameId,
      grantKey: application.id,
      amount: due.amount,
      actorUserId: actor.userId,
      actorRole: 'finance',
      at: this.clock.now(),
      // In bokmål, as finance reads it; the ledger also writes the booking into the case's history.
      reason: `Utbetaling: ${due.instalment?.label ?? ''} (${application.reference})`,
    });
    // The final payment of a settling case completes its settlement: the case closes with it.
    const caseClosed = await this.settlement.closeIfSettled(tx, application);
    return {
      caseClosed,
      caseReference: application.reference,
      instalment: dto.instalment,
      amount: due.amount,
      frame: toFrameDto(await tx.findOneByOrFail(BudgetFrame, { id: due.frameId })),
    };
  }

  /**
   * The instalment to book, with the case locked: refused with 409 `payment_not_due` when it is not
   * due now (or paid), `due_amount_changed` when another amount is due; 404 for another county's case.
   * Writes nothing.
   */
  async dueToBook(
    tx: EntityManager,
    actor: Staff,
    reference: string,
    dto: BookPaymentDto,
  ): Promise<{ application: Application; due: DueInstalmentToBook }> {
    const application = visibleOrNotFound(
      actor,
      await tx.findOne(Application, {
        where: { reference },
        lock: { mode: 'pessimistic_write' },
      }),
      ownership,
      'Application',
    );
    const [candidate] = await this.candidates(tx, actor.countyId, {
      applicationId: application.id,
      limit: 1,
    });
    const due = candidate
      ? (await this.dueOf(candidate, tx)).find((d) => d.instalment?.number === dto.instalment)
      : undefined;
    if (!candidate || !due?.instalment) {
      throw new DomainError(
        'conflict',
        'payment_not_due',
        `Instalment ${dto.instalment} of ${application.reference} is not due now, or is paid`,
      );
    }
    if (due.amount !== dto.amount) {
      throw new DomainError(
        'conflict',
        'due_amount_changed',
        `${due.amount} øre of instalment ${dto.instalment} is due now, not ${dto.amount}`,
        { due: due.amount, requested: dto.amount },
      );
    }
    return {
      application,
      due: { ...due, instalment: due.instalment, organisationId: candidate.organisation_id },
    };
  }

  /**
   * Grants of the county with money outstanding, in a payable state, one row per case (the position
   * with the most outstanding, should a carry-over have split it), in case-reference order.
   */
  private candidates(
    tx: EntityManager,
    countyId: string,
    filter: { after?: string | null; applicationId?: string; limit: number },
  ): Promise<Candidate[]> {
    return tx.query<Candidate[]>(
      `SELECT DISTINCT ON (a.reference)
              a.id AS application_id, a.reference, a.scheme_id, a.snapshot, a.content, a.granted_amount,
              c.parameters, o.id AS organisation_id, o.name AS organisation_name, o.organisation_number,
              f.id AS frame_id, f.name AS frame_name,
              gp.committed - gp.released - gp.disbursed - gp.carried_out AS outstanding,
              (SELECT coalesce(sum(p.disbursed - p.repaid), 0) FROM grant_position p
                WHERE p.application_id = a.id) AS paid,
              ${APPROVED_INTERIM_REPORTS_SQL('a.id')} AS interim_approved
         FROM budget_frame f
         JOIN grant_position gp ON gp.frame_id = f.id
          AND gp.committed - gp.released - gp.disbursed - gp.carried_out > 0
         JOIN application a ON a.id = gp.application_id
         JOIN funding_call c ON c.id = a.call_id
         JOIN organisation o ON o.id = a.organisation_id
        WHERE f.county_id = $1 AND a.county_id = $1 AND a.state = ANY($2)
          AND ($3::text IS NULL OR a.reference > $3)
          AND ($4::uuid IS NULL OR a.id = $4)
        ORDER BY a.reference, outstanding DESC, f.id
        LIMIT $5`,
      [countyId, this.payableStates(), filter.after ?? null, filter.applicationId ?? null, filter.limit],
    );
  }

  /**
   * The candidate's instalments due now. Approved payout requests are paid as they were approved, so
   * the plan fills only what they leave outstanding; a final payment asked for in a final payout
   * request is that request's, paid to its account, not the plan's.
   */
  private async dueOf(c: Candidate, tx: EntityManager = this.dataSource.manager): Promise<PaymentDueDto[]> {
    const scheme = this.schemes.forStored(c.scheme_id);
    if (!describeState(scheme.lifecycle, c.snapshot).tags.includes(TAGS.payable)) return [];
    const content = await validatePayload(scheme.applicationDto, c.content);
    if (!content.ok) return [];
    const context = migrateSnapshot(scheme.lifecycle, c.snapshot).state.context;
    const approved = await this.payoutRequests.approvedOf(tx, c.application_id);
    const finalRequested = await this.payoutRequests.finalRequested(tx, c.application_id);
    const plan = scheme
      .paymentPlan(c.parameters as never, Number(c.granted_amount), content.value)
      .filter((instalment) => !(finalRequested && instalment.on === 'final_report'));
    const outstanding = Number(c.outstanding) - approved.reduce((sum, p) => sum + p.amount, 0);
    const due = dueInstalments(plan, Number(c.paid), outstanding, {
      acceptedAt: context.acceptedAt,
      // Only the approval sets the final amount (and the time it was approved).
      reportApprovedAt: context.finalPayableAmount !== null ? context.endedAt : null,
      today: norwegianDate(this.clock.now()),
      interimApprovedAt: c.interim_approved,
    });
    return due.map((d) => ({
      kind: 'instalment' as const,
      payoutRequest: null,
      caseReference: c.reference,
      organisationName: c.organisation_name,
      organisationNumber: c.organisation_number,
      schemeId: scheme.id,
      schemeName: scheme.name,
      frameId: c.frame_id,
      frameName: c.frame_name,
      instalment: { number: d.number, label: d.label, on: d.on, date: d.date },
      amount: d.amount,
      dueSince: d.dueSince,
    }));
  }

  /** The candidate's approved, unpaid payout request, paid to the account it names. */
  private async payoutsDue(c: Candidate): Promise<PaymentDueDto[]> {
    const scheme = this.schemes.forStored(c.scheme_id);
    const approved = await this.payoutRequests.approvedOf(this.dataSource.manager, c.application_id);
    return approved.map((p) => ({
      kind: 'payout_request' as const,
      instalment: null,
      payoutRequest: {
        number: p.number,
        kind: p.kind,
        accountNumber: p.accountNumber,
        iban: p.iban,
        bic: p.bic,
      },
      caseReference: c.reference,
      organisationName: c.organisation_name,
      organisationNumber: c.organisation_number,
      schemeId: scheme.id,
      schemeName: scheme.name,
      frameId: c.frame_id,
      frameName: c.frame_name,
      amount: p.amount,
      dueSince: norwegianDate(new Date(p.approvedAt)),
    }));
  }

  /** The sub-states in which a grant may be paid, read from every scheme's machine. */
  private payableStates(): string[] {
    return [...new Set(this.schemes.all().flatMap((s) => statesTagged(s.lifecycle, TAGS.payable)))];
  }
}
