import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@lib/audit';
import { CallAuditRecord } from './call-audit.entity';

/** What a call's audit record says; the migration that chained the older records hashes the same. */
export interface CallAuditContent {
  readonly callId: string;
  readonly seq: number;
  readonly actorUserId: string | null;
  readonly action: string;
  readonly changes: Record<string, unknown>;
  /** ISO instant with milliseconds, as PostgreSQL returns it through `pg`. */
  readonly occurredAt: string;
}

/** Appends to and verifies a call's hash-chained audit trail (with the call row locked or just inserted). */
@Injectable()
export class CallAuditRepository extends AuditTrail<CallAuditRecord, CallAuditContent> {
  constructor() {
    super({
      entity: CallAuditRecord,
      stream: 'callId',
      fields: { callId: true, actorUserId: true, action: true, changes: true },
    });
  }
}
