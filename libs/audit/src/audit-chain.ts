import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** What an audit record says: who did what to which application, when, and with which effects. */
export interface AuditContent {
  readonly applicationId: string;
  readonly seq: number;
  readonly actorUserId: string | null;
  readonly actorRole: string;
  readonly event: string;
  readonly fromState: string | null;
  readonly toState: string;
  readonly payload: unknown;
  readonly effects: unknown;
  readonly machineId: string;
  readonly machineVersion: number;
  /** ISO instant with milliseconds (what PostgreSQL's timestamptz returns through `pg`). */
  readonly occurredAt: string;
}

export interface ChainedRecord extends AuditContent {
  readonly prevHash: string | null;
  readonly hash: string;
}

/** SHA-256 over the previous hash and the canonical content: each record seals the history before it. */
export function auditHash(prevHash: string | null, content: AuditContent): string {
  return createHash('sha256')
    .update(prevHash ?? 'genesis')
    .update('\n')
    .update(canonicalJson(content))
    .digest('hex');
}

export function chainRecord(prev: Pick<ChainedRecord, 'hash'> | null, content: AuditContent): ChainedRecord {
  const prevHash = prev?.hash ?? null;
  return { ...content, prevHash, hash: auditHash(prevHash, content) };
}

export type ChainVerdict =
  | { readonly valid: true; readonly records: number; readonly lastHash: string | null }
  | { readonly valid: false; readonly records: number; readonly brokenAt: number; readonly problem: string };

/** Recomputes every hash in order; names the first record (by seq) whose content or link does not match. */
export function verifyChain(records: readonly ChainedRecord[]): ChainVerdict {
  let prev: ChainedRecord | null = null;
  for (const [index, record] of records.entries()) {
    if (record.seq !== index + 1) {
      return {
        valid: false,
        records: records.length,
        brokenAt: record.seq,
        problem: `expected seq ${index + 1}, found ${record.seq}`,
      };
    }
    if (record.prevHash !== (prev?.hash ?? null)) {
      return {
        valid: false,
        records: records.length,
        brokenAt: record.seq,
        problem: 'does not link to the record before it',
      };
    }
    const { prevHash: _p, hash: _h, ...content } = record;
    if (auditHash(record.prevHash, content) !== record.hash) {
      return {
        valid: false,
        records: records.length,
        brokenAt: record.seq,
        problem: 'content does not match its hash',
      };
    }
    prev = record;
  }
  return { valid: true, records: records.length, lastHash: prev?.hash ?? null };
}
