import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { FundingCall } from './funding-call.entity';

/** Who created, changed or published a call, and what changed: written with the change. */
@Entity({ name: 'call_audit_record' })
@Index('call_audit_record_call_idx', ['callId', 'occurredAt'])
export class CallAuditRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'call_audit_record_pkey' })
  id!: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  @ManyToOne(() => FundingCall, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'call_audit_record_call_fk' })
  call?: FundingCall;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** `created`, `updated`, `published`. */
  @Column({ type: 'text' })
  action!: string;

  /** The fields set, with their new values. */
  @Column({ type: 'jsonb' })
  changes!: Record<string, unknown>;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
