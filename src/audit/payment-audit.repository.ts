import { Injectable } from '@nestjs/common';
import { chainRecord, verifyChain, type Chained, type ChainVerdict } from '@lib/audit';
import type { EntityManager } from 'typeorm';
import { PaymentAuditRecord, type PaymentAuditSubject } from './payment-audit.entity';

export type PaymentAuditAction = 'payout_account_set' | 'created' | 'approved';

/** What a payment audit record says. */
export interface PaymentAuditContent {
  readonly subjectKind: PaymentAuditSubject;
  readonly subjectId: string;
  readonly seq: number;
  readonly actorUserId: string | null;
  readonly action: PaymentAuditAction;
  readonly changes: Record<string, unknown>;
  /** ISO instant with milliseconds, as PostgreSQL returns it through `pg`. */
  readonly occurredAt: string;
}

const toChained = (r: PaymentAuditRecord): Chained<PaymentAuditContent> => ({
  subjectKind: r.subjectKind,
  subjectId: r.subjectId,
  seq: r.seq,
  actorUserId: r.actorUserId,
  action: r.action as PaymentAuditAction,
  changes: r.changes,
  occurredAt: r.occurredAt.toISOString(),
  prevHash: r.prevHash,
  hash: r.hash,
});

/** Appends to and verifies the hash-chained audit trail of a payout account or a payment run. */
@Injectable()
export class PaymentAuditRepository {
  /**
   * Appends the next record. Call it inside the change's transaction with the subject's row locked
   * (or just inserted), so that seq and the previous hash cannot race.
   */
  async append(tx: EntityManager, content: Omit<PaymentAuditContent, 'seq'>): Promise<PaymentAuditRecord> {
    const last = await tx.findOne(PaymentAuditRecord, {
      where: { subjectKind: content.subjectKind, subjectId: content.subjectId },
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
    return tx.save(tx.create(PaymentAuditRecord, { ...chained, occurredAt: new Date(occurredAt) }));
  }

  history(
    tx: EntityManager,
    subjectKind: PaymentAuditSubject,
    subjectId: string,
  ): Promise<PaymentAuditRecord[]> {
    return tx.find(PaymentAuditRecord, { where: { subjectKind, subjectId }, order: { seq: 'ASC' } });
  }

  async verify(
    tx: EntityManager,
    subjectKind: PaymentAuditSubject,
    subjectId: string,
  ): Promise<ChainVerdict> {
    return verifyChain((await this.history(tx, subjectKind, subjectId)).map(toChained));
  }
}
