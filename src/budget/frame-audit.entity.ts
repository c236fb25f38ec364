import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who moved money into, out of or between frames by a decision, how much and on which political case
 * (a top-up, a reallocation, a direct allocation, a carry-over, the year's allocation): written with the
 * movement, append-only (the database refuses UPDATE, DELETE and TRUNCATE), and hash-chained per frame
 * like a call's audit records. A movement between two frames is one record, on the frame it leaves.
 */
@Entity({ name: 'frame_audit_record' })
@Index('frame_audit_record_frame_seq_key', ['frameId', 'seq'], { unique: true })
export class FrameAuditRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'frame_audit_record_pkey' })
  id!: string;

  @ForeignKey('budget_frame', { name: 'frame_audit_record_frame_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'frame_id', type: 'uuid' })
  frameId!: string;

  /** 1, 2, 3 … per frame. */
  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** `allocation`, `top_up`, `reallocation`, `direct_allocation`, `carry_over`. */
  @Column({ type: 'text' })
  action!: string;

  /** What was done: the amount (øre), the case reference, the reason, the other frame or the grant. */
  @Column({ type: 'jsonb' })
  changes!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'prev_hash', type: 'text', nullable: true })
  prevHash!: string | null;

  @Column({ type: 'text' })
  hash!: string;
}
