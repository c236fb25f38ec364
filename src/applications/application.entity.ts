import type { StoredLifecycle } from '@lib/engine';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { bigintAsNumber } from '../database/bigint.transformer';

const SUBMITTED = '"submitted_at" IS NOT NULL';

/**
 * An application (søknad) and its case: the form content, the lifecycle snapshot, and the columns
 * lists and reports filter on (status, amounts), kept in step with the snapshot by the runner.
 */
@Entity({ name: 'application' })
// The county's work queue: county, filter, sort key, id; submitted cases only (see the migration).
@Index('application_queue_idx', ['countyId', 'submittedAt', 'id'], { where: SUBMITTED })
@Index('application_queue_status_idx', ['countyId', 'status', 'submittedAt', 'id'], { where: SUBMITTED })
@Index('application_queue_state_idx', ['countyId', 'state', 'submittedAt', 'id'], { where: SUBMITTED })
@Index('application_queue_officer_idx', ['countyId', 'caseOfficerId', 'submittedAt', 'id'], {
  where: SUBMITTED,
})
@Index('application_queue_amount_idx', ['countyId', 'requestedAmount', 'id'], { where: SUBMITTED })
@Index('application_organisation_idx', ['organisationId', 'createdAt', 'id'])
@Index('application_call_idx', ['callId', 'submittedAt', 'id'])
// `reference text_pattern_ops` (prefix search), which an entity cannot say: the migration makes it.
@Index('application_reference_prefix_idx', { synchronize: false })
@Index('application_reference_key', ['reference'], { unique: true })
@Check(
  'application_amounts_non_negative',
  `coalesce("requested_amount", 0) >= 0 AND coalesce("maximum_amount", 0) >= 0 AND coalesce("granted_amount", 0) >= 0`,
)
// One case number per county, scheme and year and sequence number; all three parts set, or none.
@Unique('application_case_number_key', ['countyId', 'schemeId', 'caseYear', 'caseSequence'])
@Check(
  'application_case_number_complete',
  `("case_year" IS NULL) = ("case_sequence" IS NULL) AND ("case_year" IS NULL) = ("case_number" IS NULL)`,
)
@Check('application_case_sequence_positive', `"case_sequence" >= 1`)
@Check('application_content_version_positive', `"content_version" >= 1`)
@Check('application_recommended_amount_non_negative', `"recommended_amount" >= 0`)
export class Application {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'application_pkey' })
  id!: string;

  /**
   * The application's reference from its creation as a draft, e.g. BIO-2026-000042: in its address,
   * payment remittance texts and everything written before case numbers. Never changes.
   */
  @Column({ type: 'text' })
  reference!: string;

  /**
   * The case number (saksnummer), e.g. 2026/BIO/0042: given when the application is submitted and
   * the case opened, gapless per county, scheme and year of submission. Null for a draft.
   */
  @Column({ name: 'case_number', type: 'text', nullable: true })
  caseNumber!: string | null;

  /** The case number's year (saksår): the year of submission in Norway. */
  @Column({ name: 'case_year', type: 'integer', nullable: true })
  caseYear!: number | null;

  /** The case number's sequence number within its county, scheme and year, from 1. */
  @Column({ name: 'case_sequence', type: 'integer', nullable: true })
  caseSequence!: number | null;

  @ForeignKey('county', { name: 'application_county_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  @ForeignKey('organisation', { name: 'application_organisation_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ForeignKey('funding_call', { name: 'application_call_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  @Column({ name: 'scheme_id', type: 'text' })
  schemeId!: string;

  /** Top-level status from the lifecycle's shared tags (draft, applied, assessment, …). */
  @Column({ type: 'text' })
  status!: string;

  /** The machine's leaf state, e.g. `assessment.in_review`. */
  @Column({ type: 'text' })
  state!: string;

  @Column({ name: 'machine_id', type: 'text' })
  machineId!: string;

  @Column({ name: 'machine_version', type: 'integer' })
  machineVersion!: number;

  /**
   * The persisted lifecycle snapshot (machine id, version, state value and context), possibly written
   * by an older version of the definition: read it only through the engine, which migrates it.
   */
  @Column({ type: 'jsonb' })
  snapshot!: StoredLifecycle;

  /** The application form, validated by the scheme's DTO. */
  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  /** Incremented on each edit of the content; edits must name the version they were based on. */
  @Column({ name: 'content_version', type: 'integer', default: 1 })
  contentVersion!: number;

  @Column({ name: 'requested_amount', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  requestedAmount!: number | null;

  @Column({ name: 'maximum_amount', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  maximumAmount!: number | null;

  @Column({ name: 'granted_amount', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  grantedAmount!: number | null;

  /** A grant recommendation's amount while it waits for the approver's decision (the frame's pipeline). */
  @Column({ name: 'recommended_amount', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  recommendedAmount!: number | null;

  /** The frame the grant was charged to (set by the commitment). */
  @ForeignKey('budget_frame', { name: 'application_frame_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'frame_id', type: 'uuid', nullable: true })
  frameId!: string | null;

  @Column({ name: 'case_officer_id', type: 'uuid', nullable: true })
  caseOfficerId!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
