import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditContent } from '@lib/audit';
import type { EntityManager } from 'typeorm';
import { AuditRecord } from './audit-record.entity';

/**
 * Appends to and reads an application's hash-chained audit trail. Append inside the transition's
 * transaction, with the application row locked, so that seq and the previous hash cannot race.
 */
@Injectable()
export class AuditRepository extends AuditTrail<AuditRecord, AuditContent> {
  constructor() {
    super({
      entity: AuditRecord,
      stream: 'applicationId',
      fields: {
        applicationId: true,
        actorUserId: true,
        actorRole: true,
        event: true,
        fromState: true,
        toState: true,
        payload: true,
        effects: true,
        machineId: true,
        machineVersion: true,
      },
    });
  }

  /**
   * A record of something done to a case besides a transition (money moved on its grant): the case
   * stays in its state, read here from the application row. Call it inside the change's transaction
   * with the application row locked.
   */
  async appendToCase(
    tx: EntityManager,
    content: Pick<
      AuditContent,
      'applicationId' | 'actorUserId' | 'actorRole' | 'event' | 'payload' | 'occurredAt'
    >,
  ): Promise<AuditRecord> {
    const [application] = await tx.query<
      Array<{ state: string; machine_id: string; machine_version: number }>
    >('SELECT state, machine_id, machine_version FROM application WHERE id = $1', [content.applicationId]);
    if (!application)
      throw new Error(`no application ${content.applicationId} to record ${content.event} on`);
    return this.append(tx, {
      ...content,
      fromState: application.state,
      toState: application.state,
      effects: [],
      machineId: application.machine_id,
      machineVersion: application.machine_version,
    });
  }
}
