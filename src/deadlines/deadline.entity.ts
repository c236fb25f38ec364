import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export type DeadlineStatus = 'scheduled' | 'fired' | 'skipped' | 'cancelled';

/**
 * A legal or practical deadline of an application (acceptance, information, final report, reminders)
 * or of a call (its opening and closing). The row is the truth; a BullMQ delayed job with the row's
 * id as job id is only the timer that nudges it.
 */
@Entity({ name: 'deadline' })
@Index('deadline_open_kind_key', ['applicationId', 'kind'], { unique: true, where: `"status" = 'scheduled'` })
@Index('deadline_call_open_kind_key', ['callId', 'kind'], { unique: true, where: `"status" = 'scheduled'` })
@Check('deadline_owner', `("application_id" IS NULL) <> ("call_id" IS NULL)`)
@Index('deadline_scheduled_due_idx', ['dueAt'], { where: `"status" = 'scheduled'` })
@Check('deadline_status', `"status" IN ('scheduled', 'fired', 'skipped', 'cancelled')`)
export class Deadline {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'deadline_pkey' })
  id!: string;

  @ForeignKey('application', { name: 'deadline_application_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId!: string | null;

  @ForeignKey('funding_call', { name: 'deadline_call_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'call_id', type: 'uuid', nullable: true })
  callId!: string | null;

  /** `acceptance`, `information_response`, `final_report`. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text', default: 'scheduled' })
  status!: DeadlineStatus;

  /** Times a worker settled or tried it; counted in the firing transaction, so a crashed try is not. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt!: Date | null;

  /** Why it was skipped (the case had moved on), for the record. */
  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
