import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ChangeAuditRecord } from '../audit/change-audit-record.entity';

/**
 * Who invited, created, changed, deactivated or reactivated a staff user (`invited`, `reinvited`,
 * `created`, `roles_changed`, `deactivated`, `reactivated`, `password_set`), and the fields set with
 * their values before and after where they had one: written with the change, append-only (the database
 * refuses UPDATE, DELETE and TRUNCATE), and hash-chained per user like a call's audit records.
 */
@Entity({ name: 'staff_audit_record' })
@Index('staff_audit_record_user_seq_key', ['userId', 'seq'], { unique: true })
export class StaffAuditRecord extends ChangeAuditRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'staff_audit_record_pkey' })
  id!: string;

  /** The staff user the change is about. */
  @ForeignKey('user_account', { name: 'staff_audit_record_user_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;
}
