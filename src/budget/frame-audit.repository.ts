import { Injectable } from '@nestjs/common';
import { chainRecord, verifyChain, type Chained, type ChainVerdict } from '@lib/audit';
import type { EntityManager } from 'typeorm';
import { FrameAuditRecord } from './frame-audit.entity';

export type FrameAuditAction = 'allocation' | 'top_up' | 'reallocation' | 'direct_allocation' | 'carry_over';

/** What a frame's audit record says. */
export interface FrameAuditContent {
  readonly frameId: string;
  readonly seq: number;
  readonly actorUserId: string | null;
  readonly action: FrameAuditAction;
  readonly changes: Record<string, unknown>;
  /** ISO instant with milliseconds, as PostgreSQL returns it through `pg`. */
  readonly occurredAt: string;
}

const toChained = (r: FrameAuditRecord): Chained<FrameAuditContent> => ({
  frameId: r.frameId,
  seq: r.seq,
  actorUserId: r.actorUserId,
  action: r.action as FrameAuditAction,
  changes: r.changes,
  occurredAt: r.occurredAt.toISOString(),
  prevHash: r.prevHash,
  hash: r.hash,
});

/** Appends to and verifies a frame's hash-chained audit trail. */
@Injectable()
export class FrameAuditRepository {
  /**
   * Appends the next record. Call it inside the movement's transaction after the ledger has moved the
   * money (which holds the frame's row lock), so that seq and the previous hash cannot race.
   */
  async append(tx: EntityManager, content: Omit<FrameAuditContent, 'seq'>): Promise<FrameAuditRecord> {
    const last = await tx.findOne(FrameAuditRecord, {
      where: { frameId: content.frameId },
      order: { seq: 'DESC' },
    });
    // JSON as jsonb will give it back: what is read is what was hashed.
    const changes = JSON.parse(JSON.stringify(content.changes)) as Record<string, unknown>;
    const occurredAt = new Date(content.occurredAt).toISOString();
    const chained = chainRecord(last && { hash: last.hash }, {
      ...content,
      changes,
      occurredAt,
      seq: (last?.seq ?? 0) + 1,
    });
    return tx.save(tx.create(FrameAuditRecord, { ...chained, occurredAt: new Date(occurredAt) }));
  }

  history(tx: EntityManager, frameId: string): Promise<FrameAuditRecord[]> {
    return tx.find(FrameAuditRecord, { where: { frameId }, order: { seq: 'ASC' } });
  }

  async verify(tx: EntityManager, frameId: string): Promise<ChainVerdict> {
    return verifyChain((await this.history(tx, frameId)).map(toChained));
  }
}
