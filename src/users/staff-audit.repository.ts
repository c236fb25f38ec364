import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@lib/audit';
import { StaffAuditRecord } from './staff-audit.entity';

export type StaffAuditAction =
  'invited' | 'reinvited' | 'created' | 'roles_changed' | 'deactivated' | 'reactivated' | 'password_set';

/** What a staff user's audit record says. */
export interface StaffAuditContent {
  readonly userId: string;
  readonly seq: number;
  readonly actorUserId: string | null;
  readonly action: StaffAuditAction;
  readonly changes: Record<string, unknown>;
  /** ISO instant with milliseconds, as PostgreSQL returns it through `pg`. */
  readonly occurredAt: string;
}

/** Appends to and verifies a staff user's hash-chained audit trail (with the user row locked or just inserted). */
@Injectable()
export class StaffAuditRepository extends AuditTrail<StaffAuditRecord, StaffAuditContent> {
  constructor() {
    super({
      entity: StaffAuditRecord,
      stream: 'userId',
      fields: { userId: true, actorUserId: true, action: true, changes: true },
    });
  }
}
