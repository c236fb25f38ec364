import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ChangeAuditRecord } from './change-audit-record.entity';

export type PaymentAuditSubject = 'organisation' | 'payment_run' | 'county';

/**
 * Who set an organisation's payout account, who created and approved a payment run, and who changed
 * the county's payment details (`payout_account_set`, `created`, `approved`, `payment_details_set`): written with the change, append-only (the database
 * refuses UPDATE, DELETE and TRUNCATE), and hash-chained per subject like a call's audit records.
 */
@Entity({ name: 'payment_audit_record' })
@Index('payment_audit_record_subject_seq_key', ['subjectKind', 'subjectId', 'seq'], { unique: true })
@Check('payment_audit_record_subject_kind', `"subject_kind" IN ('organisation', 'payment_run', 'county')`)
export class PaymentAuditRecord extends ChangeAuditRecord {
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
}
