import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: what a transition asks the world to do after commit (schedule a deadline job,
 * send a notification), written in the transition's transaction. A dispatcher moves rows to BullMQ
 * and marks them dispatched, so a crash between commit and enqueue loses nothing.
 */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_pending_idx', ['id'], { where: '"dispatched_at" IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'outbox_message_pkey' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId!: string | null;

  /** The audit record of the transition that wrote it. */
  @Column({ name: 'audit_record_id', type: 'bigint', nullable: true })
  auditRecordId!: string | null;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;
}
