import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@lib/audit';
import { PaymentAuditRecord, type PaymentAuditSubject } from './payment-audit.entity';

export type PaymentAuditAction =
  | 'payout_account_set'
  | 'created'
  | 'approved'
  | 'payment_details_set'
  | 'register_refreshed';

/** What a payment audit record says. */
export interface PaymentAuditContent {
  readonly subjectKind: PaymentAuditSubject;
  readonly subjectId: string;
  readonly seq: number;
  readonly actorUserId: string | null;
  readonly action: PaymentAuditAction;
  readonly changes: Record<string, unknown>;
  /** ISO instant with milliseconds, as PostgreSQL returns it through `pg`. */
  readonly occurredAt: string;
}

/**
 * Appends to and verifies the hash-chained audit trail of a payout account or a payment run, one
 * stream per subject (its id is a UUID, so one id never names two subjects). Append inside the
 * change's transaction with the subject's row locked (or just inserted).
 */
@Injectable()
export class PaymentAuditRepository extends AuditTrail<PaymentAuditRecord, PaymentAuditContent> {
  constructor() {
    super({
      entity: PaymentAuditRecord,
      stream: 'subjectId',
      fields: { subjectKind: true, subjectId: true, actorUserId: true, action: true, changes: true },
    });
  }
}
