import type { CallOpening, CallParameters } from '@lib/engine';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export type CallStatus = 'draft' | 'published' | 'closed';

/**
 * A call (utlysning): one county's round of one scheme in one year, with that round's rules as
 * data (`parameters`, validated by the scheme). Published parameters are frozen.
 */
@Entity({ name: 'funding_call' })
@Index('funding_call_county_scheme_year_idx', ['countyId', 'schemeId', 'year'])
@Check('funding_call_status', `"status" IN ('draft', 'published', 'closed')`)
@Check('funding_call_year', `"year" BETWEEN 2000 AND 2100`)
@Check('funding_call_window', `"closes_at" IS NULL OR "closes_at" > "opens_at"`)
export class FundingCall {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'funding_call_pkey' })
  id!: string;

  @ForeignKey('county', { name: 'funding_call_county_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  /** The scheme plug-in this call belongs to, e.g. `bio`. */
  @Column({ name: 'scheme_id', type: 'text' })
  schemeId!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: CallStatus;

  /** When submissions open and close (Europe/Oslo times stored as instants); null close = rolling. */
  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt!: Date;

  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true })
  closesAt!: Date | null;

  /**
   * The round's parameters, validated by the scheme: the kernel's common ones (window, eligibility,
   * days to accept, delegation threshold, the final report's reminders and overdue follow-up) and
   * the scheme's own (caps, intensity …).
   */
  @Column({ type: 'jsonb' })
  parameters!: CallParameters<CallOpening>;

  /** The budget frame (ramme) its grants are charged to. */
  @ForeignKey('budget_frame', { name: 'funding_call_frame_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'frame_id', type: 'uuid', nullable: true })
  frameId!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
