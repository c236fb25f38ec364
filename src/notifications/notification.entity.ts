import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type NotificationStatus = 'queued' | 'sent' | 'failed' | 'logged';

/** One e-mail to one person, rendered when the transition happened; sent by the worker with retries. */
@Entity({ name: 'notification' })
@Index('notification_application_idx', ['applicationId', 'createdAt'])
@Index('notification_queued_idx', ['createdAt'], { where: `"status" = 'queued'` })
@Check('notification_status', `"status" IN ('queued', 'sent', 'failed', 'logged')`)
export class Notification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'notification_pkey' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId!: string | null;

  @Column({ name: 'audit_record_id', type: 'bigint', nullable: true })
  auditRecordId!: string | null;

  @Column({ type: 'text' })
  template!: string;

  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true })
  recipientUserId!: string | null;

  @Column({ name: 'recipient_email', type: 'text' })
  recipientEmail!: string;

  /** `nb` (bokmål) or `en`, the language the text was rendered in. */
  @Column({ type: 'text' })
  locale!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  /**
   * The body to keep once the e-mail is sent: the same text without its secrets (an invitation's
   * single-use link). Null when the text holds none; the sender swaps it in and clears it.
   */
  @Column({ name: 'body_after_send', type: 'text', nullable: true })
  bodyAfterSend!: string | null;

  @Column({ type: 'text', default: 'queued' })
  status!: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
