import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  addDays,
  Clock,
  DAY_MS,
  DomainError,
  endOfNorwegianDay,
  formatWholeKroner,
  norwegianDate,
  notFound,
  validatePayload,
  visibleOrNotFound,
} from '@lib/common';
import {
  attachmentRequirements,
  costPlanLinesOf,
  DEFAULT_PAYOUT_ATTESTATION,
  describeState,
  migrateSnapshot,
  TAGS,
  type Audience,
  type CostPlanLine,
} from '@lib/engine';
import { DataSource, EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity';
import { assertMayActOnCase } from '../applications';
import {
  ApplicationsService,
  caseWhere,
  namesOf,
  ownership,
  type CaseKey,
} from '../applications/applications.service';
import { JournalService, jsonDocument } from '../archive/journal.service';
import { sendOwnAttachments } from '../attachments/attachment.entity';
import { AuditRepository } from '../audit/audit.repository';
import { BudgetFrame } from '../budget/budget-frame.entity';
import { toFrameDto } from '../budget/frames.service';
import { LedgerService } from '../budget/ledger.service';
import { FundingCall } from '../calls/funding-call.entity';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { NotificationService } from '../notifications/notification.service';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { SettlementService } from '../settlement/settlement.service';
import {
  OPEN_PAYOUT_REQUEST_STATUSES,
  PayoutRequest,
  PayoutRequestVersion,
  type PayoutRequestContent,
  type PayoutRequestKind,
  type PayoutRequestStatus,
} from './payout-request.entity';
import {
  ApprovePayoutDto,
  BookPayoutDto,
  PayoutBookedDto,
  PayoutReasonDto,
  PayoutRequestDto,
  PayoutRequestInputDto,
  PayoutRequestsDto,
  PayoutTermsDto,
} from './payout-requests.dto';
import { assertWithinLimits, checkPayoutInput, payoutLimits, type PayoutLimits } from './payout-rules';

/** The audit events of payout requests; not lifecycle events, the case's state stays. */
export const PAYOUT_EVENTS = {
  drafted: 'PAYOUT_REQUEST_DRAFTED',
  edited: 'PAYOUT_REQUEST_EDITED',
  sent: 'PAYOUT_REQUEST_SENT',
  approved: 'PAYOUT_REQUEST_APPROVED',
  returned: 'PAYOUT_REQUEST_RETURNED',
  rejected: 'PAYOUT_REQUEST_REJECTED',
  paid: 'PAYOUT_REQUEST_PAID',
} as const;

/** An approved, unpaid payout request as finance's list of payments due shows it. */
export interface ApprovedPayout {
  readonly number: number;
  readonly kind: PayoutRequestKind;
  readonly amount: number;
  readonly accountNumber: string | null;
  readonly iban: string | null;
  readonly bic: string | null;
  readonly approvedAt: string;
}

/** The grant's money on the ledger: paid (less repaid) and still outstanding, over all its positions. */
interface GrantMoney {
  paid: number;
  outstanding: number;
  /** The position with the most outstanding, which pays: null when nothing is committed. */
  frameId: string | null;
}

type Staff = Extract<Actor, { kind: 'staff' }>;

/**
 * Payout requests (utbetalingsanmodninger) of accepted grants: part payments (delutbetalinger) and the
 * final payment (sluttutbetaling). The applicant drafts and sends one; a sent request is frozen. The
 * case officer approves it (with at most the amount asked), returns it (the applicant edits and sends
 * it again, the sent version is kept) or rejects it. An approved request is on finance's list of
 * payments due until it is paid, once. Every step is audited in the case history in its own
 * transaction, under its Idempotency-Key.
 *
 * The final request carries the scheme's final report (sluttrapport) and drives the case's report
 * lifecycle in the same transaction: sending it submits the report (SUBMIT_REPORT), returning it
 * returns the report (RETURN_REPORT), approving it approves the report (APPROVE_REPORT) with the final
 * payable amount that makes the approved final payment exactly what is left to pay; the settlement
 * releases the rest, and booking the final payment closes the case.
 */
@Injectable()
export class PayoutRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditRepository,
    private readonly ledger: LedgerService,
    private readonly notifications: NotificationService,
    private readonly schemes: SchemeRegistry,
    private readonly applications: ApplicationsService,
    private readonly settlement: SettlementService,
    private readonly clock: Clock,
    private readonly journal: JournalService,
  ) {}

  // ── Reading ─────────────────────────────────────────────────────────────────────────────

  async list(actor: Actor, key: CaseKey): Promise<PayoutRequestsDto> {
    const tx = this.dataSource.manager;
    const application = visibleOrNotFound(
      actor,
      await tx.findOneBy(Application, caseWhere(key)),
      ownership,
      'Application',
    );
    const requests = await tx.find(PayoutRequest, {
      where: { applicationId: application.id },
      order: { number: 'DESC' },
    });
    return {
      terms: await this.terms(tx, application, requests),
      items: await this.toDtos(tx, application, requests),
    };
  }

  // ── The applicant ───────────────────────────────────────────────────────────────────────

  async create(
    actor: Actor,
    key: CaseKey,
    dto: PayoutRequestInputDto,
    idem?: IdempotencyKey,
  ): Promise<PayoutRequestDto> {
    const applicant = asApplicant(actor);
    const kind = dto.kind ?? 'part';
    return this.idempotency.transaction(idem, async (tx) => {
      const application = await this.lock(tx, actor, key);
      this.assertActiveGrant(application);
      const open = (
        await tx.find(PayoutRequest, {
          where: OPEN_PAYOUT_REQUEST_STATUSES.map((status) => ({ applicationId: application.id, status })),
          order: { number: 'ASC' },
        })
      ).find((r) => blocks(kind, r));
      if (open)
        throw new DomainError(
          'conflict',
          'payout_request_open',
          `Payout request ${open.number} of ${application.reference} is still open; one at a time`,
          { open: open.number },
        );
      const content = await this.checked(tx, application, dto, kind);
      const [{ next }] = await tx.query<Array<{ next: number }>>(
        'SELECT coalesce(max(number), 0) + 1 AS next FROM payout_request WHERE application_id = $1',
        [application.id],
      );
      const request = await tx.save(
        tx.create(PayoutRequest, {
          applicationId: application.id,
          number: next,
          kind,
          status: 'draft',
          version: 1,
          ...columnsOf(content),
          createdBy: applicant.userId,
        }),
      );
      await this.record(tx, application, actor, 'applicant', PAYOUT_EVENTS.drafted, {
        number: request.number,
        kind: request.kind,
        amount: request.amount,
      });
      return this.toDto(tx, application, request);
    });
  }

  /** Replaces a draft, or a returned request, with what the applicant now says; a sent one is frozen. */
  async update(
    actor: Actor,
    key: CaseKey,
    number: number,
    dto: PayoutRequestInputDto,
    idem?: IdempotencyKey,
  ): Promise<PayoutRequestDto> {
    asApplicant(actor);
    return this.idempotency.transaction(idem, async (tx) => {
      const application = await this.lock(tx, actor, key);
      const request = await this.request(tx, application, number);
      assertEditable(request);
      if (dto.kind !== undefined && dto.kind !== request.kind)
        throw new DomainError(
          'unprocessable',
          'payout_kind_fixed',
          `Payout request ${request.number} is a ${request.kind} request; start a new one for another kind`,
          { field: 'kind' },
        );
      const content = await this.checked(tx, application, dto, request.kind);
      Object.assign(request, columnsOf(content));
      await tx.save(request);
      await this.record(tx, application, actor, 'applicant', PAYOUT_EVENTS.edited, {
        number: request.number,
        kind: request.kind,
        amount: request.amount,
      });
      return this.toDto(tx, application, request);
    });
  }

  /** Sends the request to the county: checked again, frozen, its version kept; the case officer is told. */
  async send(actor: Actor, key: CaseKey, number: number, idem?: IdempotencyKey): Promise<PayoutRequestDto> {
    const applicant = asApplicant(actor);
    return this.idempotency.transaction(idem, async (tx) => {
      const application = await this.lock(tx, actor, key);
      this.assertActiveGrant(application);
      const request = await this.request(tx, application, number);
      assertEditable(request);
      const content = await this.checked(tx, application, contentAsInput(request), request.kind);
      const now = this.clock.now();
      await this.sendAttachments(tx, application, request, now);
      request.status = 'sent';
      request.sentAt = now;
      request.decisionText = null;
      await tx.save(request);
      const sent = await tx.save(
        tx.create(PayoutRequestVersion, {
          payoutRequestId: request.id,
          version: request.version,
          content,
          sentBy: applicant.userId,
          sentAt: now,
        }),
      );
      // The request as sent is an incoming document of the case (with the final report, for the last one).
      const title =
        request.kind === 'final'
          ? 'Sluttrapport og anmodning om sluttutbetaling'
          : `Anmodning om utbetaling nr. ${request.number}`;
      await this.journal.record(tx, {
        applicationId: application.id,
        type: 'I',
        event: 'payout_request',
        sourceId: sent.id,
        title,
        documentDate: now,
        documents: [
          {
            role: 'H',
            title,
            fileName: `utbetalingsanmodning-${application.reference}-${request.number}-v${request.version}.json`,
            mimeType: 'application/json',
            generated: jsonDocument({
              reference: application.reference,
              number: request.number,
              kind: request.kind,
              version: request.version,
              amountOre: request.amount,
              sentAt: now.toISOString(),
              content,
              ...(request.kind === 'final' ? { report: request.report } : {}),
            }),
          },
        ],
      });
      const audit = await this.record(tx, application, actor, 'applicant', PAYOUT_EVENTS.sent, {
        number: request.number,
        kind: request.kind,
        version: request.version,
        amount: request.amount,
      });
      if (request.kind === 'final') {
        // The final report goes with it: the lifecycle's own transition (and notice to the officer).
        const reported = await this.transition(tx, actor, application, 'SUBMIT_REPORT', {
          report: request.report,
        });
        request.reportId = migrateSnapshot(
          this.schemes.forStored(reported.schemeId).lifecycle,
          reported.snapshot,
        ).state.context.reportId;
        await tx.save(request);
        return this.toDto(tx, reported, request);
      }
      await this.tell(
        tx,
        application,
        'payout_request_sent',
        ['case_officer'],
        audit,
        request,
        request.amount,
      );
      return this.toDto(tx, application, request);
    });
  }

  // ── The case officer ────────────────────────────────────────────────────────────────────

  /** Approves a sent request with at most the amount asked; it is then due to be paid. */
  async approve(
    actor: Actor,
    key: CaseKey,
    number: number,
    dto: ApprovePayoutDto,
    idem?: IdempotencyKey,
  ): Promise<PayoutRequestDto> {
    const staff = asStaff(actor);
    return this.idempotency.transaction(idem, async (tx) => {
      const application = await this.lock(tx, actor, key);
      await assertMayActOnCase(tx, staff, application);
      const request = await this.request(tx, application, number);
      assertSent(request);
      if (request.kind === 'final') return this.approveFinal(tx, staff, application, request, dto);
      this.assertActiveGrant(application);
      assertSomethingAsked(dto.amount);
      if (dto.repayment !== undefined)
        throw new DomainError(
          'unprocessable',
          'repayment_only_on_final',
          'Money is claimed back only when the final request settles the grant',
          { field: 'repayment' },
        );
      if (dto.amount > request.amount)
        throw new DomainError(
          'unprocessable',
          'payout_amount_above_requested',
          `At most the ${request.amount} øre asked for may be approved, not ${dto.amount}`,
          { field: 'amount', requested: request.amount, approved: dto.amount },
        );
      assertWithinLimits(dto.amount, await this.limits(tx, application));
      Object.assign(request, {
        status: 'approved' as const,
        approvedAmount: dto.amount,
        decidedAt: this.clock.now(),
        decidedBy: staff.userId,
        decisionText: null,
      });
      await tx.save(request);
      const audit = await this.record(tx, application, actor, 'case_officer', PAYOUT_EVENTS.approved, {
        number: request.number,
        requested: request.amount,
        approved: dto.amount,
      });
      await this.tell(tx, application, 'payout_request_approved', ['applicant'], audit, request, dto.amount);
      return this.toDto(tx, application, request);
    });
  }

  /**
   * Approves the final request and with it the final report: the final payable amount is what has
   * been paid, plus approved part payments not yet paid, plus the final payment approved now. The
   * settlement releases the rest to the frame; the final payment is then due to the request's account.
   */
  private async approveFinal(
    tx: EntityManager,
    staff: Staff,
    application: Application,
    request: PayoutRequest,
    dto: ApprovePayoutDto,
  ): Promise<PayoutRequestDto> {
    if (dto.amount > request.amount)
      throw new DomainError(
        'unprocessable',
        'payout_amount_above_requested',
        `At most the ${request.amount} øre asked for may be approved, not ${dto.amount}`,
        { field: 'amount', requested: request.amount, approved: dto.amount },
      );
    const money = await grantMoney(tx, application.id);
    const partsDue = await approvedPartsDue(tx, application.id);
    assertFinalWithin(dto.amount, money.outstanding - partsDue);
    const repayment = dto.repayment ?? 0;
    if (repayment > 0) assertRepayable(repayment, dto.amount, money.paid, partsDue);
    Object.assign(request, {
      status: 'approved' as const,
      approvedAmount: dto.amount,
      decidedAt: this.clock.now(),
      decidedBy: staff.userId,
      decisionText: null,
    });
    await tx.save(request);
    await this.record(tx, application, staff, 'case_officer', PAYOUT_EVENTS.approved, {
      number: request.number,
      kind: request.kind,
      requested: request.amount,
      approved: dto.amount,
      ...(repayment > 0 ? { repayment } : {}),
    });
    // The report's approval (vedtak om sluttoppgjør): settles the grant and tells applicant and finance.
    // Below what was paid, the settlement raises the repayment claim for the difference.
    const settling = await this.transition(tx, staff, application, 'APPROVE_REPORT', {
      finalPayableAmount: money.paid + partsDue + dto.amount - repayment,
    });
    return this.toDto(tx, settling, request);
  }

  /** Sends a request back to the applicant with reasons: they may edit it and send it again. */
  returnRequest(actor: Actor, key: CaseKey, number: number, dto: PayoutReasonDto, idem?: IdempotencyKey) {
    return this.decide(actor, key, number, dto.reason, 'returned', idem, dto.dueAt);
  }

  /** Rejects a request with grounds; the grant itself stays as it is. */
  reject(actor: Actor, key: CaseKey, number: number, dto: PayoutReasonDto, idem?: IdempotencyKey) {
    return this.decide(actor, key, number, dto.reason, 'rejected', idem);
  }

  private async decide(
    actor: Actor,
    key: CaseKey,
    number: number,
    reason: string,
    outcome: 'returned' | 'rejected',
    idem?: IdempotencyKey,
    dueAt?: string,
  ): Promise<PayoutRequestDto> {
    const staff = asStaff(actor);
    return this.idempotency.transaction(idem, async (tx) => {
      const application = await this.lock(tx, actor, key);
      await assertMayActOnCase(tx, staff, application);
      const request = await this.request(tx, application, number);
      assertSent(request);
      if (request.kind === 'final' && outcome === 'rejected')
        throw new DomainError(
          'conflict',
          'final_payout_request_not_rejectable',
          `Payout request ${request.number} is the final one, with the final report: return it with reasons instead`,
        );
      Object.assign(request, {
        status: outcome,
        decisionText: reason.trim(),
        decidedAt: this.clock.now(),
        decidedBy: staff.userId,
        // A returned request is edited as the next version; the one sent is kept.
        version: outcome === 'returned' ? request.version + 1 : request.version,
      });
      await tx.save(request);
      const event = outcome === 'returned' ? PAYOUT_EVENTS.returned : PAYOUT_EVENTS.rejected;
      const audit = await this.record(tx, application, actor, 'case_officer', event, {
        number: request.number,
        kind: request.kind,
        reason: request.decisionText,
      });
      if (request.kind === 'final') {
        // The final report goes back with it, due again by the date given (or the default).
        const returned = await this.transition(tx, actor, application, 'RETURN_REPORT', {
          message: request.decisionText,
          dueAt: dueAt ?? this.defaultReportDueAt(application),
        });
        return this.toDto(tx, returned, request);
      }
      await this.tell(
        tx,
        application,
        outcome === 'returned' ? 'payout_request_returned' : 'payout_request_rejected',
        ['applicant'],
        audit,
        request,
        request.amount,
      );
      return this.toDto(tx, application, request);
    });
  }

  // ── Finance ─────────────────────────────────────────────────────────────────────────────

  /**
   * Pays an approved request, for the amount finance saw, from the frame that holds the grant. The
   * case is locked first, so a second booking (another tab, another key) finds it paid: 409.
   */
  async book(
    actor: Staff,
    reference: string,
    number: number,
    dto: BookPayoutDto,
    idem?: IdempotencyKey,
  ): Promise<PayoutBookedDto> {
    return this.idempotency.transaction(idem, (tx) => this.bookWithin(tx, actor, reference, number, dto));
  }

  /**
   * The approved, unpaid request to pay, with the case locked: refused with 409 `payment_not_due`
   * when it is not approved and unpaid (paid one by one, or by a run), `due_amount_changed` when
   * another amount is approved; 404 for another county's case. Writes nothing.
   */
  async dueToBook(
    tx: EntityManager,
    actor: Staff,
    reference: string,
    number: number,
    dto: BookPayoutDto,
  ): Promise<{ application: Application; request: PayoutRequest & { approvedAmount: number } }> {
    const application = await this.lock(tx, actor, { reference });
    const request = await tx.findOneBy(PayoutRequest, { applicationId: application.id, number });
    if (!request || request.status !== 'approved' || request.approvedAmount === null)
      throw new DomainError(
        'conflict',
        'payment_not_due',
        `Payout request ${number} of ${application.reference} is not approved and unpaid`,
      );
    if (request.approvedAmount !== dto.amount)
      throw new DomainError(
        'conflict',
        'due_amount_changed',
        `${request.approvedAmount} øre of payout request ${number} is due, not ${dto.amount}`,
        { due: request.approvedAmount, requested: dto.amount },
      );
    return { application, request: request as PayoutRequest & { approvedAmount: number } };
  }

  /**
   * Pays an approved request inside the caller's transaction (a payment run pays all of its items in
   * one): checks it as `dueToBook` does, disburses it, marks it paid and records it in the case's
   * history, naming the run that paid it, if one did.
   */
  async bookWithin(
    tx: EntityManager,
    actor: Staff,
    reference: string,
    number: number,
    dto: BookPayoutDto,
    paymentRun?: number,
  ): Promise<PayoutBookedDto> {
    const { application, request } = await this.dueToBook(tx, actor, reference, number, dto);
    const money = await grantMoney(tx, application.id);
    if (money.frameId === null)
      throw new DomainError(
        'conflict',
        'payment_not_due',
        `${application.reference} has nothing outstanding`,
      );
    await this.ledger.disburse(tx, {
      frameId: money.frameId,
      grantKey: application.id,
      amount: request.approvedAmount,
      actorUserId: actor.userId,
      actorRole: 'finance',
      at: this.clock.now(),
      // In bokmål, as finance reads it; the ledger also writes the payment into the case's history.
      reason:
        request.kind === 'final'
          ? `Sluttutbetaling (${application.reference})`
          : `Delutbetaling ${request.number} (${application.reference})`,
    });
    request.status = 'paid';
    request.paidAt = this.clock.now();
    await tx.save(request);
    await this.record(tx, application, actor, 'finance', PAYOUT_EVENTS.paid, {
      number: request.number,
      kind: request.kind,
      amount: request.approvedAmount,
      ...(paymentRun !== undefined ? { paymentRun } : {}),
    });
    // The last payment of a settling case completes its settlement: the case closes with it.
    const caseClosed = await this.settlement.closeIfSettled(tx, application);
    return {
      caseReference: application.reference,
      payoutRequest: request.number,
      amount: request.approvedAmount,
      caseClosed,
      frame: toFrameDto(await tx.findOneByOrFail(BudgetFrame, { id: money.frameId })),
    };
  }

  /**
   * The grant's approved, unpaid requests (a part and the final one at most), for finance's list of
   * payments due. A final request approved with nothing more to pay is not due.
   */
  async approvedOf(tx: EntityManager, applicationId: string): Promise<ApprovedPayout[]> {
    const rows = await tx.find(PayoutRequest, {
      where: { applicationId, status: 'approved' },
      order: { number: 'ASC' },
    });
    return rows
      .filter((r) => (r.approvedAmount ?? 0) > 0)
      .map((r) => ({
        number: r.number,
        kind: r.kind,
        amount: r.approvedAmount ?? 0,
        accountNumber: r.accountNumber,
        iban: r.iban,
        bic: r.bic,
        approvedAt: (r.decidedAt ?? r.updatedAt).toISOString(),
      }));
  }

  /** Whether the grant's final payment is a final request's (approved or paid), not the plan's. */
  async finalRequested(tx: EntityManager, applicationId: string): Promise<boolean> {
    return tx.exists(PayoutRequest, {
      where: [
        { applicationId, kind: 'final', status: 'approved' },
        { applicationId, kind: 'final', status: 'paid' },
      ],
    });
  }

  // ── Helpers ─────────────────────────────────────────────────────────────────────────────

  /** A lifecycle event on the case in this transaction; the case as it is afterwards. */
  private async transition(
    tx: EntityManager,
    actor: Actor,
    application: Application,
    type: 'SUBMIT_REPORT' | 'RETURN_REPORT' | 'APPROVE_REPORT',
    body: Record<string, unknown>,
  ): Promise<Application> {
    await this.applications.sendWithin(tx, actor, { id: application.id }, type, body);
    return tx.findOneByOrFail(Application, { id: application.id });
  }

  /** When a returned final report is due again: its deadline, or 14 days ahead if that has passed. */
  private defaultReportDueAt(application: Application): string {
    const scheme = this.schemes.forStored(application.schemeId);
    const due = migrateSnapshot(scheme.lifecycle, application.snapshot).state.context.finalReportDueAt;
    const now = this.clock.now();
    if (due && new Date(due).getTime() > now.getTime() + DAY_MS) return due;
    return endOfNorwegianDay(addDays(norwegianDate(now), 14));
  }

  /**
   * The request's attachments go with it: the kinds the call requires with a part or final request
   * (some only from the amount that asks for an accountant's confirmation) must be there.
   */
  private async sendAttachments(
    tx: EntityManager,
    application: Application,
    request: PayoutRequest,
    now: Date,
  ): Promise<void> {
    const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
    const requirements = attachmentRequirements(
      call.parameters,
      request.kind === 'final' ? 'final_payout_request' : 'part_payout_request',
      this.schemes.forStored(application.schemeId).attachmentDefaults,
      request.amount,
    );
    await sendOwnAttachments(tx, application.id, { payoutRequestId: request.id }, requirements, now);
  }

  private async lock(tx: EntityManager, actor: Actor, key: CaseKey): Promise<Application> {
    const application = await tx.findOne(Application, {
      where: caseWhere(key),
      lock: { mode: 'pessimistic_write' },
    });
    return visibleOrNotFound(actor, application, ownership, 'Application');
  }

  private async request(tx: EntityManager, application: Application, number: number): Promise<PayoutRequest> {
    const request = await tx.findOneBy(PayoutRequest, { applicationId: application.id, number });
    if (!request) throw notFound('Payout request');
    return request;
  }

  /** Accepted and running: the grant's status is granted and the lifecycle tags its state payable. */
  private isActiveGrant(application: Application): boolean {
    const scheme = this.schemes.forStored(application.schemeId);
    const view = describeState(scheme.lifecycle, application.snapshot);
    return view.status === 'granted' && view.tags.includes(TAGS.payable);
  }

  private assertActiveGrant(application: Application): void {
    if (!this.isActiveGrant(application))
      throw new DomainError(
        'conflict',
        'grant_not_active',
        `${application.reference} is not an accepted, active grant: no part payment can be asked for`,
      );
  }

  private async limits(tx: EntityManager, application: Application): Promise<PayoutLimits> {
    const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
    const money = await grantMoney(tx, application.id);
    return payoutLimits(call.parameters, application.grantedAmount ?? 0, money.paid, money.outstanding);
  }

  private async costPlan(application: Application): Promise<CostPlanLine[]> {
    const scheme = this.schemes.forStored(application.schemeId);
    const content = await validatePayload(scheme.applicationDto, application.content);
    return content.ok ? costPlanLinesOf(scheme, content.value) : [];
  }

  private async currency(tx: EntityManager, application: Application): Promise<string> {
    if (!application.frameId) return 'NOK';
    return (await tx.findOneByOrFail(BudgetFrame, { id: application.frameId })).currency;
  }

  /** The input checked against the call, the frame's currency, the cost plan and the money left. */
  private async checked(
    tx: EntityManager,
    application: Application,
    input: PayoutRequestInputDto,
    kind: PayoutRequestKind,
  ): Promise<PayoutRequestContent> {
    const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
    const content = checkPayoutInput(input, {
      params: call.parameters,
      currency: await this.currency(tx, application),
      costPlan: await this.costPlan(application),
    });
    if (kind === 'part') {
      assertSomethingAsked(content.amount);
      if (input.report !== undefined)
        throw new DomainError(
          'unprocessable',
          'report_only_on_final',
          'The final report goes with the final payout request, not with a part payment',
          { field: 'report' },
        );
      assertWithinLimits(content.amount, await this.limits(tx, application));
      return content;
    }
    const money = await grantMoney(tx, application.id);
    assertFinalWithin(content.amount, money.outstanding - (await approvedPartsDue(tx, application.id)));
    return {
      ...content,
      report: await this.checkedReport(application, input.report),
    };
  }

  /** The final report answers, valid by the scheme's report form (as submitting the report checks them). */
  private async checkedReport(
    application: Application,
    report: Record<string, unknown> | undefined,
  ): Promise<Record<string, unknown>> {
    if (report === undefined)
      throw new DomainError(
        'unprocessable',
        'final_report_required',
        'A final payout request carries the final report',
        { field: 'report' },
      );
    const scheme = this.schemes.forStored(application.schemeId);
    const validation = await validatePayload(scheme.reportDto, report, { pathPrefix: 'report' });
    if (!validation.ok)
      throw new DomainError('bad_request', 'validation_failed', 'The report is not valid', {
        errors: validation.problems,
      });
    return report;
  }

  private async terms(
    tx: EntityManager,
    application: Application,
    requests: readonly PayoutRequest[],
  ): Promise<PayoutTermsDto> {
    const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
    const limits = await this.limits(tx, application);
    const open = requests.filter((r) => OPEN_PAYOUT_REQUEST_STATUSES.includes(r.status));
    const active = this.isActiveGrant(application);
    const partsDue = await approvedPartsDue(tx, application.id);
    return {
      canRequest: active && open.length === 0 && limits.available > 0,
      canRequestFinal: active && !open.some((r) => blocks('final', r)),
      finalAvailable: Math.max(0, limits.outstanding - partsDue),
      currency: await this.currency(tx, application),
      grantedAmount: limits.grantedAmount,
      paidAmount: limits.paidAmount,
      outstanding: limits.outstanding,
      finalReserve: limits.finalReserve,
      available: limits.available,
      attestation: { ...(call.parameters.payoutAttestation ?? DEFAULT_PAYOUT_ATTESTATION) },
      costPlan: (await this.costPlan(application)).map((l) => ({
        key: l.key,
        label: { nb: l.label.nb, en: l.label.en },
        approvedOre: l.approvedOre,
      })),
    };
  }

  /** One audit record in the case history, in the caller's transaction; the case's state stays. */
  private record(
    tx: EntityManager,
    application: Application,
    actor: Actor,
    role: string,
    event: string,
    payload: Record<string, unknown>,
  ) {
    const scheme = this.schemes.forStored(application.schemeId);
    const stored = application.snapshot;
    const state = describeState(scheme.lifecycle, stored).state;
    return this.audit.append(tx, {
      applicationId: application.id,
      actorUserId: actor.userId,
      actorRole: role,
      event,
      fromState: state,
      toState: state,
      payload,
      effects: [],
      machineId: stored.machineId,
      machineVersion: stored.version,
      occurredAt: this.clock.now().toISOString(),
    });
  }

  private async tell(
    tx: EntityManager,
    application: Application,
    template: string,
    audiences: readonly Audience[],
    audit: { id: string },
    request: PayoutRequest,
    amount: number,
  ): Promise<void> {
    await this.notifications.notify(tx, application, template, audiences, audit.id, {
      number: String(request.number),
      amount: formatWholeKroner(amount),
      message: request.decisionText ?? undefined,
    });
  }

  private async toDto(
    tx: EntityManager,
    application: Application,
    request: PayoutRequest,
  ): Promise<PayoutRequestDto> {
    const [dto] = await this.toDtos(tx, application, [request]);
    if (!dto) throw new Error(`payout request ${request.id} did not convert`);
    return dto;
  }

  private async toDtos(
    tx: EntityManager,
    application: Application,
    requests: readonly PayoutRequest[],
  ): Promise<PayoutRequestDto[]> {
    if (requests.length === 0) return [];
    const versions = await tx
      .createQueryBuilder(PayoutRequestVersion, 'v')
      .where('v.payoutRequestId IN (:...ids)', { ids: requests.map((r) => r.id) })
      .orderBy('v.version', 'ASC')
      .getMany();
    const names = await namesOf(tx, [
      ...requests.flatMap((r) => [r.createdBy, r.decidedBy]),
      ...versions.map((v) => v.sentBy),
    ]);
    const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    return requests.map((r) => ({
      id: r.id,
      caseReference: application.reference,
      number: r.number,
      kind: r.kind,
      status: r.status,
      version: r.version,
      amount: r.amount,
      accountNumber: r.accountNumber,
      iban: r.iban,
      bic: r.bic,
      statusReport: r.statusReport,
      costs: r.costs.map((c) => ({ line: c.line, accumulatedOre: c.accumulatedOre })),
      managerName: r.attestation.managerName,
      accountant: r.attestation.accountant,
      approvedAmount: r.approvedAmount,
      decisionText: r.decisionText,
      createdByName: name(r.createdBy),
      decidedByName: name(r.decidedBy),
      sentAt: r.sentAt?.toISOString() ?? null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      paidAt: r.paidAt?.toISOString() ?? null,
      report: r.report,
      earlierVersions: versions
        // The version sent last is the request itself, unless it came back: then it is being redone.
        .filter((v) => v.payoutRequestId === r.id && v.version < r.version)
        .map((v) => ({
          version: v.version,
          amount: v.content.amount,
          statusReport: v.content.statusReport,
          costs: v.content.costs.map((c) => ({ line: c.line, accumulatedOre: c.accumulatedOre })),
          sentAt: v.sentAt.toISOString(),
          sentByName: name(v.sentBy),
        })),
    }));
  }
}

/** The grant's money over its positions on every frame. */
async function grantMoney(tx: EntityManager, applicationId: string): Promise<GrantMoney> {
  const [row] = await tx.query<Array<{ paid: string; outstanding: string; frame_id: string | null }>>(
    `SELECT coalesce(sum(disbursed - repaid), 0) AS paid,
            coalesce(sum(committed - released - disbursed - carried_out), 0) AS outstanding,
            (SELECT frame_id FROM grant_position p WHERE p.application_id = $1
               AND p.committed - p.released - p.disbursed - p.carried_out > 0
             ORDER BY p.committed - p.released - p.disbursed - p.carried_out DESC, p.frame_id LIMIT 1) AS frame_id
       FROM grant_position WHERE application_id = $1`,
    [applicationId],
  );
  return {
    paid: Number(row?.paid ?? 0),
    outstanding: Number(row?.outstanding ?? 0),
    frameId: row?.frame_id ?? null,
  };
}

const columnsOf = (c: PayoutRequestContent) => ({
  amount: c.amount,
  accountNumber: c.accountNumber,
  iban: c.iban,
  bic: c.bic,
  statusReport: c.statusReport,
  costs: [...c.costs],
  attestation: c.attestation,
  report: c.report ?? null,
});

/** A stored request as input, to check it again when it is sent. */
const contentAsInput = (r: PayoutRequest): PayoutRequestInputDto => ({
  amount: r.amount,
  ...(r.accountNumber !== null ? { accountNumber: r.accountNumber } : {}),
  ...(r.iban !== null ? { iban: r.iban } : {}),
  ...(r.bic !== null ? { bic: r.bic } : {}),
  statusReport: r.statusReport,
  costs: r.costs,
  managerName: r.attestation.managerName,
  accountant: r.attestation.accountant,
  ...(r.report !== null ? { report: r.report } : {}),
});

/**
 * Whether an open request stands in the way of a new one of `kind`: a part request waits for any open
 * request; the final one only for another final one, or a part request not yet decided (an approved
 * part payment stays due beside it).
 */
function blocks(kind: PayoutRequestKind, open: PayoutRequest): boolean {
  if (kind === 'part') return true;
  return open.kind === 'final' || open.status !== 'approved';
}

/** øre of approved part payments not yet paid: what the final payment must leave for them. */
async function approvedPartsDue(tx: EntityManager, applicationId: string): Promise<number> {
  const [row] = await tx.query<Array<{ due: string }>>(
    `SELECT coalesce(sum(approved_amount), 0) AS due FROM payout_request
      WHERE application_id = $1 AND kind = 'part' AND status = 'approved'`,
    [applicationId],
  );
  return Number(row?.due ?? 0);
}

/** Refuses a part payment of nothing: only the final request may ask for nothing more. */
function assertSomethingAsked(amount: number): void {
  if (amount > 0) return;
  throw new DomainError('unprocessable', 'payout_amount_zero', 'A part payment must be more than 0 kr', {
    field: 'amount',
  });
}

/**
 * Refuses a claim back that the settlement could not raise: it goes with no final payment, after the
 * approved part payments are paid (so the claim is what was paid above the costs), and at most what was paid.
 */
function assertRepayable(repayment: number, amount: number, paid: number, partsDue: number): void {
  if (amount > 0)
    throw new DomainError(
      'unprocessable',
      'repayment_with_payment',
      'A final request that claims money back pays nothing more: approve 0 kr',
      { field: 'amount' },
    );
  if (partsDue > 0)
    throw new DomainError(
      'conflict',
      'part_payment_due',
      `${partsDue} øre of approved part payments is still unpaid: pay it before claiming money back`,
      { partsDue },
    );
  if (repayment > paid)
    throw new DomainError(
      'unprocessable',
      'repayment_above_paid',
      `At most what was paid (${paid} øre) can be claimed back, not ${repayment} øre`,
      { field: 'repayment', paid, requested: repayment },
    );
}

/** Refuses a final payment above what the grant still has outstanding for it. */
function assertFinalWithin(amount: number, available: number): void {
  if (amount <= available) return;
  throw new DomainError(
    'unprocessable',
    'payout_amount_too_high',
    `${amount} øre is more than the final payment may be: ${Math.max(0, available)} øre outstanding after approved part payments`,
    { field: 'amount', requested: amount, available: Math.max(0, available) },
  );
}

function asApplicant(actor: Actor): Extract<Actor, { kind: 'applicant' }> {
  if (actor.kind !== 'applicant')
    throw new DomainError('forbidden', 'forbidden', 'Only the applicant files payout requests');
  return actor;
}

function asStaff(actor: Actor): Staff {
  if (actor.kind !== 'staff')
    throw new DomainError('forbidden', 'forbidden', 'Only the county decides payout requests');
  return actor;
}

const EDITABLE: readonly PayoutRequestStatus[] = ['draft', 'returned'];

function assertEditable(request: PayoutRequest): void {
  if (!EDITABLE.includes(request.status))
    throw new DomainError(
      'conflict',
      'payout_request_frozen',
      `Payout request ${request.number} is ${request.status}: only a draft or a returned request can be changed or sent`,
      { status: request.status },
    );
}

function assertSent(request: PayoutRequest): void {
  if (request.status !== 'sent')
    throw new DomainError(
      'conflict',
      'payout_request_not_sent',
      `Payout request ${request.number} is ${request.status}: only a sent request can be decided`,
      { status: request.status },
    );
}
