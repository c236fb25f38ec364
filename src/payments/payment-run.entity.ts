import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { bigintAsNumber } from '../database/bigint.transformer';

export const PAYMENT_RUN_STATES = ['draft', 'approved'] as const;
export type PaymentRunState = (typeof PAYMENT_RUN_STATES)[number];

/**
 * A payment run (utbetalingsliste, betalingsbunt): due payments finance picked, paid together on a
 * requested execution date. A draft until a finance user approves it; approval books every item as a
 * disbursement and fixes what the exported files say (message id, creation time).
 */
@Entity({ name: 'payment_run' })
@Index('payment_run_county_number_key', ['countyId', 'number'], { unique: true })
@Check('payment_run_state', `"state" IN ('draft', 'approved')`)
@Check(
  'payment_run_approval',
  `("state" = 'approved') = ("approved_at" IS NOT NULL AND "approved_by_user_id" IS NOT NULL AND "message_id" IS NOT NULL)`,
)
@Check(
  'payment_run_debtor_account',
  `("state" = 'approved') = ("debtor_account" IS NOT NULL) AND ("debtor_account" IS NULL OR "debtor_account" ~ '^[0-9]{11}$')`,
)
export class PaymentRun {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'payment_run_pkey' })
  id!: string;

  @ForeignKey('county', { name: 'payment_run_county_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  /** 1, 2, 3 … per county: what people call it ("utbetalingsliste 12"). */
  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'text' })
  state!: PaymentRunState;

  /** The day the bank is asked to pay (a Norwegian business day). */
  @Column({ name: 'requested_execution_date', type: 'date' })
  requestedExecutionDate!: string;

  @ForeignKey('user_account', { name: 'payment_run_created_by_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'created_by_user_id', type: 'uuid' })
  createdByUserId!: string;

  @ForeignKey('user_account', { name: 'payment_run_approved_by_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'approved_by_user_id', type: 'uuid', nullable: true })
  approvedByUserId!: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  /** The credit transfer file's message id (pain.001 GrpHdr/MsgId), fixed at approval. */
  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId!: string | null;

  /**
   * The county's paying account (debtor account) and organisation number as they were when the run was
   * approved: its files say these for good, whatever the county's payment details become later.
   */
  @Column({ name: 'debtor_account', type: 'char', length: 11, nullable: true })
  debtorAccount!: string | null;

  @Column({ name: 'debtor_organisation_number', type: 'char', length: 9, nullable: true })
  debtorOrganisationNumber!: string | null;

  @Column({ name: 'total_amount', type: 'bigint', transformer: bigintAsNumber })
  totalAmount!: number;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
