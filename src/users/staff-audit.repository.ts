import { Injectable } from '@nestjs/common';
import { chainRecord, verifyChain, type Chained, type ChainVerdict } from '@lib/audit';
import type { EntityManager } from 'typeorm';
import { StaffAuditRecord } from './staff-audit.entity';

export type StaffAuditAction =
  'invited' | 'reinvited' | 'created' | 'roles_changed' | 'deactivated' | 'reactivated' | 'password_set';

/** What a staff user's audit record says. */
export interface StaffAuditContent {
  readonly userId: string;
  readonly seq: number;
  readonly actorUserId: string | null;
  readonly action: StaffAuditAction;
  readonly changes: Record<string, unknown>;
  /** ISO instant with milliseconds, as PostgreSQL returns it through `pg`. */
  readonly occurredAt: string;
}

const toChained = (r: StaffAuditRecord): Chained<StaffAuditContent> => ({
  userId: r.userId,
  seq: r.seq,
  actorUserId: r.actorUserId,
  action: r.action as StaffAuditAction,
  changes: r.changes,
  occurredAt: r.occurredAt.toISOString(),
  prevHash: r.prevHash,
  hash: r.hash,
});

/** Appends to and verifies a staff user's hash-chained audit trail. */
@Injectable()
export class StaffAuditRepository {
  /**
   * Appends the next record. Call it inside the change's transaction with the user row locked (or
   * just inserted), so that seq and the previous hash cannot race.
   */
  async append(tx: EntityManager, content: Omit<StaffAuditContent, 'seq'>): Promise<StaffAuditRecord> {
    const last = await tx.findOne(StaffAuditRecord, {
      where: { userId: content.userId },
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
    return tx.save(tx.create(StaffAuditRecord, { ...chained, occurredAt: new Date(occurredAt) }));
  }

  history(tx: EntityManager, userId: string): Promise<StaffAuditRecord[]> {
    return tx.find(StaffAuditRecord, { where: { userId }, order: { seq: 'ASC' } });
  }

  async verify(tx: EntityManager, userId: string): Promise<ChainVerdict> {
    return verifyChain((await this.history(tx, userId)).map(toChained));
  }
}
