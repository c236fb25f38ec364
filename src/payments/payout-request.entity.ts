import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintAsNumber } from '../database/bigint.transformer';

export const PAYOUT_REQUEST_STATUSES = ['draft', 'sent', 'returned', 'approved', 'rejected', 'paid'] as const;
export type PayoutRequestStatus = (typeof PAYOUT_REQUEST_STATUSES)[number];

/** A part payment (delutbetaling), or the final payment (sluttutbetaling) filed with the final report. */
export const PAYOUT_REQUEST_KINDS = ['part', 'final'] as const;
export type PayoutRequestKind = (typeof PAYOUT_REQUEST_KINDS)[number];

/** Statuses in which a request is still open: a grant has at most one such request at a time. */
export const OPEN_PAYOUT_REQUEST_STATUSES: readonly PayoutRequestStatus[] = [
  'draft',
  'sent',
  'returned',
  'approved',
];

/** Costs accumulated against one line of the approved cost plan, by the line's key. */
export interface PayoutCost {
  readonly line: string;
  readonly accumulatedOre: number;
}

/** Who confirms the request: the managing director, and an accountant or auditor where required. */
export interface PayoutAttestationGiven {
  readonly managerName: string;
  readonly accountant: { readonly name: string; readonly role: 'accountant' | 'auditor' } | null;
}

/** What the applicant fills in; frozen in a version each time the request is sent. */
export interface PayoutRequestContent {
  readonly amount: number;
  /** A Norwegian account number (11 digits), or null when paid to an IBAN. */
  readonly accountNumber: string | null;
  readonly iban: string | null;
  readonly bic: string | null;
  readonly statusReport: string;
  readonly costs: readonly PayoutCost[];
  readonly attestation: PayoutAttestationGiven;
  /** The scheme's final report answers: a final request only. */
  readonly report?: Record<string, unknown> | null;
}

const OPEN = `"status" IN ('draft', 'sent', 'returned', 'approved')`;

/**
 * A payout request (utbetalingsanmodning) of an accepted grant, for a part payment (delutbetaling) or
 * the final payment (sluttutbetaling): drafted and sent by the applicant, then approved, returned or
 * rejected by the case officer; an approved request is paid by finance. A sent request is frozen:
 * every version sent is kept in `payout_request_version`. The final request carries the scheme's
 * final report answers: sending it submits the final report, approving it approves the report.
 */
@Entity({ name: 'payout_request' })
@Index('payout_request_application_number_key', ['applicationId', 'number'], { unique: true })
@Index('payout_request_open_key', ['applicationId', 'kind'], { unique: true, where: OPEN })
@Check('payout_request_status', `"status" IN ('draft', 'sent', 'returned', 'approved', 'rejected', 'paid')`)
@Check('payout_request_kind', `"kind" IN ('part', 'final')`)
@Check('payout_request_final_report', `("kind" = 'final') = ("report" IS NOT NULL)`)
@Check('payout_request_amount_positive', `"amount" > 0 OR "kind" = 'final'`)
@Check(
  'payout_request_approved_within_requested',
  `"approved_amount" <= "amount" AND ("approved_amount" > 0 OR ("kind" = 'final' AND "approved_amount" = 0))`,
)
@Check(
  'payout_request_account',
  `("account_number" IS NOT NULL AND "iban" IS NULL) OR ("account_number" IS NULL AND "iban" IS NOT NULL AND "bic" IS NOT NULL)`,
)
export class PayoutRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'payout_request_pkey' })
  id!: string;

  @ForeignKey('application', { name: 'payout_request_application_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  /** 1, 2, 3 … per grant, as people name it ("anmodning 2"). */
  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'text', default: 'part' })
  kind!: PayoutRequestKind;

  @Column({ type: 'text' })
  status!: PayoutRequestStatus;

  /** The version being drafted, or the last one sent: 1, then one more after each return. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  /** øre asked for. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amount!: number;

  @Column({ name: 'account_number', type: 'text', nullable: true })
  accountNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  iban!: string | null;

  @Column({ type: 'text', nullable: true })
  bic!: string | null;

  /** What has been done so far (statusrapport). */
  @Column({ name: 'status_report', type: 'text' })
  statusReport!: string;

  @Column({ type: 'jsonb' })
  costs!: PayoutCost[];

  @Column({ type: 'jsonb' })
  attestation!: PayoutAttestationGiven;

  /** The scheme's final report answers (sluttrapport): a final request only. */
  @Column({ type: 'jsonb', nullable: true })
  report!: Record<string, unknown> | null;

  /** The final report its last sending submitted. */
  @ForeignKey('application_report', { name: 'payout_request_report_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'report_id', type: 'uuid', nullable: true })
  reportId!: string | null;

  /** øre the case officer approved: at most what was asked. */
  @Column({ name: 'approved_amount', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  approvedAmount!: number | null;

  /** The officer's reasons for a return, or grounds for a rejection. */
  @Column({ name: 'decision_text', type: 'text', nullable: true })
  decisionText!: string | null;

  @ForeignKey('user_account', { name: 'payout_request_created_by_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @ForeignKey('user_account', { name: 'payout_request_decided_by_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One version of a request as it was sent: append-only, so what the county received never changes. */
@Entity({ name: 'payout_request_version' })
@Index('payout_request_version_key', ['payoutRequestId', 'version'], { unique: true })
export class PayoutRequestVersion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'payout_request_version_pkey' })
  id!: string;

  @ForeignKey('payout_request', { name: 'payout_request_version_request_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'payout_request_id', type: 'uuid' })
  payoutRequestId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  content!: PayoutRequestContent;

  @ForeignKey('user_account', { name: 'payout_request_version_sent_by_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'sent_by', type: 'uuid' })
  sentBy!: string;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;
}
