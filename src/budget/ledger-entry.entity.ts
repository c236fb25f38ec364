import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from '../database/bigint.transformer';

// The kinds are the pure model's (libs/ledger), which this store follows.
export { ENTRY_KINDS, type EntryKind } from '@lib/ledger';
import type { EntryKind } from '@lib/ledger';

/** Movements out of one frame and into another are two entries: `out` and `in`. */
export type EntryDirection = 'in' | 'out';

/**
 * One money movement on a frame, append-only (the database refuses UPDATE, DELETE and TRUNCATE).
 * Amounts are positive øre; the kind (and for movements the direction) says which totals it moves.
 */
@Entity({ name: 'ledger_entry' })
@Index('ledger_entry_frame_idx', ['frameId', 'id'])
@Index('ledger_entry_application_idx', ['applicationId'])
@Index('ledger_entry_movement_idx', ['movementId'])
@Check('ledger_entry_amount_positive', `"amount" > 0`)
@Check(
  'ledger_entry_kind',
  `"kind" IN ('allocation', 'top_up', 'reallocation', 'commitment', 'release', 'disbursement', 'repayment', 'carry_over')`,
)
@Check('ledger_entry_direction', `("kind" IN ('reallocation', 'carry_over')) = ("direction" IS NOT NULL)`)
@Check(
  'ledger_entry_grant',
  `"kind" NOT IN ('commitment', 'release', 'disbursement', 'repayment') OR "grant_key" IS NOT NULL`,
)
export class LedgerEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'ledger_entry_pkey' })
  id!: string;

  @ForeignKey('budget_frame', { name: 'ledger_entry_frame_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'frame_id', type: 'uuid' })
  frameId!: string;

  @Column({ type: 'text' })
  kind!: EntryKind;

  @Column({ type: 'text', nullable: true })
  direction!: EntryDirection | null;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amount!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** Entries written together (both sides of a reallocation) share it. */
  @Column({ name: 'movement_id', type: 'uuid' })
  movementId!: string;

  /** The grant the money concerns: the application id, or `direct:<uuid>` for a direct allocation. */
  @Column({ name: 'grant_key', type: 'text', nullable: true })
  grantKey!: string | null;

  @ForeignKey('application', { name: 'ledger_entry_application_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId!: string | null;

  /** Political or budget case (e.g. "FU 161/20") or the decision a direct allocation rests on. */
  @Column({ name: 'case_reference', type: 'text', nullable: true })
  caseReference!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
