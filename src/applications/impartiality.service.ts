import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, visibleOrNotFound } from '@lib/common';
import { describeState } from '@lib/engine';
import { AuditRepository } from '../audit/audit.repository';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { Application } from './application.entity';
import { caseWhere, ownership, type CaseKey } from './applications.service';
import { ImpartialityDeclaration } from './impartiality-declaration.entity';
import type { CaseImpartialityDto, DeclareImpartialityDto } from './impartiality.dto';
import {
  caseImpartiality,
  currentDeclaration,
  DECLARING_ROLES,
  IMPARTIALITY_EVENT,
  partialOnCase,
  staffOnCase,
} from './impartiality';

/**
 * Declarations of impartiality (habilitet, forvaltningsloven §§ 6–8). A case officer or approver
 * declares on a case before acting on it. Declaring oneself partial (inhabil) takes one off the
 * case for good: an officer it is assigned to is unassigned, so that another can take it.
 */
@Injectable()
export class ImpartialityService {
  constructor(
    private readonly schemes: SchemeRegistry,
    private readonly audit: AuditRepository,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  /**
   * Records the declaration and its audit record in one transaction. Declaring impartiality again
   * changes nothing; after a declaration of partiality nothing more is declared.
   */
  async declare(
    actor: Actor,
    caseKey: CaseKey,
    dto: DeclareImpartialityDto,
    key?: IdempotencyKey,
  ): Promise<CaseImpartialityDto> {
    return this.idempotency.transaction(key, async (tx) => {
      const application = visibleOrNotFound(
        actor,
        await tx.findOne(Application, { where: caseWhere(caseKey), lock: { mode: 'pessimistic_write' } }),
        ownership,
        'Application',
      );
      const staff = staffOnCase(actor);
      const role = DECLARING_ROLES.find((r) => staff.roles.includes(r));
      if (!role)
        throw new DomainError(
          'forbidden',
          'forbidden',
          'Only case officers and approvers declare impartiality on a case',
        );
      assertGrounds(dto);
      const current = await currentDeclaration(tx, application.id, staff.userId);
      if (current?.verdict === 'partial') throw partialOnCase('you');
      if (current?.verdict === 'impartial' && dto.verdict === 'impartial')
        return (await caseImpartiality(tx, actor, application))!;

      const now = this.clock.now();
      const declaration = await tx.save(
        tx.create(ImpartialityDeclaration, {
          applicationId: application.id,
          userId: staff.userId,
          verdict: dto.verdict,
          ground: dto.verdict === 'partial' ? (dto.ground ?? null) : null,
          explanation: dto.verdict === 'partial' ? (dto.explanation?.trim() || null) : null,
          declaredAt: now,
        }),
      );
      const scheme = this.schemes.forStored(application.schemeId);
      const stored = application.snapshot;
      const state = describeState(scheme.lifecycle, stored).state;
      // Stepping aside unassigns: the case waits for another officer. The lifecycle's state is the
      // same; only who holds the case changes, as the column and the stored context say together.
      const unassigned = dto.verdict === 'partial' && application.caseOfficerId === staff.userId;
      if (unassigned) {
        application.snapshot = {
          ...stored,
          state: { ...stored.state, context: { ...stored.state.context, caseOfficerId: null } },
        };
        application.caseOfficerId = null;
        await tx.save(application);
      }
      await this.audit.append(tx, {
        applicationId: application.id,
        actorUserId: staff.userId,
        actorRole: role,
        event: IMPARTIALITY_EVENT,
        fromState: state,
        toState: state,
        payload: {
          declarationId: declaration.id,
          verdict: declaration.verdict,
          ...(declaration.ground ? { ground: declaration.ground } : {}),
          ...(unassigned ? { unassigned: true } : {}),
        },
        effects: [],
        machineId: stored.machineId,
        machineVersion: stored.version,
        occurredAt: now.toISOString(),
      });
      return (await caseImpartiality(tx, actor, application))!;
    });
  }
}

/** A ground exactly when partial; the declarant's own words only then, and always for special circumstances. */
function assertGrounds(dto: DeclareImpartialityDto): void {
  const problems: Array<{ field: string; pointer: string; messages: string[] }> = [];
  const problem = (field: string, message: string) =>
    problems.push({ field, pointer: `/${field}`, messages: [message] });
  if (dto.verdict === 'partial') {
    if (dto.ground === undefined) problem('ground', 'ground is required when partial');
    if (dto.ground === 'special_circumstances' && !dto.explanation?.trim())
      problem('explanation', 'explanation is required for special circumstances');
  } else {
    if (dto.ground !== undefined) problem('ground', 'ground is given only when partial');
    if (dto.explanation !== undefined) problem('explanation', 'explanation is given only when partial');
  }
  if (problems.length)
    throw new DomainError('bad_request', 'validation_failed', 'The declaration is not valid', {
      errors: problems,
    });
}
