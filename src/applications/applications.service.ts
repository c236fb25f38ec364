import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  assertVersion,
  canSee,
  Clock,
  DAY_MS,
  decodeCursor,
  DomainError,
  encodeCursor,
  norwegianDate,
  notFound,
  validatePayload,
  visibleOrNotFound,
} from '@lib/common';
import {
  allowedEvents,
  DEFAULT_INFORMATION_RESPONSE_BUSINESS_DAYS,
  describeState,
  informationResponseDueDate,
  initialSnapshot,
  migrateSnapshot,
  statesTagged,
  TAGS,
  type CallOpening,
  type CallParameters,
  type LifecycleContext,
  type LifecycleStateView,
  type LifecycleEventType,
  type SchemeDefinition,
  type SchemeReason,
} from '@lib/engine';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import type { AuditRecord } from '../audit/audit-record.entity';
import { AuditRepository } from '../audit/audit.repository';
import { AuditVerificationDto, toVerificationDto } from '../audit/audit-verification.dto';
import { LedgerEntry } from '../budget/ledger-entry.entity';
import { CASE_MONEY_EVENTS } from '../budget/ledger.service';
import { FundingCall } from '../calls/funding-call.entity';
import { Organisation } from '../organisations/organisation.entity';
import { UserAccount } from '../users/user.entity';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { JournalService } from '../archive/journal.service';
import { engineActorFor, TransitionRunner, type CommandBody } from '../runtime';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { APPLICATION_EVENTS, loadSchemeOrganisation, validateContent } from './application-events';
import { ApplicationReport } from './application-report.entity';
import {
  ApplicantTaskDto,
  ApplicationPage,
  ApplicationQuery,
  ApplicationDetail,
  ApplicationView,
  CaseDueDatesDto,
  CommitteeRouteDto,
  FinalReportView,
  AuditEntryDto,
  CreateApplicationDto,
  GrantPaymentDto,
  InstalmentDto,
  UpdateApplicationDto,
} from './application.dto';
import { Application } from './application.entity';
import { assertMayCommand, caseImpartiality, IMPARTIALITY_EVENT } from './impartiality';
import { parseCaseNumberSearch } from './case-number';

/** What names a case: its id (a string, as the system passes it), or its id or case reference from a path. */
export type CaseKey = string | { id: string } | { reference: string };

export const caseWhere = (key: CaseKey) => (typeof key === 'string' ? { id: key } : key);

/**
 * Who owns an application: its organisation, and its county once it is submitted. A draft is the
 * applicant's own working copy; the county's staff see it only when it is sent.
 */
export const ownership = (a: Application) => ({
  organisationId: a.organisationId,
  countyId: a.status === 'draft' ? null : a.countyId,
});

/**
 * Applications and their lifecycle. Every command is one database transaction: lock the row and
 * check who may see it, then hand it to the runtime's transition runner with the application's
 * event preparers (scheme rules, amounts), and answer with the application as the actor sees it.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schemes: SchemeRegistry,
    private readonly audit: AuditRepository,
    private readonly transitions: TransitionRunner,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
    private readonly journal: JournalService,
  ) {}

  // ── Drafts ──────────────────────────────────────────────────────────────────────────────

  async createDraft(actor: Actor, dto: CreateApplicationDto, key?: IdempotencyKey): Promise<ApplicationView> {
    if (actor.kind !== 'applicant')
      throw new DomainError('forbidden', 'forbidden', 'Only applicants create applications');
    return this.idempotency.transaction(key, async (tx) => {
      if (!actor.organisationIds.includes(dto.organisationId)) throw notFound('Organisation');
      const call = await tx.findOneBy(FundingCall, { id: dto.callId, status: 'published' });
      if (!call) throw notFound('Call');
      const scheme = this.schemes.forStored(call.schemeId);
      const content = dto.content ?? {};
      await validateContent(scheme, content, true);

      const now = this.clock.now();
      const snapshot = initialSnapshot(scheme.lifecycle, { createdAt: now.toISOString() });
      const view = describeState(scheme.lifecycle, snapshot);
      const [{ seq }] = await tx.query<Array<{ seq: string }>>(
        `SELECT nextval('application_reference_seq') AS seq`,
      );
      const application = await tx.save(
        tx.create(Application, {
          reference: `${scheme.referencePrefix}-${call.year}-${seq.padStart(6, '0')}`,
          countyId: call.countyId,
          organisationId: dto.organisationId,
          callId: call.id,
          schemeId: scheme.id,
          status: view.status,
          state: view.state,
          machineId: snapshot.machineId,
          machineVersion: snapshot.version,
          snapshot,
          content,
          contentVersion: 1,
          requestedAmount: null,
          maximumAmount: null,
          grantedAmount: null,
          recommendedAmount: null,
          caseOfficerId: null,
          createdBy: actor.userId,
          submittedAt: null,
          caseNumber: null,
          caseYear: null,
          caseSequence: null,
        }),
      );
      await this.audit.append(tx, {
        applicationId: application.id,
        actorUserId: actor.userId,
        actorRole: 'applicant',
        event: 'CREATE',
        fromState: null,
        toState: view.state,
        payload: { callId: call.id, organisationId: dto.organisationId },
        effects: [],
        machineId: snapshot.machineId,
        machineVersion: snapshot.version,
        occurredAt: now.toISOString(),
      });
      return this.view(actor, application, scheme, now);
    });
  }

  /** Replaces the form while the lifecycle lets the applicant edit it, based on the current version. */
  async updateDraft(
    actor: Actor,
    id: CaseKey,
    dto: UpdateApplicationDto,
    key?: IdempotencyKey,
  ): Promise<ApplicationView> {
    return this.idempotency.transaction(key, async (tx) => {
      const application = await this.lockVisible(tx, actor, id);
      const scheme = this.schemes.forStored(application.schemeId);
      if (actor.kind !== 'applicant') {
        throw new DomainError('forbidden', 'forbidden', 'Only the applicant changes the application form');
      }
      const stored = application.snapshot;
      const state = describeState(scheme.lifecycle, stored);
      if (!state.tags.includes('editable_by_applicant')) {
        throw new DomainError(
          'conflict',
          'not_editable',
          `The application cannot be changed while it is ${state.state}`,
          {
            currentStatus: state.status,
            currentState: state.state,
          },
        );
      }
      assertVersion('application', application.contentVersion, dto.version);
      await validateContent(scheme, dto.content, true);
      const now = this.clock.now();
      application.content = dto.content;
      application.contentVersion += 1;
      await tx.save(application);
      await this.audit.append(tx, {
        applicationId: application.id,
        actorUserId: actor.userId,
        actorRole: 'applicant',
        event: 'EDIT',
        fromState: state.state,
        toState: state.state,
        payload: { contentVersion: application.contentVersion },
        effects: [],
        machineId: stored.machineId,
        machineVersion: stored.version,
        occurredAt: now.toISOString(),
      });
      return this.view(actor, application, scheme, now);
    });
  }

  // ── Reading ─────────────────────────────────────────────────────────────────────────────

  async get(actor: Actor, id: CaseKey): Promise<ApplicationDetail> {
    const application = visibleOrNotFound(
      actor,
      await this.dataSource.manager.findOneBy(Application, caseWhere(id)),
      ownership,
      'Application',
    );
    const scheme = this.schemes.forStored(application.schemeId);
    const view = this.view(actor, application, scheme, this.clock.now());
    const call = await this.dataSource.manager.findOneByOrFail(FundingCall, { id: application.callId });
    const content =
      application.status === 'draft'
        ? null
        : await validatePayload(scheme.applicationDto, application.content).then((r) =>
            r.ok ? r.value : null,
          );
    let advisories: SchemeReason[] = [];
    if (actor.kind === 'staff' && content && scheme.advisories) {
      advisories = scheme.advisories({
        params: call.parameters,
        content,
        organisation: await loadSchemeOrganisation(this.dataSource.manager, application.organisationId),
      });
    }
    const payments = await this.payments(application.id);
    const paidAmount = payments.reduce(
      (sum, p) => sum + (p.kind === 'disbursement' ? p.amount : -p.amount),
      0,
    );
    const paymentPlan =
      content && application.grantedAmount !== null
        ? withPaid(scheme.paymentPlan(call.parameters, application.grantedAmount, content), paidAmount)
        : null;
    const organisation = await this.dataSource.manager.findOneByOrFail(Organisation, {
      id: application.organisationId,
    });
    const officerNames = await namesOf(this.dataSource.manager, [application.caseOfficerId]);
    return {
      ...view,
      advisories,
      paymentPlan,
      payments,
      paidAmount,
      names: {
        callTitle: call.title,
        organisation: {
          id: organisation.id,
          name: organisation.name,
          organisationNumber: organisation.organisationNumber,
        },
        caseOfficerName: application.caseOfficerId
          ? (officerNames.get(application.caseOfficerId) ?? null)
          : null,
      },
      committee: actor.kind === 'staff' ? committeeRoute(application, scheme) : null,
      dueDates: actor.kind === 'staff' ? dueDates(call.parameters, this.clock.now()) : null,
      impartiality: await caseImpartiality(this.dataSource.manager, actor, application),
    };
  }

  /**
   * The final report, to the applicant and the county's staff; fields the scheme marks as personal
   * data (participant-level outcomes) only to the applicant and the county's case officers. Every
   * submission is kept: staff also read the versions sent back before the current one, each with
   * the officer's reason from the case history.
   */
  async report(actor: Actor, id: CaseKey): Promise<FinalReportView> {
    const application = visibleOrNotFound(
      actor,
      await this.dataSource.manager.findOneBy(Application, caseWhere(id)),
      ownership,
      'Application',
    );
    const reports = await this.dataSource.manager.find(ApplicationReport, {
      where: { applicationId: application.id },
      order: { submittedAt: 'ASC', id: 'ASC' },
    });
    // The lifecycle names the current version; the latest one if it does not (it always should).
    const currentId = application.snapshot.state.context.reportId;
    const current = reports.find((r) => r.id === currentId) ?? reports.at(-1);
    if (!current) throw notFound('Final report');
    const scheme = this.schemes.forStored(application.schemeId);
    const mayReadPersonalData =
      actor.kind === 'applicant' || (actor.kind === 'staff' && actor.roles.includes('case_officer'));
    const personal = mayReadPersonalData ? [] : (scheme.personalDataInReport ?? []);
    const version = (report: ApplicationReport) => {
      const withheld = personal.filter((field) => field in report.content);
      const content = Object.fromEntries(
        Object.entries(report.content).filter(([k]) => !withheld.includes(k)),
      );
      return { id: report.id, submittedAt: report.submittedAt.toISOString(), content, withheld };
    };
    if (actor.kind !== 'staff' || reports.length === 1) return { ...version(current), previousVersions: [] };
    // The history says in which order the versions came, and which return sent each one back.
    const submitted: string[] = [];
    const returnOf = new Map<string, AuditRecord>();
    for (const record of await this.audit.history(this.dataSource.manager, application.id)) {
      if (record.event === 'SUBMIT_REPORT' && typeof record.payload.reportId === 'string')
        submitted.push(record.payload.reportId);
      else if (record.event === 'RETURN_REPORT' && submitted.length > 0)
        returnOf.set(submitted[submitted.length - 1], record);
    }
    const names = await namesOf(
      this.dataSource.manager,
      [...returnOf.values()].map((r) => r.actorUserId),
    );
    const previousVersions = reports
      .filter((report) => report.id !== current.id)
      .sort((a, b) => submitted.indexOf(b.id) - submitted.indexOf(a.id))
      .map((report) => {
        const r = returnOf.get(report.id);
        return {
          ...version(report),
          returned: r
            ? {
                returnedAt: r.occurredAt.toISOString(),
                returnedByName: r.actorUserId ? (names.get(r.actorUserId) ?? null) : null,
                reason: typeof r.payload.message === 'string' ? r.payload.message : '',
                dueAt: new Date(String(r.payload.dueAt)).toISOString(),
              }
            : null,
        };
      });
    return { ...version(current), previousVersions };
  }

  /**
   * An applicant's own applications, or a county's work queue: filtered, sorted (newest submitted
   * first by default; applicants by creation, as drafts have no submission) and keyset-paged on the
   * sort key and the id. Each row names the organisation and the case officer.
   */
  async list(actor: Actor, query: ApplicationQuery): Promise<ApplicationPage> {
    const limit = query.limit ?? 50;
    const sort = query.sort ?? 'newest';
    const byAmount = sort === 'amount_desc' || sort === 'amount_asc';
    const descending = sort === 'newest' || sort === 'amount_desc';
    const staff = actor.kind === 'staff';
    // A cursor is checked first, so a forged one is a 400 whatever the rest of the query finds.
    const after = query.after ? decodeCursor(query.after, [byAmount ? 'bigint' : 'instant', 'uuid']) : null;
    // The sort key: staff see only submitted cases, so the submission time and the amount are set;
    // an applicant's drafts have neither.
    const key = byAmount
      ? staff
        ? 'a.requested_amount'
        : 'coalesce(a.requested_amount, 0)'
      : staff
        ? 'a.submitted_at'
        : 'a.created_at';
    const q = this.dataSource.manager
      .createQueryBuilder(Application, 'a')
      .leftJoin(Organisation, 'o', 'o.id = a.organisation_id')
      .leftJoin(UserAccount, 'u', 'u.id = a.case_officer_id')
      .addSelect('o.name', 'organisation_name')
      .addSelect('o.organisation_number', 'organisation_number')
      .addSelect('u.full_name', 'case_officer_name')
      .addSelect(
        byAmount ? `${key}::text` : `to_char(${key} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        'sort_key',
      );
    if (actor.kind === 'applicant') {
      if (!actor.organisationIds.length) return { items: [], nextCursor: null };
      q.where('a.organisation_id IN (:...orgs)', { orgs: actor.organisationIds });
    } else if (staff) {
      q.where('a.county_id = :county', { county: actor.countyId }).andWhere('a.submitted_at IS NOT NULL');
    }
    if (query.status?.includes('.')) q.andWhere('a.state = :state', { state: query.status });
    else if (query.status) q.andWhere('a.status = :status', { status: query.status });
    if (query.schemeId) q.andWhere('a.scheme_id = :scheme', { scheme: query.schemeId });
    if (query.callId) q.andWhere('a.call_id = :call', { call: query.callId });
    if (query.reference) q.andWhere('a.reference = :reference', { reference: query.reference });
    if (query.organisationId)
      q.andWhere('a.organisation_id = :organisation', { organisation: query.organisationId });
    if (query.referencePrefix)
      q.andWhere('a.reference LIKE :pattern', { pattern: `${query.referencePrefix.toUpperCase()}%` });
    if (query.caseNumber) {
      // Checked by the query's validation; a number that is none finds nothing.
      const wanted = parseCaseNumberSearch(query.caseNumber);
      if (!wanted) return { items: [], nextCursor: null };
      q.andWhere('a.case_sequence = :sequence', { sequence: wanted.sequence });
      if (wanted.year !== null) q.andWhere('a.case_year = :caseYear', { caseYear: wanted.year });
      if (wanted.code !== null)
        q.andWhere(`split_part(a.case_number, '/', 2) = :code`, { code: wanted.code });
    }
    if (query.assigned === 'me') q.andWhere('a.case_officer_id = :me', { me: actor.userId });
    if (query.assigned === 'none') q.andWhere('a.case_officer_id IS NULL');
    if (query.awaitingMyDecision) {
      // Recommendations awaiting an approver, and proposals to cancel a grant (heving) awaiting one,
      // but never one this approver made (four eyes).
      if (!staff || !actor.roles.includes('approver')) return { items: [], nextCursor: null };
      q.andWhere(
        new Brackets((w) =>
          w
            .where(
              `a.state IN (:...awaiting) AND a.snapshot #>> '{state,context,recommendation,by}' IS DISTINCT FROM :me`,
            )
            .orWhere(
              `a.snapshot #> '{state,context,cancellation}' IS NOT NULL
               AND a.snapshot #> '{state,context,cancellation}' <> 'null'::jsonb
               AND a.snapshot #>> '{state,context,cancellation,decidedAt}' IS NULL
               AND a.snapshot #>> '{state,context,cancellation,proposedBy}' IS DISTINCT FROM :me`,
            ),
        ),
        { awaiting: this.awaitingApprover(), me: actor.userId },
      );
    }
    if (after) {
      const [k, id] = after;
      const type = byAmount ? 'bigint' : 'timestamptz';
      q.andWhere(`(${key}, a.id) ${descending ? '<' : '>'} (CAST(:k AS ${type}), CAST(:id AS uuid))`, {
        k,
        id,
      });
    }
    const direction = descending ? 'DESC' : 'ASC';
    const { entities, raw } = await q
      .orderBy(key, direction)
      .addOrderBy('a.id', direction)
      .limit(limit + 1)
      .getRawAndEntities<{
        organisation_name: string;
        organisation_number: string;
        case_officer_name: string | null;
        sort_key: string;
      }>();
    const now = this.clock.now();
    const items = entities.slice(0, limit).map((a, i) => {
      const view = this.view(actor, a, this.schemes.forStored(a.schemeId), now);
      const extra = raw[i];
      const request = a.snapshot.state.context.informationRequest;
      return {
        ...view,
        organisationName: extra?.organisation_name ?? '',
        organisationNumber: extra?.organisation_number ?? '',
        recommendedAmount: staff ? a.recommendedAmount : null,
        caseOfficerName: extra?.case_officer_name ?? null,
        daysSinceSubmitted: a.submittedAt ? wholeDaysBetween(a.submittedAt, now) : null,
        daysWaitingOnApplicant:
          view.status === 'assessment' && view.tags.includes(TAGS.awaitingApplicant) && request
            ? wholeDaysBetween(new Date(request.requestedAt), now)
            : null,
      };
    });
    const last = entities[limit - 1];
    const lastKey = raw[limit - 1]?.sort_key;
    return {
      items,
      nextCursor: entities.length > limit && last && lastKey ? encodeCursor([lastKey, last.id]) : null,
    };
  }

  /** The sub-states in which a case awaits an approver's decision, read from every scheme's machine. */
  private awaitingApprover(): string[] {
    return [...new Set(this.schemes.all().flatMap((s) => statesTagged(s.lifecycle, TAGS.awaitingApprover)))];
  }

  async history(actor: Actor, id: CaseKey): Promise<AuditEntryDto[]> {
    const application = visibleOrNotFound(
      actor,
      await this.dataSource.manager.findOneBy(Application, caseWhere(id)),
      ownership,
      'Application',
    );
    const all = await this.audit.history(this.dataSource.manager, application.id);
    // Internal notes and declarations of impartiality are the county's own: an applicant sees
    // neither them nor that they were written.
    const records =
      actor.kind === 'applicant'
        ? all.filter((r) => r.event !== NOTE_EVENT && r.event !== IMPARTIALITY_EVENT)
        : all;
    const names = await namesOf(
      this.dataSource.manager,
      records.map((r) => r.actorUserId),
    );
    return records.map((r) => ({
      seq: r.seq,
      event: r.event,
      fromState: r.fromState,
      toState: r.toState,
      actorUserId: r.actorUserId,
      actorName: r.actorUserId ? (names.get(r.actorUserId) ?? null) : null,
      actorRole: r.actorRole,
      payload: actor.kind === 'applicant' ? redactForApplicant(r.event, r.payload) : r.payload,
      effects: r.effects,
      machineId: r.machineId,
      machineVersion: r.machineVersion,
      occurredAt: r.occurredAt.toISOString(),
      hash: r.hash,
    }));
  }

  async verifyHistory(actor: Actor, id: CaseKey): Promise<AuditVerificationDto> {
    const application = visibleOrNotFound(
      actor,
      await this.dataSource.manager.findOneBy(Application, caseWhere(id)),
      ownership,
      'Application',
    );
    return toVerificationDto(await this.audit.verify(this.dataSource.manager, application.id));
  }

  // ── Lifecycle commands ──────────────────────────────────────────────────────────────────

  /**
   * Sends one lifecycle event: the single path by which an application changes state, for people
   * (over HTTP) and for the system (deadline jobs) alike.
   */
  async send(
    actor: Actor,
    id: CaseKey,
    type: LifecycleEventType,
    body: CommandBody,
    key?: IdempotencyKey,
  ): Promise<ApplicationView> {
    return this.idempotency.transaction(key, (tx) => this.sendWithin(tx, actor, id, type, body));
  }

  /**
   * The transition itself, inside a transaction the caller owns: the deadline worker marks its
   * deadline fired in the same transaction, so that firing and its effects happen together or not at all.
   */
  async sendWithin(
    tx: EntityManager,
    actor: Actor,
    id: CaseKey,
    type: LifecycleEventType,
    body: CommandBody,
  ): Promise<ApplicationView> {
    const application = await this.lockVisible(tx, actor, id);
    const scheme = this.schemes.forStored(application.schemeId);
    // Staff act on a case only when impartial on it (habilitet): the one check for every staff command.
    await assertMayCommand(tx, actor, application, scheme, type, body);
    const done = await this.transitions.run(
      tx,
      { actor, application, scheme, type, body },
      APPLICATION_EVENTS,
    );
    // The application as sent is an incoming document of the case: journalled with it.
    if (type === 'SUBMIT') await this.journal.applicationSubmitted(tx, application.id);
    return this.view(actor, application, scheme, done.at);
  }

  // ── Helpers ─────────────────────────────────────────────────────────────────────────────

  /** The grant's payments and repayments on the ledger, oldest first. */
  private async payments(applicationId: string): Promise<GrantPaymentDto[]> {
    const entries = await this.dataSource.manager.find(LedgerEntry, {
      where: [
        { applicationId, kind: 'disbursement' },
        { applicationId, kind: 'repayment' },
      ],
      order: { id: 'ASC' },
    });
    return entries.map((e) => ({
      kind: e.kind === 'repayment' ? 'repayment' : 'disbursement',
      amount: e.amount,
      at: e.createdAt.toISOString(),
    }));
  }

  private async lockVisible(tx: EntityManager, actor: Actor, id: CaseKey): Promise<Application> {
    const application = await tx.findOne(Application, {
      where: caseWhere(id),
      lock: { mode: 'pessimistic_write' },
    });
    return visibleOrNotFound(actor, application, ownership, 'Application');
  }

  private view(actor: Actor, application: Application, scheme: SchemeDefinition, now: Date): ApplicationView {
    const stored = application.snapshot;
    const state = describeState(scheme.lifecycle, stored);
    const engineActor = engineActorFor(actor, application);
    const actions: string[] = allowedEvents(scheme.lifecycle, stored, engineActor, now.toISOString());
    if (engineActor.roles.includes('applicant') && state.tags.includes('editable_by_applicant'))
      actions.push('EDIT');
    // Read through the current shape, so that a snapshot stored by an older version shows the same fields.
    const context = migrateSnapshot(scheme.lifecycle, stored).state.context;
    const staff = actor.kind !== 'applicant' && canSee(actor, ownership(application));
    return {
      id: application.id,
      reference: application.reference,
      caseNumber: application.caseNumber,
      schemeId: application.schemeId,
      callId: application.callId,
      organisationId: application.organisationId,
      countyId: application.countyId,
      status: state.status,
      state: state.state,
      tags: [...state.tags],
      content: application.content,
      contentVersion: application.contentVersion,
      requestedAmount: application.requestedAmount,
      maximumAmount: application.maximumAmount,
      grantedAmount: application.grantedAmount,
      caseOfficerId: application.caseOfficerId,
      submittedAt: application.submittedAt?.toISOString() ?? null,
      createdAt: application.createdAt.toISOString(),
      updatedAt: application.updatedAt.toISOString(),
      case: staff ? { ...context } : applicantCaseView(context),
      allowedActions: actions,
      applicantTask: applicantTask(state, context),
    };
  }
}

/** The audit event of an internal note added to a case; not a lifecycle event, the state stays. */
export const NOTE_EVENT = 'ADD_NOTE';

/** People's full names by user id, for histories and notes that must not show an id alone. */
export async function namesOf(
  manager: EntityManager,
  ids: ReadonlyArray<string | null>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await manager
    .createQueryBuilder(UserAccount, 'u')
    .select(['u.id', 'u.fullName'])
    .where('u.id IN (:...wanted)', { wanted })
    .getMany();
  return new Map(users.map((u) => [u.id, u.fullName]));
}

/**
 * The committee route of a case: the delegation limit fixed at submission (or the scheme's default)
 * and whether the grant recommended now is above it, so the approver knows before deciding.
 */
export function committeeRoute(application: Application, scheme: SchemeDefinition): CommitteeRouteDto {
  const context = application.snapshot.state.context;
  const delegationLimit = context.delegationLimit ?? scheme.lifecycle.options.requireCommitteeAbove;
  const recommended = context.recommendation?.kind === 'grant' ? context.recommendation.amount : null;
  return {
    delegationLimit,
    required: delegationLimit !== null && recommended !== null && recommended > delegationLimit,
  };
}

/** Today in Norway and the default due date of a request for information asked today, by the call. */
export function dueDates(params: CallParameters<CallOpening>, now: Date): CaseDueDatesDto {
  const today = norwegianDate(now);
  return {
    today,
    informationResponseBusinessDays:
      params.informationResponseBusinessDays ?? DEFAULT_INFORMATION_RESPONSE_BUSINESS_DAYS,
    informationResponse: informationResponseDueDate(params, today),
  };
}

/** The applicant's next move, read from the shared tags and status, never a scheme's own state names. */
export function applicantTask(state: LifecycleStateView, context: LifecycleContext): ApplicantTaskDto | null {
  if (!state.tags.includes(TAGS.awaitingApplicant)) return null;
  switch (state.status) {
    case 'draft':
      return { kind: 'complete_application', dueAt: null };
    case 'assessment':
      return { kind: 'answer_information_request', dueAt: context.informationRequest?.dueAt ?? null };
    case 'granted':
      return context.acceptedAt === null
        ? { kind: 'accept_grant', dueAt: context.acceptanceDueAt }
        : { kind: 'submit_final_report', dueAt: context.finalReportDueAt };
    default:
      return null;
  }
}

/**
 * The plan with what has been paid towards each instalment: the ledger does not tie a payment to an
 * instalment, so the money paid (less repayments) fills the instalments in the plan's order.
 */
export function withPaid(
  plan: ReadonlyArray<Omit<InstalmentDto, 'paid'>>,
  paidAmount: number,
): InstalmentDto[] {
  let left = Math.max(0, paidAmount);
  return plan.map((instalment, i) => {
    // Anything beyond the plan (it should not happen) shows on the last instalment.
    const paid = i === plan.length - 1 ? left : Math.min(left, instalment.amount);
    left -= paid;
    return { ...instalment, paid };
  });
}

/** What an applicant sees of the case record: not the officer's recommendation or internal notes (ASVS 8.2.3). */
function applicantCaseView(context: LifecycleContext): Record<string, unknown> {
  return {
    submittedAt: context.submittedAt,
    maximumAmount: context.maximumAmount,
    informationRequest: context.informationRequest && {
      message: context.informationRequest.message,
      dueAt: context.informationRequest.dueAt,
    },
    decision: context.decision,
    acceptanceDueAt: context.acceptanceDueAt,
    acceptedAt: context.acceptedAt,
    finalReportDueAt: context.finalReportDueAt,
    projectEndsAt: context.projectEndsAt,
    finalPayableAmount: context.finalPayableAmount,
    endedAt: context.endedAt,
    // A proposal is internal until an approver decides it; the decision is the applicant's to read.
    cancellation: context.cancellation?.decidedAt
      ? {
          grounds: context.cancellation.grounds,
          repaymentAmount: context.cancellation.repaymentAmount,
          decidedAt: context.cancellation.decidedAt,
        }
      : null,
    // The proposals on an appeal are internal; what was lodged, forwarded and decided is theirs.
    appeal: context.appeal && {
      grounds: context.appeal.grounds,
      lodgedAt: context.appeal.lodgedAt,
      against: context.appeal.against,
      lastDay: context.appeal.lastDay,
      late: context.appeal.late,
      forwardedAt: context.appeal.forwarded?.at ?? null,
      outcome: context.appeal.outcome,
    },
    extension: context.extension && {
      reason: context.extension.reason,
      requestedDueAt: context.extension.requestedDueAt,
      requestedProjectEndsAt: context.extension.requestedProjectEndsAt ?? null,
      requestedAt: context.extension.requestedAt,
      outcome: context.extension.outcome && {
        kind: context.extension.outcome.kind,
        grounds: context.extension.outcome.grounds,
        at: context.extension.outcome.at,
        ...(context.extension.outcome.kind === 'granted'
          ? {
              dueAt: context.extension.outcome.dueAt,
              projectEndsAt: context.extension.outcome.projectEndsAt ?? null,
            }
          : {}),
      },
    },
  };
}

/** Whole 24-hour days from `from` to `to` (0 on the first day), never negative. */
function wholeDaysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
}

/** Money moved on the grant: the applicant reads how much, not from which of the county's frames. */
const MONEY_EVENTS: ReadonlySet<string> = new Set(Object.values(CASE_MONEY_EVENTS));

/** Staff's preparation, whose payload the applicant does not read (the decision that follows is theirs). */
const INTERNAL_EVENTS: ReadonlySet<string> = new Set([
  'RECOMMEND_GRANT',
  'RECOMMEND_REJECTION',
  'RETURN_TO_REVIEW',
  'PROPOSE_CANCELLATION',
  'DISMISS_CANCELLATION',
  'PROPOSE_APPEAL_REVERSAL',
  'PROPOSE_APPEAL_FORWARD',
  'DISMISS_APPEAL_PROPOSAL',
]);

function redactForApplicant(event: string, payload: Record<string, unknown>): Record<string, unknown> {
  if (MONEY_EVENTS.has(event)) return { amount: payload.amount, currency: payload.currency };
  return INTERNAL_EVENTS.has(event) ? {} : payload;
}
