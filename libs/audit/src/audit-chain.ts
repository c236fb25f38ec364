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

/** Any record of a history stream (one application's, one call's): numbered 1, 2, 3 … in its stream. */
export interface StreamContent {
  readonly seq: number;
}

/** A record with its link to the one before it and its own hash. */
export type Chained<C extends StreamContent> = C & {
  readonly prevHash: string | null;
  readonly hash: string;
};

export type ChainedRecord = Chained<AuditContent>;

/** SHA-256 over the previous hash and the canonical content: each record seals the history before it. */
export function auditHash(prevHash: string | null, content: StreamContent): string {
  return createHash('sha256')
    .update(prevHash ?? 'genesis')
    .update('\n')
    .update(canonicalJson(content))
    .digest('hex');
}

export function chainRecord<C extends StreamContent>(
  prev: { readonly hash: string } | null,
  content: C,
): Chained<C> {
  const prevHash = prev?.hash ?? null;
  return { ...content, prevHash, hash: auditHash(prevHash, content) };
}

export type ChainVerdict =
  | { readonly valid: true; readonly records: number; readonly lastHash: string | null }
  | { readonly valid: false; readonly records: number; readonly brokenAt: number; readonly problem: string };

/** Recomputes every hash in order; names the first record (by seq) whose content or link does not match. */
export function verifyChain<C extends StreamContent>(records: readonly Chained<C>[]): ChainVerdict {
  let prev: Chained<C> | null = null;
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
