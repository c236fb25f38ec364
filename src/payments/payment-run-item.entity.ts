import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from '../database/bigint.transformer';

/**
 * One due instalment in a payment run, with the payee and account it goes to. `booked_at` is set when
 * the run's approval books it; an instalment is booked by a run at most once (a unique index).
 */
@Entity({ name: 'payment_run_item' })
@Index('payment_run_item_run_position_key', ['runId', 'position'], { unique: true })
@Index('payment_run_item_run_instalment_key', ['runId', 'applicationId', 'instalment'], { unique: true })
@Index('payment_run_item_paid_key', ['applicationId', 'instalment'], {
  unique: true,
  where: '"booked_at" IS NOT NULL',
})
@Check('payment_run_item_amount_positive', `"amount" > 0`)
@Check('payment_run_item_account_format', `"creditor_account" ~ '^[0-9]{11}$'`)
export class PaymentRunItem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'payment_run_item_pkey' })
  id!: string;

  @ForeignKey('payment_run', { name: 'payment_run_item_run_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'run_id', type: 'uuid' })
  runId!: string;

  /** 1, 2, 3 … in the run, the order of the files. */
  @Column({ type: 'integer' })
  position!: number;

  @ForeignKey('application', { name: 'payment_run_item_application_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'case_reference', type: 'text' })
  caseReference!: string;

  /** The instalment's number in the payment plan, and the plan's name for it. */
  @Column({ type: 'integer' })
  instalment!: number;

  @Column({ name: 'instalment_label', type: 'text' })
  instalmentLabel!: string;

  /** øre */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amount!: number;

  @ForeignKey('organisation', { name: 'payment_run_item_organisation_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'creditor_name', type: 'text' })
  creditorName!: string;

  /** The payee's Norwegian account number (11 digits, BBAN), as resolved when the run was made or approved. */
  @Column({ name: 'creditor_account', type: 'char', length: 11 })
  creditorAccount!: string;

  @Column({ name: 'booked_at', type: 'timestamptz', nullable: true })
  bookedAt!: Date | null;
}
