import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A submitted report (sluttrapport); every submission is kept, the lifecycle names the current one. */
@Entity({ name: 'application_report' })
@Index('application_report_application_idx', ['applicationId', 'submittedAt'])
export class ApplicationReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'application_report_pkey' })
  id!: string;

  @ForeignKey('application', { name: 'application_report_application_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy!: string;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}
