import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type PaymentAuditSubject = 'organisation' | 'payment_run';

/**
 * Who set an organisation's payout account, and who created and approved a payment run: written with
 * the change, append-only (the database refuses UPDATE, DELETE and TRUNCATE), and hash-chained per
 * subject like a call's audit records.
 */
@Entity({ name: 'payment_audit_record' })
@Index('payment_audit_record_subject_seq_key', ['subjectKind', 'subjectId', 'seq'], { unique: true })
@Check('payment_audit_record_subject_kind', `"subject_kind" IN ('organisation', 'payment_run')`)
export class PaymentAuditRecord {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    primaryKeyConstraintName: 'payment_audit_record_pkey',
  })
  id!: string;

  @Column({ name: 'subject_kind', type: 'text' })
  subjectKind!: PaymentAuditSubject;

  /** The organisation or payment run the change is about. */
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  /** 1, 2, 3 … per subject. */
  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** `payout_account_set`, `created`, `approved`. */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'jsonb' })
  changes!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ name: 'prev_hash', type: 'text', nullable: true })
  prevHash!: string | null;

  @Column({ type: 'text' })
  hash!: string;
}
