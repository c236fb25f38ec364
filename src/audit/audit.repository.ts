import { Injectable } from '@nestjs/common';
import {
  chainRecord,
  verifyChain,
  type AuditContent,
  type ChainedRecord,
  type ChainVerdict,
} from '@lib/audit';
import type { EntityManager } from 'typeorm';
import { AuditRecord } from './audit-record.entity';

const toChained = (r: AuditRecord): ChainedRecord => ({
  applicationId: r.applicationId,
  seq: r.seq,
  actorUserId: r.actorUserId,
  actorRole: r.actorRole,
  event: r.event,
  fromState: r.fromState,
  toState: r.toState,
  payload: r.payload,
  effects: r.effects,
  machineId: r.machineId,
  machineVersion: r.machineVersion,
  occurredAt: r.occurredAt.toISOString(),
  prevHash: r.prevHash,
  hash: r.hash,
});

/** Appends to and reads an application's hash-chained audit trail. */
@Injectable()
export class AuditRepository {
  /**
   * Appends the next record. Call it inside the transition's transaction, with the application row
   * locked, so that seq and the previous hash cannot race.
   */
  async append(tx: EntityManager, content: Omit<AuditContent, 'seq'>): Promise<AuditRecord> {
    const last = await tx.findOne(AuditRecord, {
      where: { applicationId: content.applicationId },
      order: { seq: 'DESC' },
    });
    // Milliseconds only: what the database gives back is what was hashed.
    const occurredAt = new Date(content.occurredAt).toISOString();
    const chained = chainRecord(last && { hash: last.hash }, {
      ...content,
      occurredAt,
      seq: (last?.seq ?? 0) + 1,
    });
    const record = tx.create(AuditRecord, {
      ...chained,
      payload: chained.payload as Record<string, unknown>,
      effects: chained.effects as unknown[],
      occurredAt: new Date(chained.occurredAt),
    });
    return tx.save(record);
  }

  /**
   * A record of something done to a case besides a transition (money moved on its grant): the case
   * stays in its state, read here from the application row. Call it inside the change's transaction
   * with the application row locked.
   */
  async appendToCase(
    tx: EntityManager,
    content: Pick<
      AuditContent,
      'applicationId' | 'actorUserId' | 'actorRole' | 'event' | 'payload' | 'occurredAt'
    >,
  ): Promise<AuditRecord> {
    const [application] = await tx.query<
      Array<{ state: string; machine_id: string; machine_version: number }>
    >('SELECT state, machine_id, machine_version FROM application WHERE id = $1', [content.applicationId]);
    if (!application)
      throw new Error(`no application ${content.applicationId} to record ${content.event} on`);
    return this.append(tx, {
      ...content,
      fromState: application.state,
      toState: application.state,
      effects: [],
      machineId: application.machine_id,
      machineVersion: application.machine_version,
    });
  }

  history(tx: EntityManager, applicationId: string): Promise<AuditRecord[]> {
    return tx.find(AuditRecord, { where: { applicationId }, order: { seq: 'ASC' } });
  }

  async verify(tx: EntityManager, applicationId: string): Promise<ChainVerdict> {
    return verifyChain((await this.history(tx, applicationId)).map(toChained));
  }
}
