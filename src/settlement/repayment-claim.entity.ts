import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from '../database/bigint.transformer';

export const CLAIM_STATUSES = ['open', 'reminded', 'escalated', 'settled'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** A claim that is still owed: open, reminded or escalated. */
export const UNSETTLED_CLAIM_STATUSES: readonly ClaimStatus[] = ['open', 'reminded', 'escalated'];

/**
 * Tilbakebetalingskrav: a receivable raised when the final settlement of a grant finds that more was
 * paid than is payable. It falls due some days after it is raised; the applicant is reminded when it
 * is due and unpaid, the case officer and finance are alerted later, and finance registers the
 * payment, which returns the money to the frame (a ledger `repayment`). One unsettled claim per case.
 */
@Entity({ name: 'repayment_claim' })
@Index('repayment_claim_unsettled_key', ['applicationId'], {
  unique: true,
  where: `"status" <> 'settled'`,
})
@Index('repayment_claim_county_idx', ['countyId', 'status', 'dueDate'])
@Check('repayment_claim_status', `"status" IN ('open', 'reminded', 'escalated', 'settled')`)
@Check('repayment_claim_amount_positive', `"amount" > 0`)
@Check('repayment_claim_settled', `("status" = 'settled') = ("settled_at" IS NOT NULL)`)
export class RepaymentClaim {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'repayment_claim_pkey' })
  id!: string;

  @ForeignKey('application', { name: 'repayment_claim_application_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  /** The frame the grant was paid from, and that the repayment returns to. */
  @ForeignKey('budget_frame', { name: 'repayment_claim_frame_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'frame_id', type: 'uuid' })
  frameId!: string;

  @ForeignKey('county', { name: 'repayment_claim_county_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  /** øre owed. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amount!: number;

  /** The Norwegian calendar day by which it is to be paid, `YYYY-MM-DD`. */
  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'text', default: 'open' })
  status!: ClaimStatus;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt!: Date | null;

  @ForeignKey('user_account', { name: 'repayment_claim_settled_by_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'settled_by_user_id', type: 'uuid', nullable: true })
  settledByUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
