import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditContent } from '@lib/audit';
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
}
