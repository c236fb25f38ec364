import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who invited, created, changed, deactivated or reactivated a staff user, and what changed: written
 * with the change, append-only (the database refuses UPDATE, DELETE and TRUNCATE), and hash-chained
 * per user like a call's audit records.
 */
@Entity({ name: 'staff_audit_record' })
@Index('staff_audit_record_user_seq_key', ['userId', 'seq'], { unique: true })
export class StaffAuditRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'staff_audit_record_pkey' })
  id!: string;

  /** The staff user the change is about. */
  @ForeignKey('user_account', { name: 'staff_audit_record_user_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** 1, 2, 3 … per user. */
  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** `invited`, `reinvited`, `created`, `roles_changed`, `deactivated`, `reactivated`, `password_set`. */
  @Column({ type: 'text' })
  action!: string;

  /** The fields set, with their values before and after where they had one. */
  @Column({ type: 'jsonb' })
  changes!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ name: 'prev_hash', type: 'text', nullable: true })
  prevHash!: string | null;

  @Column({ type: 'text' })
  hash!: string;
}
