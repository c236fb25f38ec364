import { HashChainedRecord } from '@lib/audit';
import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One transition of one application, append-only (the database refuses UPDATE, DELETE and TRUNCATE).
 * Each record's hash covers its content and the previous record's hash, so any later change to the
 * history of an application breaks the chain and `verify` finds where.
 */
@Entity({ name: 'audit_record' })
@Index('audit_record_application_seq_key', ['applicationId', 'seq'], { unique: true })
export class AuditRecord extends HashChainedRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'audit_record_pkey' })
  id!: string;

  @ForeignKey('application', { name: 'audit_record_application_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** The role the actor acted in (applicant, case_officer, approver, finance, system). */
  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  @Column({ type: 'text' })
  event!: string;

  @Column({ name: 'from_state', type: 'text', nullable: true })
  fromState!: string | null;

  @Column({ name: 'to_state', type: 'text' })
  toState!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  effects!: unknown[];

  @Column({ name: 'machine_id', type: 'text' })
  machineId!: string;

  @Column({ name: 'machine_version', type: 'integer' })
  machineVersion!: number;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
