import { Injectable } from '@nestjs/common';
import { chainRecord, verifyChain, type Chained, type ChainVerdict } from '@lib/audit';
import type { EntityManager } from 'typeorm';
import { CallAuditRecord } from './call-audit.entity';

/** What a call's audit record says; the migration that chained the older records hashes the same. */
export interface CallAuditContent {
  readonly callId: string;
  readonly seq: number;
  readonly actorUserId: string | null;
  readonly action: string;
  readonly changes: Record<string, unknown>;
  /** ISO instant with milliseconds, as PostgreSQL returns it through `pg`. */
  readonly occurredAt: string;
}

const toChained = (r: CallAuditRecord): Chained<CallAuditContent> => ({
  callId: r.callId,
  seq: r.seq,
  actorUserId: r.actorUserId,
  action: r.action,
  changes: r.changes,
  occurredAt: r.occurredAt.toISOString(),
  prevHash: r.prevHash,
  hash: r.hash,
});

/** Appends to and verifies a call's hash-chained audit trail. */
@Injectable()
export class CallAuditRepository {
  /**
   * Appends the next record. Call it inside the change's transaction with the call row locked (or
   * just inserted), so that seq and the previous hash cannot race.
   */
  async append(tx: EntityManager, content: Omit<CallAuditContent, 'seq'>): Promise<CallAuditRecord> {
    const last = await tx.findOne(CallAuditRecord, {
      where: { callId: content.callId },
      order: { seq: 'DESC' },
    });
    // JSON as jsonb will give it back (no undefined, dates as strings): what is read is what was hashed.
    const changes = JSON.parse(JSON.stringify(content.changes)) as Record<string, unknown>;
    const occurredAt = new Date(content.occurredAt).toISOString();
    const chained = chainRecord(last && { hash: last.hash }, {
      ...content,
      changes,
      occurredAt,
      seq: (last?.seq ?? 0) + 1,
    });
    return tx.save(tx.create(CallAuditRecord, { ...chained, occurredAt: new Date(occurredAt) }));
  }

  history(tx: EntityManager, callId: string): Promise<CallAuditRecord[]> {
    return tx.find(CallAuditRecord, { where: { callId }, order: { seq: 'ASC' } });
  }

  async verify(tx: EntityManager, callId: string): Promise<ChainVerdict> {
    return verifyChain((await this.history(tx, callId)).map(toChained));
  }
}
