import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ChangeAuditRecord } from '../audit/change-audit-record.entity';

/**
 * Who created, changed or published a call (`created`, `updated`, `published`), and the fields set with
 * their new values: written with the change, append-only (the database refuses UPDATE, DELETE and
 * TRUNCATE), and hash-chained per call like `audit_record`.
 */
@Entity({ name: 'call_audit_record' })
@Index('call_audit_record_call_idx', ['callId', 'occurredAt'])
@Index('call_audit_record_call_seq_key', ['callId', 'seq'], { unique: true })
export class CallAuditRecord extends ChangeAuditRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'call_audit_record_pkey' })
  id!: string;

  @ForeignKey('funding_call', { name: 'call_audit_record_call_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;
}
