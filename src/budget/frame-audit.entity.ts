import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ChangeAuditRecord } from '../audit/change-audit-record.entity';

/**
 * Who moved money into, out of or between frames by a decision, how much and on which political case
 * (`allocation`, `top_up`, `reallocation`, `direct_allocation`, `carry_over`): written with the movement,
 * append-only (the database refuses UPDATE, DELETE and TRUNCATE), and hash-chained per frame like a
 * call's audit records. A movement between two frames is one record, on the frame it leaves.
 */
@Entity({ name: 'frame_audit_record' })
@Index('frame_audit_record_frame_seq_key', ['frameId', 'seq'], { unique: true })
export class FrameAuditRecord extends ChangeAuditRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'frame_audit_record_pkey' })
  id!: string;

  @ForeignKey('budget_frame', { name: 'frame_audit_record_frame_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'frame_id', type: 'uuid' })
  frameId!: string;
}
