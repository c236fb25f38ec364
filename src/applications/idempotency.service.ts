import { Injectable } from '@nestjs/common';
import { canonicalJson } from '@lib/audit';
import { DomainError } from '@lib/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { IdempotencyRecord } from './idempotency-record.entity';

export interface IdempotencyRequest {
  userId: string;
  key: string;
  /** Method and route, e.g. `POST /applications/:id/events/SUBMIT`. */
  scope: string;
  body: unknown;
}

const KEY = /^[\w.:-]{8,200}$/;

/**
 * `Idempotency-Key` for commands: inside the command's own transaction, a repeat of a finished
 * command returns the first answer and does nothing; the same key with another body is refused.
 * Concurrent repeats serialise on a transaction-scoped advisory lock of (user, key).
 */
@Injectable()
export class IdempotencyService {
  async run<T>(tx: EntityManager, request: IdempotencyRequest | null, command: () => Promise<T>): Promise<T> {
    if (!request) return command();
    if (!KEY.test(request.key)) {
      throw new DomainError(
        'bad_request',
        'invalid_idempotency_key',
        'Idempotency-Key must be 8-200 letters, digits, or . _ : -',
      );
    }
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `${request.userId}|${request.key}`,
    ]);
    const requestHash = createHash('sha256')
      .update(canonicalJson(request.body ?? null))
      .digest('hex');
    const previous = await tx.findOneBy(IdempotencyRecord, { userId: request.userId, key: request.key });
    if (previous) {
      if (previous.scope !== request.scope || previous.requestHash !== requestHash) {
        throw new DomainError(
          'unprocessable',
          'idempotency_key_reused',
          'This Idempotency-Key was already used for a different request; use a new key for a new request',
        );
      }
      return previous.response as T;
    }
    const result = await command();
    await tx.query(
      `INSERT INTO idempotency_record (user_id, key, scope, request_hash, status_code, response)
       VALUES ($1, $2, $3, $4, 200, $5::jsonb)`,
      [request.userId, request.key, request.scope, requestHash, JSON.stringify(result ?? null)],
    );
    return result;
  }
}
