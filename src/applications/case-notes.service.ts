import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, Clock, notFound, visibleOrNotFound } from '@lib/common';
import { describeState } from '@lib/engine';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import type { IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { SchemeRegistry } from '../schemes/scheme-registry';
import { CaseNoteDto, NewCaseNoteDto } from './application.dto';
import { Application } from './application.entity';
import { caseWhere, namesOf, NOTE_EVENT, ownership, type CaseKey } from './applications.service';
import { CaseNote } from './case-note.entity';

/**
 * Internal notes (interne notater) on a case: the county's staff write and read them; to an
 * applicant a case has no notes at all, so their notes routes answer 404 as for an unknown case.
 */
@Injectable()
export class CaseNotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schemes: SchemeRegistry,
    private readonly audit: AuditRepository,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, key: CaseKey): Promise<CaseNoteDto[]> {
    const application = await this.dataSource.manager.findOneBy(Application, caseWhere(key));
    const { application: found } = staffOnly(actor, application);
    const notes = await this.dataSource.manager.find(CaseNote, {
      where: { applicationId: found.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const names = await namesOf(
      this.dataSource.manager,
      notes.map((n) => n.authorUserId),
    );
    return notes.map((n) => toDto(n, names.get(n.authorUserId) ?? ''));
  }

  /** Adds a note and its audit record in one transaction; the case's state does not change. */
  async add(actor: Actor, caseKey: CaseKey, dto: NewCaseNoteDto, key?: IdempotencyKey): Promise<CaseNoteDto> {
    return this.idempotency.transaction(key, async (tx) => {
      const application = await tx.findOne(Application, {
        where: caseWhere(caseKey),
        lock: { mode: 'pessimistic_write' },
      });
      const staff = staffOnly(actor, application);
      const applicationId = staff.application.id;
      const scheme = this.schemes.forStored(staff.application.schemeId);
      const stored = staff.application.snapshot;
      const state = describeState(scheme.lifecycle, stored).state;
      const now = this.clock.now();
      const note = await tx.save(
        tx.create(CaseNote, {
          applicationId,
          authorUserId: staff.userId,
          text: dto.text,
          createdAt: now,
        }),
      );
      await this.audit.append(tx, {
        applicationId,
        actorUserId: staff.userId,
        actorRole: NOTE_ROLES.find((r) => staff.roles.includes(r)) ?? staff.roles[0] ?? 'unknown',
        event: NOTE_EVENT,
        fromState: state,
        toState: state,
        payload: { noteId: note.id },
        effects: [],
        machineId: stored.machineId,
        machineVersion: stored.version,
        occurredAt: now.toISOString(),
      });
      const names = await namesOf(tx, [staff.userId]);
      return toDto(note, names.get(staff.userId) ?? '');
    });
  }
}

/** The roles that write notes, in the order the audit record names the one acted in. */
const NOTE_ROLES = ['case_officer', 'approver'];

/** The county's staff who may see the case; anyone else is told there is no such case. */
function staffOnly(
  actor: Actor,
  application: Application | null,
): { application: Application; userId: string; roles: readonly string[] } {
  const visible = visibleOrNotFound(actor, application, ownership, 'Application');
  if (actor.kind !== 'staff') throw notFound('Application');
  return { application: visible, userId: actor.userId, roles: actor.roles };
}

function toDto(note: CaseNote, authorName: string): CaseNoteDto {
  return {
    id: note.id,
    text: note.text,
    authorUserId: note.authorUserId,
    authorName,
    createdAt: note.createdAt.toISOString(),
  };
}
