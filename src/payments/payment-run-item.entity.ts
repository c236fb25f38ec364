import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from '../database/bigint.transformer';

export const PAYMENT_RUN_ITEM_KINDS = ['instalment', 'payout_request'] as const;
export type PaymentRunItemKind = (typeof PAYMENT_RUN_ITEM_KINDS)[number];

/**
 * One due payment in a payment run, with the payee and account it goes to: a plan instalment, or an
 * approved payout request (utbetalingsanmodning) paid to the account the request names. `booked_at`
 * is set when the run's approval books it; an instalment, and a payout request, is booked by a run at
 * most once (unique indexes).
 */
@Entity({ name: 'payment_run_item' })
@Index('payment_run_item_run_position_key', ['runId', 'position'], { unique: true })
@Index('payment_run_item_run_instalment_key', ['runId', 'applicationId', 'instalment'], { unique: true })
@Index('payment_run_item_paid_key', ['applicationId', 'instalment'], {
  unique: true,
  where: '"booked_at" IS NOT NULL',
})
@Index('payment_run_item_run_request_key', ['runId', 'payoutRequestId'], { unique: true })
@Index('payment_run_item_request_paid_key', ['payoutRequestId'], {
  unique: true,
  where: '"booked_at" IS NOT NULL',
})
@Check('payment_run_item_amount_positive', `"amount" > 0`)
@Check('payment_run_item_currency_format', `"currency" ~ '^[A-Z]{3}$'`)
@Check(
  'payment_run_item_account_format',
  `("creditor_account" ~ '^[0-9]{11}$' AND "creditor_bic" IS NULL) OR ("creditor_account" ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$' AND "creditor_bic" ~ '^[A-Z0-9]{8}([A-Z0-9]{3})?$')`,
)
@Check(
  'payment_run_item_kind',
  `("kind" = 'instalment' AND "instalment" IS NOT NULL AND "payout_request_id" IS NULL AND "payout_request_number" IS NULL) OR ("kind" = 'payout_request' AND "instalment" IS NULL AND "payout_request_id" IS NOT NULL AND "payout_request_number" IS NOT NULL)`,
)
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

  @Column({ type: 'text' })
  kind!: PaymentRunItemKind;

  /** The instalment's number in the payment plan (null for a payout request). */
  @Column({ type: 'integer', nullable: true })
  instalment!: number | null;

  /** The plan's name for the instalment, or "Utbetalingsanmodning nr N". */
  @Column({ name: 'instalment_label', type: 'text' })
  instalmentLabel!: string;

  @ForeignKey('payout_request', { name: 'payment_run_item_payout_request_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'payout_request_id', type: 'uuid', nullable: true })
  payoutRequestId!: string | null;

  /** The payout request's number on the grant (null for an instalment). */
  @Column({ name: 'payout_request_number', type: 'integer', nullable: true })
  payoutRequestNumber!: number | null;

  /** øre (minor units of `currency`) */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amount!: number;

  /** The currency of the grant's frame: NOK, or another for a request paid to an IBAN abroad. */
  @Column({ type: 'text' })
  currency!: string;

  @ForeignKey('organisation', { name: 'payment_run_item_organisation_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'creditor_name', type: 'text' })
  creditorName!: string;

  /**
   * The payee's account as resolved when the run was made or approved: a Norwegian account number (11
   * digits, BBAN), or an IBAN when the payout request names one (then with `creditor_bic`).
   */
  @Column({ name: 'creditor_account', type: 'text' })
  creditorAccount!: string;

  /** The creditor's bank (BIC) of an IBAN account; null for a BBAN. */
  @Column({ name: 'creditor_bic', type: 'text', nullable: true })
  creditorBic!: string | null;

  @Column({ name: 'booked_at', type: 'timestamptz', nullable: true })
  bookedAt!: Date | null;
}
