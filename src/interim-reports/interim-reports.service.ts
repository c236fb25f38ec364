import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  Clock,
  DomainError,
  norwegianDate,
  notFound,
  validatePayload,
  visibleOrNotFound,
} from '@lib/common';
import {
  attachmentRequirements,
  describeState,
  interimReportKind,
  TAGS,
  type Audience,
  type InterimReportDue,
  type InterimReportKind,
  type SchemeReason,
} from '@lib/engine';
import { DataSource, EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity';
import { assertMayActOnCase } from '../applications';
import { caseWhere, namesOf, ownership, type CaseKey } from '../applications/applications.service';
import { sendOwnAttachments } from '../attachments/attachment.entity';
import { AuditRepository } from '../audit/audit.repository';
import { FundingCall } from '../calls/funding-call.entity';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { NotificationService } from '../notifications/notification.service';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { JournalService, jsonDocument } from '../archive/journal.service';
import { InterimReport, InterimReportVersion, type InterimReportStatus } from './interim-report.entity';
import {
  InterimReportDto,
  InterimReportInputDto,
  InterimReportReturnDto,
  InterimReportsDto,
} from './interim-reports.dto';

/** The case history's words for interim reports; not lifecycle events, the case's state stays. */
export const INTERIM_REPORT_EVENTS = {
  drafted: 'INTERIM_REPORT_DRAFTED',
  edited: 'INTERIM_REPORT_EDITED',
  sent: 'INTERIM_REPORT_SENT',
  approved: 'INTERIM_REPORT_APPROVED',
  returned: 'INTERIM_REPORT_RETURNED',
  reminded: 'INTERIM_REPORT_REMINDED',
  overdue: 'INTERIM_REPORT_OVERDUE',
} as const;

const EDITABLE: readonly InterimReportStatus[] = ['draft', 'returned'];

/** One report the grant owes: what the scheme says of it, and its row once drafted. */
interface Owed {
  readonly kind: InterimReportKind;
  readonly due: InterimReportDue;
  readonly row: InterimReport | null;
}

/**
 * Interim (status) reports of accepted grants (delrapporter; Jobbsjansen's årsrapport): the scheme
 * says which a grant owes and when. The applicant drafts and sends one; a sent report is frozen and
 * kept as a version. The case officer approves it, which may open an instalment of the plan, or
 * returns it with reasons to be sent again. Reminders before the due day and the alert when it is
 * overdue are durable deadlines of the case (scheduled on acceptance). Every step is a record in the
 * case history, in the step's own transaction, under its Idempotency-Key.
 */
@Injectable()
export class InterimReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationService,
    private readonly schemes: SchemeRegistry,
    private readonly clock: Clock,
    private readonly journal: JournalService,
  ) {}

  // ── Reading ─────────────────────────────────────────────────────────────────────────────

  /** The reports the grant owes, in due order; none before the grant is accepted. */
  async list(actor: Actor, key: CaseKey): Promise<InterimReportsDto> {
    const tx = this.dataSource.manager;
    const application = visibleOrNotFound(
      actor,
      await tx.findOneBy(Application, caseWhere(key)),
      ownership,
      'Application',
    );
    const owed = await this.owed(tx, application);
    return { items: await this.toDtos(tx, application, owed) };
  }

  // ── The applicant ───────────────────────────────────────────────────────────────────────

  /** Saves the report as a draft (the first save starts it); a sent or approved report is frozen. */
  async save(
    actor: Actor,
    key: CaseKey,
    reportKey: string,
    dto: InterimReportInputDto,
    idem?: IdempotencyKey,
  ): Promise<InterimReportDto> {
    const applicant = asApplicant(actor);
    return this.idempotency.transaction(idem, async (tx) => {
      const application = await this.lock(tx, actor, key);
      this.assertActiveGrant(application);
      const owed = await this.one(tx, application, reportKey);
      const content = await checked(owed.kind, dto.content);
      let row = owed.row;
      if (row) {
        assertEditable(row);
        row.content = content;
        await tx.save(row);
      } else {
        row = await tx.save(
          tx.create(InterimReport, {
            applicationId: application.id,
            reportKey,
            status: 'draft',
            version: 1,
            content,
            decisionText: null,
            createdBy: applicant.userId,
            sentAt: null,
            decidedAt: null,
            decidedBy: null,
            approvedAt: null,
          }),
        );
      }
      await this.record(
        tx,
        application,
        actor,
        'applicant',
        owed.row ? INTERIM_REPORT_EVENTS.edited : INTERIM_REPORT_EVENTS.drafted,
        { report: reportKey, version: row.version },
      );
      return this.toDto(tx, application, { ...owed, row });
    });
  }

  /** Sends the saved report to the county: checked again, frozen, its version kept; the case officer is told. */
  async send(
    actor: Actor,
    key: CaseKey,
    reportKey: string,
    idem?: IdempotencyKey,
  ): Promise<InterimReportDto> {
    const applicant = asApplicant(actor);
    return this.idempotency.transaction(idem, async (tx) => {
      const application = await this.lock(tx, actor, key);
      this.assertActiveGrant(application);
      const owed = await this.one(tx, application, reportKey);
      const row = owed.row;
      if (!row)
        throw new DomainError(
          'conflict',
          'interim_report_not_started',
          `The ${owed.kind.title.en.toLowerCase()} of ${application.reference} has not been saved yet`,
        );
      assertEditable(row);
      const content = await checked(owed.kind, row.content);
      const now = this.clock.now();
      // Its attachments go with it: the kinds the call requires with interim reports must be there.
      const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
      await sendOwnAttachments(
        tx,
        application.id,
        { interimReportId: row.id },
        attachmentRequirements(
          call.parameters,
          'interim_report',
          this.schemes.forStored(application.schemeId).attachmentDefaults,
        ),
        now,
      );
      row.status = 'sent';
      row.sentAt = now;
      await tx.save(row);
      const sent = await tx.save(
        tx.create(InterimReportVersion, {
          interimReportId: row.id,
          version: row.version,
          content,
          sentBy: applicant.userId,
          sentAt: now,
        }),
      );
      // The report as sent is an incoming document of the case.
      await this.journal.record(tx, {
        applicationId: application.id,
        type: 'I',
        event: 'interim_report',
        sourceId: sent.id,
        title: owed.kind.title.nb,
        documentDate: now,
        documents: [
          {
            role: 'H',
            title: owed.kind.title.nb,
            fileName: `rapport-${application.reference}-${reportKey}-v${row.version}.json`,
            mimeType: 'application/json',
            generated: jsonDocument({
              reference: application.reference,
              report: reportKey,
              version: row.version,
              sentAt: now.toISOString(),
              content,
            }),
          },
        ],
      });
      const audit = await this.record(tx, application, actor, 'applicant', INTERIM_REPORT_EVENTS.sent, {
        report: reportKey,
        version: row.version,
      });
      await this.tell(tx, application, 'interim_report_sent', ['case_officer'], audit.id, owed);
      return this.toDto(tx, application, owed);
    });
  }

  // ── The case officer ────────────────────────────────────────────────────────────────────

  /** Approves a sent report; an instalment waiting for it falls due from its own date. */
  async approve(
    actor: Actor,
    key: CaseKey,
    reportKey: string,
    idem?: IdempotencyKey,
  ): Promise<InterimReportDto> {
    const staff = asStaff(actor);
    return this.idempotency.transaction(idem, async (tx) => {
      const application = await this.lock(tx, actor, key);
      await assertMayActOnCase(tx, staff, application);
      const owed = await this.one(tx, application, reportKey);
      const row = assertSent(owed);
      const now = this.clock.now();
      Object.assign(row, {
        status: 'approved' as const,
        decidedAt: now,
        decidedBy: staff.userId,
        approvedAt: now,
        decisionText: null,
      });
      await tx.save(row);
      const audit = await this.record(
        tx,
        application,
        actor,
        'case_officer',
        INTERIM_REPORT_EVENTS.approved,
        {
          report: reportKey,
          version: row.version,
        },
      );
      await this.tell(tx, application, 'interim_report_approved', ['applicant'], audit.id, owed);
      return this.toDto(tx, application, owed);
    });
  }

  /** Sends a report back with reasons: the applicant corrects it and sends it again as the next version. */
  async returnReport(
    actor: Actor,
    key: CaseKey,
    reportKey: string,
    dto: InterimReportReturnDto,
    idem?: IdempotencyKey,
  ): Promise<InterimReportDto> {
    const staff = asStaff(actor);
    return this.idempotency.transaction(idem, async (tx) => {
      const application = await this.lock(tx, actor, key);
      await assertMayActOnCase(tx, staff, application);
      const owed = await this.one(tx, application, reportKey);
      const row = assertSent(owed);
      Object.assign(row, {
        status: 'returned' as const,
        decisionText: dto.reason.trim(),
        decidedAt: this.clock.now(),
        decidedBy: staff.userId,
        version: row.version + 1,
      });
      await tx.save(row);
      const audit = await this.record(
        tx,
        application,
        actor,
        'case_officer',
        INTERIM_REPORT_EVENTS.returned,
        {
          report: reportKey,
          version: row.version - 1,
          reason: row.decisionText,
        },
      );
      await this.tell(tx, application, 'interim_report_returned', ['applicant'], audit.id, owed);
      return this.toDto(tx, application, owed);
    });
  }

  // ── Deadlines ───────────────────────────────────────────────────────────────────────────

  /**
   * A reminder fell due: the applicant is reminded if the report is still to be sent (not started, a
   * draft or returned). Returns how many were told; 0 when the reminder is no longer relevant.
   */
  async remind(tx: EntityManager, applicationId: string, reportKey: string): Promise<number> {
    return this.followUp(
      tx,
      applicationId,
      reportKey,
      'interim_report_reminder',
      ['applicant'],
      INTERIM_REPORT_EVENTS.reminded,
    );
  }

  /** The due day ended without the report sent: the case officer is alerted. Returns how many were told. */
  async alertOverdue(tx: EntityManager, applicationId: string, reportKey: string): Promise<number> {
    return this.followUp(
      tx,
      applicationId,
      reportKey,
      'interim_report_overdue',
      ['case_officer'],
      INTERIM_REPORT_EVENTS.overdue,
    );
  }

  private async followUp(
    tx: EntityManager,
    applicationId: string,
    reportKey: string,
    template: string,
    audiences: readonly Audience[],
    event: string,
  ): Promise<number> {
    const application = await tx.findOneByOrFail(Application, { id: applicationId });
    if (!this.isActiveGrant(application)) return 0;
    const owed = (await this.owed(tx, application)).find((o) => o.due.key === reportKey);
    if (!owed || (owed.row && !EDITABLE.includes(owed.row.status))) return 0;
    const audit = await this.record(tx, application, null, 'system', event, {
      report: reportKey,
      dueDate: owed.due.dueDate,
    });
    return this.tell(tx, application, template, audiences, audit.id, owed);
  }

  // ── Helpers ─────────────────────────────────────────────────────────────────────────────

  private async lock(tx: EntityManager, actor: Actor, key: CaseKey): Promise<Application> {
    const application = await tx.findOne(Application, {
      where: caseWhere(key),
      lock: { mode: 'pessimistic_write' },
    });
    return visibleOrNotFound(actor, application, ownership, 'Application');
  }

  /** The reports the grant owes under its call, with their rows; none before acceptance. */
  private async owed(tx: EntityManager, application: Application): Promise<Owed[]> {
    const scheme = this.schemes.forStored(application.schemeId);
    if (!scheme.interimReportsDue || application.grantedAmount === null) return [];
    const view = describeState(scheme.lifecycle, application.snapshot);
    if (!view.tags.includes(TAGS.payable) && view.status !== 'reported' && view.status !== 'closed')
      return [];
    const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
    const content = await validatePayload(scheme.applicationDto, application.content);
    if (!content.ok) return [];
    const rows = await tx.find(InterimReport, { where: { applicationId: application.id } });
    return scheme
      .interimReportsDue(call.parameters as never, content.value)
      .flatMap((due) => {
        const kind = interimReportKind(scheme, due.key);
        return kind ? [{ kind, due, row: rows.find((r) => r.reportKey === due.key) ?? null }] : [];
      })
      .sort((a, b) => a.due.dueDate.localeCompare(b.due.dueDate));
  }

  private async one(tx: EntityManager, application: Application, reportKey: string): Promise<Owed> {
    const owed = (await this.owed(tx, application)).find((o) => o.due.key === reportKey);
    if (!owed) throw notFound('Interim report');
    return owed;
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
        `${application.reference} is not an accepted, active grant: no interim report is taken now`,
      );
  }

  /** One record in the case history, in the caller's transaction; the case's state stays. */
  private record(
    tx: EntityManager,
    application: Application,
    actor: Actor | null,
    role: string,
    event: string,
    payload: Record<string, unknown>,
  ) {
    return this.audit.appendToCase(tx, {
      applicationId: application.id,
      actorUserId: actor?.userId ?? null,
      actorRole: role,
      event,
      payload,
      occurredAt: this.clock.now().toISOString(),
    });
  }

  private tell(
    tx: EntityManager,
    application: Application,
    template: string,
    audiences: readonly Audience[],
    auditId: string,
    owed: Owed,
  ): Promise<number> {
    const { nb, en } = owed.kind.title;
    return this.notifications.notify(tx, application, template, audiences, auditId, {
      report: nb.toLowerCase(),
      Report: nb,
      reportEn: en.toLowerCase(),
      ReportEn: en,
      dueAt: osloDay(owed.due.dueDate),
      message: owed.row?.decisionText ?? undefined,
    });
  }

  private async toDto(tx: EntityManager, application: Application, owed: Owed): Promise<InterimReportDto> {
    const [dto] = await this.toDtos(tx, application, [owed]);
    if (!dto) throw new Error(`interim report ${owed.due.key} did not convert`);
    return dto;
  }

  private async toDtos(
    tx: EntityManager,
    application: Application,
    owed: readonly Owed[],
  ): Promise<InterimReportDto[]> {
    const ids = owed.flatMap((o) => (o.row ? [o.row.id] : []));
    const versions = ids.length
      ? await tx
          .createQueryBuilder(InterimReportVersion, 'v')
          .where('v.interimReportId IN (:...ids)', { ids })
          .orderBy('v.version', 'ASC')
          .getMany()
      : [];
    const names = await namesOf(tx, [
      ...owed.map((o) => o.row?.decidedBy ?? null),
      ...versions.map((v) => v.sentBy),
    ]);
    const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    const today = norwegianDate(this.clock.now());
    const active = this.isActiveGrant(application);
    return owed.map(({ kind, due, row }) => {
      const toSend = row === null || EDITABLE.includes(row.status);
      return {
        caseReference: application.reference,
        key: due.key,
        title: { nb: kind.title.nb, en: kind.title.en },
        dueDate: due.dueDate,
        status: row?.status ?? 'not_started',
        overdue: toSend && due.dueDate < today,
        version: row?.version ?? 0,
        content: row?.content ?? null,
        decisionText: row?.decisionText ?? null,
        sentAt: row?.sentAt?.toISOString() ?? null,
        decidedAt: row?.decidedAt?.toISOString() ?? null,
        approvedAt: row?.approvedAt?.toISOString() ?? null,
        decidedByName: name(row?.decidedBy ?? null),
        canEdit: active && toSend,
        earlierVersions: versions
          .filter((v) => row !== null && v.interimReportId === row.id && v.version < row.version)
          .map((v) => ({
            version: v.version,
            content: v.content,
            sentAt: v.sentAt.toISOString(),
            sentByName: name(v.sentBy),
          })),
      };
    });
  }
}

/** The report checked against its DTO and the scheme's rules: 400 with per-field errors, 422 with reasons. */
async function checked(kind: InterimReportKind, content: unknown): Promise<Record<string, unknown>> {
  const validation = await validatePayload(kind.dto, content, { pathPrefix: 'content' });
  if (!validation.ok)
    throw new DomainError('bad_request', 'validation_failed', 'The report is not valid', {
      errors: validation.problems,
    });
  const reasons: SchemeReason[] = kind.check?.(validation.value) ?? [];
  if (reasons.length)
    throw new DomainError('unprocessable', 'interim_report_not_acceptable', 'The report does not add up', {
      reasons,
    });
  return JSON.parse(JSON.stringify(content)) as Record<string, unknown>;
}

function asApplicant(actor: Actor): Extract<Actor, { kind: 'applicant' }> {
  if (actor.kind !== 'applicant')
    throw new DomainError('forbidden', 'forbidden', 'Only the applicant writes interim reports');
  return actor;
}

function asStaff(actor: Actor): Extract<Actor, { kind: 'staff' }> {
  if (actor.kind !== 'staff')
    throw new DomainError('forbidden', 'forbidden', 'Only the county decides interim reports');
  return actor;
}

function assertEditable(row: InterimReport): void {
  if (!EDITABLE.includes(row.status))
    throw new DomainError(
      'conflict',
      'interim_report_frozen',
      `The report is ${row.status}: only a draft or a returned report can be changed or sent`,
      { status: row.status },
    );
}

function assertSent(owed: Owed): InterimReport {
  if (owed.row?.status !== 'sent')
    throw new DomainError(
      'conflict',
      'interim_report_not_sent',
      `The report is ${owed.row?.status ?? 'not started'}: only a sent report can be decided`,
      { status: owed.row?.status ?? 'not_started' },
    );
  return owed.row;
}

/** `YYYY-MM-DD` as a Norwegian date for a letter: 15.03.2026. */
function osloDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}
