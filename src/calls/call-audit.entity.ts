import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who created, changed or published a call, and what changed: written with the change, append-only
 * (the database refuses UPDATE, DELETE and TRUNCATE), and hash-chained per call like `audit_record`.
 */
@Entity({ name: 'call_audit_record' })
@Index('call_audit_record_call_idx', ['callId', 'occurredAt'])
@Index('call_audit_record_call_seq_key', ['callId', 'seq'], { unique: true })
export class CallAuditRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'call_audit_record_pkey' })
  id!: string;

  @ForeignKey('funding_call', { name: 'call_audit_record_call_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  /** 1, 2, 3 … per call. */
  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** `created`, `updated`, `published`. */
  @Column({ type: 'text' })
  action!: string;

  /** The fields set, with their new values. */
  @Column({ type: 'jsonb' })
  changes!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ name: 'prev_hash', type: 'text', nullable: true })
  prevHash!: string | null;

  @Column({ type: 'text' })
  hash!: string;
}
