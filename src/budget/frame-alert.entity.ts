import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from '../database/bigint.transformer';

/** A frame's committed share crossed a threshold (80, 90, 100 %): recorded once per threshold. */
@Entity({ name: 'frame_alert' })
@Index('frame_alert_frame_threshold_key', ['frameId', 'thresholdPercent'], { unique: true })
export class FrameAlert {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'frame_alert_pkey' })
  id!: string;

  @Column({ name: 'frame_id', type: 'uuid' })
  frameId!: string;

  @Column({ name: 'threshold_percent', type: 'integer' })
  thresholdPercent!: number;

  /** Committed plus disbursed when it was crossed, and the frame's allocation then. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  used!: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  allocated!: number;

  @CreateDateColumn({ name: 'crossed_at', type: 'timestamptz' })
  crossedAt!: Date;
}
