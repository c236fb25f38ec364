import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  assertVersion,
  canSee,
  Clock,
  decodeCursor,
  DomainError,
  encodeCursor,
  notFound,
  validatePayload,
  visibleOrNotFound,
} from '@lib/common';
import {
  allowedEvents,
  checkEvent,
  describeState,
  initialSnapshot,
  pendingRecommendedAmount,
  toEngineActor,
  transition,
  type EngineActor,
  type LifecycleContext,
  type LifecycleEvent,
  type LifecycleEventType,
  type SchemeDefinition,
  type SchemeOrganisation,
  type SchemeReason,
  type TransitionRefused,
} from '@lib/engine';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { AuditVerificationDto, toVerificationDto } from '../audit/audit-verification.dto';
import { FundingCall } from '../calls/funding-call.entity';
import { County } from '../counties/county.entity';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { Organisation } from '../organisations/organisation.entity';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { ApplicationReport } from './application-report.entity';
import {
  ApplicationPage,
  ApplicationQuery,
  ApplicationDetail,
  ApplicationView,
  FinalReportView,
  AuditEntryDto,
  CreateApplicationDto,
  UpdateApplicationDto,
} from './application.dto';
import { Application } from './application.entity';
import { EffectRunner } from './effect-runner';

/** The events people send over HTTP, with the body each one takes (validated by the controller). */
export type CommandBody = Record<string, unknown>;

/**
 * Who owns an application: its organisation, and its county once it is submitted. A draft is the
 * applicant's own working copy; the county's staff see it only when it is sent.
 */
const ownership = (a: Application) => ({
  organisationId: a.organisationId,
  countyId: a.status === 'draft' ? null : a.countyId,
});

/** Statuses in which an organisation "holds" a grant of a scheme (for one-at-a-time schemes). */
const HOLDING_STATUSES = ['granted', 'reported'];

function refusal(r: TransitionRefused): DomainError {
  // Not `status`: that member of a problem document is the HTTP status.
  const where = { currentStatus: r.state.status, currentState: r.state.state };
  switch (r.reason) {
    case 'unknown_event':
      return new DomainError('bad_request', 'unknown_event', r.detail);
    case 'forbidden':
      return new DomainError('forbidden', 'event_forbidden', r.detail, {
        ...where,
        requiredRoles: r.requiredRoles,
      });
    case 'not_accepted':
      return new DomainError('conflict', 'event_not_accepted', r.detail, {
        ...where,
        allowedEvents: r.allowedEvents,
      });
    case 'guard_failed':
      return new DomainError('unprocessable', 'rule_failed', r.detail, { ...where, reasons: r.reasons });
  }
}

const schemeRefusal = (code: string, detail: string, reasons: readonly SchemeReason[]) =>
  new DomainError('unprocessable', code, detail, { reasons });

/**
 * Applications and their lifecycle. Every command is one database transaction: lock the row,
 * check who may see and act, prepare the event (scheme rules, amounts), let the pure engine decide,
 * then store snapshot + status columns, the audit record and the effects together, or nothing.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schemes: SchemeRegistry,
    private readonly audit: AuditRepository,
    private readonly effects: EffectRunner,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
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
      await this.validateContent(scheme, content, true);

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
    id: string,
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
      await this.validateContent(scheme, dto.content, true);
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

  async get(actor: Actor, id: string): Promise<ApplicationDetail> {
    const application = visibleOrNotFound(
      actor,
      await this.dataSource.manager.findOneBy(Application, { id }),
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
        organisation: await this.schemeOrganisation(this.dataSource.manager, application.organisationId),
      });
    }
    const paymentPlan =
      content && application.grantedAmount !== null
        ? scheme.paymentPlan(call.parameters, application.grantedAmount, content)
        : null;
    return { ...view, advisories, paymentPlan };
  }

  /**
   * The final report, to the applicant and the county's staff; fields the scheme marks as personal
   * data (participant-level outcomes) only to the applicant and the county's case officers.
   */
  async report(actor: Actor, id: string): Promise<FinalReportView> {
    const application = visibleOrNotFound(
      actor,
      await this.dataSource.manager.findOneBy(Application, { id }),
      ownership,
      'Application',
    );
    const report = await this.dataSource.manager.findOne(ApplicationReport, {
      where: { applicationId: application.id },
      order: { submittedAt: 'DESC' },
    });
    if (!report) throw notFound('Final report');
    const scheme = this.schemes.forStored(application.schemeId);
    const mayReadPersonalData =
      actor.kind === 'applicant' || (actor.kind === 'staff' && actor.roles.includes('case_officer'));
    const withheld = mayReadPersonalData
      ? []
      : (scheme.personalDataInReport ?? []).filter((field) => field in report.content);
    const content = Object.fromEntries(Object.entries(report.content).filter(([k]) => !withheld.includes(k)));
    return { id: report.id, submittedAt: report.submittedAt.toISOString(), content, withheld };
  }

  /** An applicant's own applications, or a county's work queue; filtered, newest first, keyset-paged. */
  async list(actor: Actor, query: ApplicationQuery): Promise<ApplicationPage> {
    const limit = query.limit ?? 50;
    const q = this.dataSource.manager.createQueryBuilder(Application, 'a');
    if (actor.kind === 'applicant') {
      if (!actor.organisationIds.length) return { items: [], nextCursor: null };
      q.where('a.organisationId IN (:...orgs)', { orgs: actor.organisationIds });
    } else if (actor.kind === 'staff') {
      q.where('a.countyId = :county', { county: actor.countyId }).andWhere("a.status <> 'draft'");
    }
    if (query.status) q.andWhere('a.status = :status', { status: query.status });
    if (query.schemeId) q.andWhere('a.schemeId = :scheme', { scheme: query.schemeId });
    if (query.after) {
      const [after] = decodeCursor(query.after, ['uuid']);
      q.andWhere('a.id < :after', { after });
    }
    const rows = await q
      .orderBy('a.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const now = this.clock.now();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((a) => this.view(actor, a, this.schemes.forStored(a.schemeId), now)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
    };
  }

  async history(actor: Actor, id: string): Promise<AuditEntryDto[]> {
    visibleOrNotFound(
      actor,
      await this.dataSource.manager.findOneBy(Application, { id }),
      ownership,
      'Application',
    );
    const records = await this.audit.history(this.dataSource.manager, id);
    return records.map((r) => ({
      seq: r.seq,
      event: r.event,
      fromState: r.fromState,
      toState: r.toState,
      actorUserId: r.actorUserId,
      actorRole: r.actorRole,
      payload: actor.kind === 'applicant' ? redactForApplicant(r.event, r.payload) : r.payload,
      effects: r.effects,
      machineId: r.machineId,
      machineVersion: r.machineVersion,
      occurredAt: r.occurredAt.toISOString(),
      hash: r.hash,
    }));
  }

  async verifyHistory(actor: Actor, id: string): Promise<AuditVerificationDto> {
    visibleOrNotFound(
      actor,
      await this.dataSource.manager.findOneBy(Application, { id }),
      ownership,
      'Application',
    );
    return toVerificationDto(await this.audit.verify(this.dataSource.manager, id));
  }

  // ── Lifecycle commands ──────────────────────────────────────────────────────────────────

  /**
   * Sends one lifecycle event: the single path by which an application changes state, for people
   * (over HTTP) and for the system (deadline jobs) alike.
   */
  async send(
    actor: Actor,
    id: string,
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
    id: string,
    type: LifecycleEventType,
    body: CommandBody,
  ): Promise<ApplicationView> {
    const application = await this.lockVisible(tx, actor, id);
    const scheme = this.schemes.forStored(application.schemeId);
    const engineActor = this.engineActor(actor, application);
    const stored = application.snapshot;
    const now = this.clock.now();
    const at = now.toISOString();

    // Role and state first, so that a wrong-state command is a 409 before any form is judged.
    const early = checkEvent(scheme.lifecycle, stored, type, engineActor, at);
    if (early) throw refusal(early);

    const event = await this.prepareEvent(tx, actor, application, scheme, type, body, now);
    const result = transition(scheme.lifecycle, stored, event, engineActor);
    if (!result.ok) throw refusal(result);

    const context = result.snapshot.state.context;
    application.snapshot = result.snapshot;
    application.status = result.to.status;
    application.state = result.to.state;
    application.machineId = result.snapshot.machineId;
    application.machineVersion = result.snapshot.version;
    application.maximumAmount = context.maximumAmount;
    application.grantedAmount = context.decision?.kind === 'grant' ? context.decision.amount : null;
    application.recommendedAmount = pendingRecommendedAmount(context);
    application.caseOfficerId = context.caseOfficerId;
    application.submittedAt = context.submittedAt ? new Date(context.submittedAt) : null;
    await tx.save(application);

    const record = await this.audit.append(tx, {
      applicationId: application.id,
      actorUserId: engineActor.userId,
      actorRole: actorRole(engineActor, type, scheme),
      event: type,
      fromState: result.from.state,
      toState: result.to.state,
      payload: eventPayload(event),
      effects: [...result.effects],
      machineId: result.snapshot.machineId,
      machineVersion: result.snapshot.version,
      occurredAt: at,
    });
    await this.effects.run(result.effects, {
      tx,
      application,
      auditRecordId: record.id,
      actorUserId: engineActor.userId,
      at: now,
    });
    return this.view(actor, application, scheme, now);
  }

  /** Turns a command body into the engine's event, doing the scheme's part where one is needed. */
  private async prepareEvent(
    tx: EntityManager,
    actor: Actor,
    application: Application,
    scheme: SchemeDefinition,
    type: LifecycleEventType,
    body: CommandBody,
    now: Date,
  ): Promise<LifecycleEvent> {
    const at = now.toISOString();
    const context = application.snapshot.state.context;
    switch (type) {
      case 'SUBMIT': {
        const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
        this.assertCallOpen(call, now);
        const content = await this.validateContent(scheme, application.content, false);
        const schemeOrganisation = await this.schemeOrganisation(tx, application.organisationId);
        const otherActiveGrant = await tx
          .createQueryBuilder(Application, 'a')
          .where('a.organisationId = :org AND a.schemeId = :scheme AND a.id <> :id', {
            org: application.organisationId,
            scheme: scheme.id,
            id: application.id,
          })
          .andWhere('a.status IN (:...statuses)', { statuses: HOLDING_STATUSES })
          .getExists();
        const params = call.parameters;
        const reasons = scheme.checkEligibility({
          params,
          content,
          organisation: schemeOrganisation,
          now,
          otherActiveGrant,
        });
        if (reasons.length) {
          throw schemeRefusal(
            'not_eligible',
            `The application does not meet the call's rules (${reasons.length})`,
            reasons,
          );
        }
        application.requestedAmount = scheme.requestedAmount(content);
        return {
          type,
          at,
          maximumAmount: scheme.maximumGrant(params, content, schemeOrganisation),
          projectEndsAt: scheme.projectEndsAt(content),
          ineligibilityReasons: [],
          delegationLimit: scheme.delegationLimit(params),
          acceptanceDays: scheme.acceptanceDays(params),
        };
      }
      case 'SUBMIT_REPORT': {
        const validation = await validatePayload(scheme.reportDto, body.report, { pathPrefix: 'report' });
        if (!validation.ok)
          throw new DomainError('bad_request', 'validation_failed', 'The report is not valid', {
            errors: validation.problems,
          });
        const content = await this.validateContent(scheme, application.content, false);
        const reasons = scheme.checkReport(content, validation.value);
        if (reasons.length)
          throw schemeRefusal('report_not_acceptable', 'The report does not fit the application', reasons);
        const report = await tx.save(
          tx.create(ApplicationReport, {
            applicationId: application.id,
            kind: 'final',
            content: body.report as Record<string, unknown>,
            submittedBy: actor.kind === 'system' ? application.createdBy : actor.userId,
          }),
        );
        return { type, at, reportId: report.id };
      }
      case 'APPROVE_REPORT': {
        const report = context.reportId
          ? await tx.findOneBy(ApplicationReport, { id: context.reportId })
          : null;
        if (!report)
          throw new DomainError(
            'conflict',
            'report_missing',
            'The application has no final report to approve',
          );
        const call = await tx.findOneByOrFail(FundingCall, { id: application.callId });
        const validation = await validatePayload(scheme.reportDto, report.content);
        if (!validation.ok) throw new Error(`stored report ${report.id} no longer validates`);
        const granted = context.decision?.kind === 'grant' ? context.decision.amount : 0;
        const entitled = scheme.finalPayable(call.parameters, granted, validation.value, {
          content: await this.validateContent(scheme, application.content, false),
          organisation: await this.schemeOrganisation(tx, application.organisationId),
        });
        const requested = typeof body.finalPayableAmount === 'number' ? body.finalPayableAmount : entitled;
        if (requested > entitled) {
          throw new DomainError(
            'unprocessable',
            'final_payable_above_entitlement',
            `The report entitles the applicant to at most ${entitled} øre; ${requested} øre was given`,
            { entitled, requested },
          );
        }
        return { type, at, finalPayableAmount: requested };
      }
      case 'ASSIGN': {
        const officerId = typeof body.caseOfficerId === 'string' ? body.caseOfficerId : undefined;
        if (officerId) await this.assertCaseOfficer(tx, officerId, application.countyId);
        return { type, at, ...(officerId ? { caseOfficerId: officerId } : {}) };
      }
      default:
        return { ...body, type, at } as LifecycleEvent;
    }
  }

  // ── Helpers ─────────────────────────────────────────────────────────────────────────────

  private async lockVisible(tx: EntityManager, actor: Actor, id: string): Promise<Application> {
    const application = await tx.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return visibleOrNotFound(actor, application, ownership, 'Application');
  }

  private engineActor(actor: Actor, application: Application): EngineActor {
    return toEngineActor(
      actor,
      actor.kind === 'applicant' && actor.organisationIds.includes(application.organisationId),
    );
  }

  /** The applicant as schemes see it: from the organisation register, not from the form. */
  private async schemeOrganisation(tx: EntityManager, organisationId: string): Promise<SchemeOrganisation> {
    const organisation = await tx.findOneByOrFail(Organisation, { id: organisationId });
    const county = organisation.countyId ? await tx.findOneBy(County, { id: organisation.countyId }) : null;
    return {
      form: organisation.form,
      employeeCount: organisation.employeeCount,
      municipalityNumber: organisation.municipalityNumber,
      countyCode: county?.code ?? null,
    };
  }

  private async validateContent(
    scheme: SchemeDefinition,
    content: unknown,
    partial: boolean,
  ): Promise<object> {
    const result = await validatePayload(scheme.applicationDto, content, { partial, pathPrefix: 'content' });
    if (result.ok) return result.value;
    if (partial)
      throw new DomainError('bad_request', 'validation_failed', 'The application form is not valid', {
        errors: result.problems,
      });
    throw new DomainError(
      'unprocessable',
      'application_incomplete',
      `The application cannot be submitted until the form is complete: ${result.problems.map((p) => p.field).join(', ')}`,
      { errors: result.problems },
    );
  }

  private assertCallOpen(call: FundingCall, now: Date): void {
    if (now < call.opensAt) {
      throw new DomainError(
        'unprocessable',
        'call_not_open',
        `The call opens at ${call.opensAt.toISOString()}`,
        {
          opensAt: call.opensAt.toISOString(),
        },
      );
    }
    if (call.closesAt && now > call.closesAt) {
      throw new DomainError(
        'unprocessable',
        'call_closed',
        `The call closed at ${call.closesAt.toISOString()}`,
        {
          closesAt: call.closesAt.toISOString(),
        },
      );
    }
  }

  private async assertCaseOfficer(tx: EntityManager, userId: string, countyId: string): Promise<void> {
    const [row] = await tx.query<Array<{ ok: boolean }>>(
      `SELECT true AS ok FROM user_account WHERE id = $1 AND county_id = $2 AND active AND 'case_officer' = ANY(roles)`,
      [userId, countyId],
    );
    if (!row)
      throw new DomainError(
        'unprocessable',
        'not_a_case_officer',
        'The assignee is not a case officer of this county',
      );
  }

  private view(actor: Actor, application: Application, scheme: SchemeDefinition, now: Date): ApplicationView {
    const stored = application.snapshot;
    const state = describeState(scheme.lifecycle, stored);
    const engineActor = this.engineActor(actor, application);
    const actions: string[] = allowedEvents(scheme.lifecycle, stored, engineActor, now.toISOString());
    if (engineActor.roles.includes('applicant') && state.tags.includes('editable_by_applicant'))
      actions.push('EDIT');
    const context = stored.state.context;
    const staff = actor.kind !== 'applicant' && canSee(actor, ownership(application));
    return {
      id: application.id,
      reference: application.reference,
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
    };
  }
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
    finalPayableAmount: context.finalPayableAmount,
    endedAt: context.endedAt,
  };
}

function redactForApplicant(event: string, payload: Record<string, unknown>): Record<string, unknown> {
  return event === 'RECOMMEND_GRANT' || event === 'RECOMMEND_REJECTION' || event === 'RETURN_TO_REVIEW'
    ? {}
    : payload;
}

/** The event as recorded: everything the engine received except the type, which has its own column. */
function eventPayload(event: LifecycleEvent): Record<string, unknown> {
  const { type: _type, ...rest } = event as { type: string } & Record<string, unknown>;
  return rest;
}

/** The role the actor acted in: the first of its roles that may send the event. */
function actorRole(actor: EngineActor, type: LifecycleEventType, scheme: SchemeDefinition): string {
  const allowed = scheme.lifecycle.eventRoles[type];
  return actor.roles.find((role) => allowed.includes(role)) ?? actor.roles[0] ?? 'unknown';
}
