import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Application } from './application.entity';

/** A submitted report (sluttrapport); every submission is kept, the lifecycle names the current one. */
@Entity({ name: 'application_report' })
@Index('application_report_application_idx', ['applicationId', 'submittedAt'])
export class ApplicationReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'application_report_pkey' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_report_application_fk' })
  application?: Application;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy!: string;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}
