import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@lib/audit';
import { FrameAuditRecord } from './frame-audit.entity';

export type FrameAuditAction = 'allocation' | 'top_up' | 'reallocation' | 'direct_allocation' | 'carry_over';

/** What a frame's audit record says. */
export interface FrameAuditContent {
  readonly frameId: string;
  readonly seq: number;
  readonly actorUserId: string | null;
  readonly action: FrameAuditAction;
  readonly changes: Record<string, unknown>;
  /** ISO instant with milliseconds, as PostgreSQL returns it through `pg`. */
  readonly occurredAt: string;
}

/**
 * Appends to and verifies a frame's hash-chained audit trail. Append inside the movement's transaction
 * after the ledger has moved the money (which holds the frame's row lock), so that seq and the previous
 * hash cannot race.
 */
@Injectable()
export class FrameAuditRepository extends AuditTrail<FrameAuditRecord, FrameAuditContent> {
  constructor() {
    super({
      entity: FrameAuditRecord,
      stream: 'frameId',
      fields: { frameId: true, actorUserId: true, action: true, changes: true },
    });
  }
}
