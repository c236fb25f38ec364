import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertVersion, Clock, DomainError, notFound, validatePayload } from '@lib/common';
import {
  checkCommonCallParameters,
  type CallOpening,
  type CallParameters,
  type SchemeDefinition,
} from '@lib/engine';
import { DataSource, EntityManager } from 'typeorm';
import { BudgetFrame } from '../budget/budget-frame.entity';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { AuditVerificationDto, toVerificationDto } from '../audit/audit-verification.dto';
import { CallAuditRepository } from './call-audit.repository';
import type { CallDto, CreateCallDto, UpdateCallDto } from './call.dto';
import { FundingCall } from './funding-call.entity';

type Staff = Extract<Actor, { kind: 'staff' }>;

export const toCallDto = (call: FundingCall, now: Date): CallDto => ({
  id: call.id,
  countyId: call.countyId,
  schemeId: call.schemeId,
  year: call.year,
  title: call.title,
  status: call.status,
  opensAt: call.opensAt.toISOString(),
  closesAt: call.closesAt?.toISOString() ?? null,
  open:
    call.status === 'published' && now >= call.opensAt && (call.closesAt === null || now <= call.closesAt),
  parameters: { ...call.parameters },
  frameId: call.frameId,
  publishedAt: call.publishedAt?.toISOString() ?? null,
  version: call.version,
});

/**
 * Calls (utlysninger) as data: a county's admins create a call for a scheme and a year, edit it
 * while it is a draft, and publish it. Publishing freezes it: applications are judged by the
 * parameters of the call they were made under, so a published call never changes its rules.
 */
@Injectable()
export class CallsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly callAudit: CallAuditRepository,
    private readonly schemes: SchemeRegistry,
    private readonly clock: Clock,
    private readonly deadlines: DeadlinesService,
  ) {}

  async list(actor: Staff): Promise<CallDto[]> {
    const calls = await this.dataSource.manager.find(FundingCall, {
      where: { countyId: actor.countyId },
      order: { year: 'DESC', opensAt: 'DESC', id: 'ASC' },
      take: 500,
    });
    const now = this.clock.now();
    return calls.map((c) => toCallDto(c, now));
  }

  async get(actor: Staff, id: string): Promise<CallDto> {
    return toCallDto(await this.own(this.dataSource.manager, actor, id), this.clock.now());
  }

  /** Recomputes the call's audit hash chain: whether (and where) its history was altered. */
  async verifyHistory(actor: Staff, id: string): Promise<AuditVerificationDto> {
    await this.own(this.dataSource.manager, actor, id);
    return toVerificationDto(await this.callAudit.verify(this.dataSource.manager, id));
  }

  async create(actor: Staff, dto: CreateCallDto, key?: IdempotencyKey): Promise<CallDto> {
    const scheme = this.schemes.get(dto.schemeId);
    const parameters = await this.checkParameters(scheme, dto.parameters);
    return this.idempotency.transaction(key, async (tx) => {
      if (dto.frameId) await this.checkFrame(tx, actor, dto.frameId, scheme.id);
      const window = scheme.callWindow(parameters);
      const call = await tx.save(
        tx.create(FundingCall, {
          countyId: actor.countyId,
          schemeId: scheme.id,
          year: dto.year,
          title: dto.title,
          status: 'draft',
          opensAt: new Date(window.opensAt),
          closesAt: window.closesAt ? new Date(window.closesAt) : null,
          parameters,
          frameId: dto.frameId ?? null,
        }),
      );
      await this.audit(tx, actor, call.id, 'created', { ...dto });
      return toCallDto(call, this.clock.now());
    });
  }

  /** Changes a draft call, based on the version the admin read. */
  async update(actor: Staff, id: string, dto: UpdateCallDto, key?: IdempotencyKey): Promise<CallDto> {
    return this.idempotency.transaction(key, async (tx) => {
      const call = await this.own(tx, actor, id, true);
      if (call.status !== 'draft') {
        throw new DomainError(
          'conflict',
          'call_frozen',
          'A published call cannot change: applications are judged by its rules. Create a new call instead.',
        );
      }
      assertVersion('call', call.version, dto.version);
      const scheme = this.schemes.forStored(call.schemeId);
      if (dto.parameters) {
        const parameters = await this.checkParameters(scheme, dto.parameters);
        const window = scheme.callWindow(parameters);
        call.parameters = parameters;
        call.opensAt = new Date(window.opensAt);
        call.closesAt = window.closesAt ? new Date(window.closesAt) : null;
      }
      if (dto.frameId) await this.checkFrame(tx, actor, dto.frameId, scheme.id);
      if (dto.frameId !== undefined) call.frameId = dto.frameId;
      if (dto.year !== undefined) call.year = dto.year;
      if (dto.title !== undefined) call.title = dto.title;
      const saved = await tx.save(call);
      const { version: _version, ...changes } = dto;
      await this.audit(tx, actor, call.id, 'updated', changes);
      return toCallDto(saved, this.clock.now());
    });
  }

  /** Draft → published: needs a frame; from now on its rules are frozen and its window announced. */
  async publish(actor: Staff, id: string, key?: IdempotencyKey): Promise<CallDto> {
    return this.idempotency.transaction(key, async (tx) => {
      const call = await this.own(tx, actor, id, true);
      if (call.status !== 'draft')
        throw new DomainError('conflict', 'call_not_draft', `The call is ${call.status}, not a draft`);
      if (!call.frameId)
        throw new DomainError(
          'unprocessable',
          'no_frame',
          'A call needs a budget frame before it is published',
        );
      const now = this.clock.now();
      if (call.closesAt && call.closesAt <= now)
        throw new DomainError(
          'unprocessable',
          'call_window_passed',
          'The call would close before it is published',
        );
      call.status = 'published';
      call.publishedAt = now;
      const saved = await tx.save(call);
      await this.deadlines.scheduleCallAnnouncements(tx, saved, now);
      await this.audit(tx, actor, call.id, 'published', { publishedAt: now.toISOString() });
      return toCallDto(saved, now);
    });
  }

  /**
   * The scheme's DTO (400 per field), then what spans fields (422 with reasons): the kernel's check of
   * the fields every call has, and the scheme's rules. Returns the parameters as sent (they are stored
   * as JSON), now known to fit.
   */
  private async checkParameters(
    scheme: SchemeDefinition,
    parameters: Record<string, unknown>,
  ): Promise<CallParameters<CallOpening>> {
    const validation = await validatePayload(scheme.callParametersDto, parameters, {
      pathPrefix: 'parameters',
    });
    if (!validation.ok)
      throw new DomainError('bad_request', 'validation_failed', 'The call parameters are not valid', {
        errors: validation.problems,
      });
    const reasons = [
      ...checkCommonCallParameters(validation.value),
      ...scheme.checkCallParameters(validation.value),
    ];
    if (reasons.length)
      throw new DomainError(
        'unprocessable',
        'call_parameters_not_acceptable',
        `The call parameters break the scheme's rules (${reasons.length})`,
        { reasons },
      );
    return parameters as unknown as CallParameters<CallOpening>;
  }

  private async checkFrame(tx: EntityManager, actor: Staff, frameId: string, schemeId: string) {
    const frame = await tx.findOneBy(BudgetFrame, { id: frameId, countyId: actor.countyId });
    if (!frame) throw notFound('Frame');
    if (frame.schemeId !== schemeId)
      throw new DomainError(
        'unprocessable',
        'frame_of_other_scheme',
        `The frame belongs to scheme "${frame.schemeId}", not "${schemeId}"`,
      );
  }

  /** The call, if it is the actor's county's: another county's call is a 404. */
  private async own(tx: EntityManager, actor: Staff, id: string, lock = false): Promise<FundingCall> {
    const call = await tx.findOne(FundingCall, {
      where: { id, countyId: actor.countyId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!call) throw notFound('Call');
    return call;
  }

  private async audit(
    tx: EntityManager,
    actor: Staff,
    callId: string,
    action: string,
    changes: Record<string, unknown>,
  ) {
    await this.callAudit.append(tx, {
      callId,
      actorUserId: actor.userId,
      action,
      changes,
      occurredAt: this.clock.now().toISOString(),
    });
  }
}
