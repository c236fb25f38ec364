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

export const INTERIM_REPORT_STATUSES = ['draft', 'sent', 'returned', 'approved'] as const;
export type InterimReportStatus = (typeof INTERIM_REPORT_STATUSES)[number];

/**
 * An interim (status) report a grant owes during its project (delrapport, e.g. Jobbsjansen's
 * årsrapport), one per grant and report key: drafted and sent by the applicant, then approved or
 * returned with reasons by the case officer. A sent report is frozen: every version sent is kept in
 * `interim_report_version`. Instalments of the plan may wait for its approval.
 */
@Entity({ name: 'interim_report' })
@Index('interim_report_application_key', ['applicationId', 'reportKey'], { unique: true })
@Check('interim_report_status', `"status" IN ('draft', 'sent', 'returned', 'approved')`)
@Check('interim_report_approved', `("status" = 'approved') = ("approved_at" IS NOT NULL)`)
export class InterimReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'interim_report_pkey' })
  id!: string;

  @ForeignKey('application', { name: 'interim_report_application_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  /** The scheme's key of the report, e.g. `yearly`. */
  @Column({ name: 'report_key', type: 'text' })
  reportKey!: string;

  @Column({ type: 'text' })
  status!: InterimReportStatus;

  /** The version being drafted, or the last one sent: 1, then one more after each return. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  /** What the applicant fills in, in the shape of the scheme's report DTO. */
  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  /** The case officer's reasons for the last return. */
  @Column({ name: 'decision_text', type: 'text', nullable: true })
  decisionText!: string | null;

  @ForeignKey('user_account', { name: 'interim_report_created_by_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @ForeignKey('user_account', { name: 'interim_report_decided_by_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One version of an interim report as it was sent: append-only, so what the county received never changes. */
@Entity({ name: 'interim_report_version' })
@Index('interim_report_version_key', ['interimReportId', 'version'], { unique: true })
export class InterimReportVersion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'interim_report_version_pkey' })
  id!: string;

  @ForeignKey('interim_report', { name: 'interim_report_version_report_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'interim_report_id', type: 'uuid' })
  interimReportId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @ForeignKey('user_account', { name: 'interim_report_version_sent_by_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'sent_by', type: 'uuid' })
  sentBy!: string;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;
}

/**
 * SQL giving a case's approved interim reports as a JSON object (report key → approval instant),
 * for `$n` the application id column or parameter; `{}` when none is approved.
 */
export const APPROVED_INTERIM_REPORTS_SQL = (applicationId: string) =>
  `(SELECT coalesce(jsonb_object_agg(ir.report_key, ir.approved_at), '{}'::jsonb)
      FROM interim_report ir WHERE ir.application_id = ${applicationId} AND ir.status = 'approved')`;
