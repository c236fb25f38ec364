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
import { bigintAsNumber } from '../database/bigint.transformer';

export type FrameStatus = 'open' | 'closed';

/**
 * A budget frame (ramme): one scheme's money for one county and budget year. Its running totals are
 * updated in the same transaction as each ledger entry, so reads are O(1); the CHECKs make
 * overspending impossible whatever the code does.
 */
@Entity({ name: 'budget_frame' })
@Index('budget_frame_county_scheme_year_idx', ['countyId', 'schemeId', 'year'])
@Check('budget_frame_status', `"status" IN ('open', 'closed')`)
@Check('budget_frame_currency', `"currency" ~ '^[A-Z]{3}$'`)
@Check('budget_frame_totals_non_negative', `"allocated" >= 0 AND "committed" >= 0 AND "disbursed" >= 0`)
@Check('budget_frame_available_non_negative', `"allocated" - "committed" - "disbursed" >= 0`)
export class BudgetFrame {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'budget_frame_pkey' })
  id!: string;

  @ForeignKey('county', { name: 'budget_frame_county_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'county_id', type: 'uuid' })
  countyId!: string;

  @Column({ name: 'scheme_id', type: 'text' })
  schemeId!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'char', length: 3, default: 'NOK' })
  currency!: string;

  @Column({ type: 'text', default: 'open' })
  status!: FrameStatus;

  /** Allocations and top-ups, plus reallocations and carry-overs in, minus those out. */
  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  allocated!: number;

  /** Outstanding commitments (tilsagn not yet paid, released or carried over). */
  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  committed!: number;

  /** Paid out, less repayments. */
  @Column({ type: 'bigint', default: 0, transformer: bigintAsNumber })
  disbursed!: number;

  /**
   * Raised by each edit of the frame itself (status), which must name the version it was based on;
   * money movements update the totals by conditional updates instead and leave it alone.
   */
  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
