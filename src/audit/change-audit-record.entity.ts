import { HashChainedRecord } from '@lib/audit';
import { Column } from 'typeorm';

/**
 * What a hash-chained trail of changes to one object (a call, a staff user) records besides the object's
 * id: who did what, what changed and when. The entity of each trail extends it with its stream column.
 */
export abstract class ChangeAuditRecord extends HashChainedRecord {
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  /** The fields set, with their new values (and their values before, where the trail keeps them). */
  @Column({ type: 'jsonb' })
  changes!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;
}
