import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canonicalJson } from '@lib/audit';
import { DomainError } from '@lib/common';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { IdempotencyKey } from './idempotency-key.decorator';
import { IdempotencyRecord } from './idempotency-record.entity';

/**
 * Commands under an `Idempotency-Key`. The command and the record of its answer share one
 * transaction, so an effect is never committed without its record (nor a record without its
 * effect): a repeat of a finished command returns the first answer and does nothing; the same key
 * for another request is refused. Concurrent repeats serialise on a transaction-scoped advisory lock
 * of (user, key), taken before the command touches anything.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs the command in a transaction of its own, honouring its key (none: it simply runs). */
  transaction<T>(key: IdempotencyKey | undefined, command: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      if (!key) return command(tx);
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${key.userId}|${key.key}`]);
      const requestHash = createHash('sha256').update(canonicalJson(key.body)).digest('hex');
      const previous = await tx.findOneBy(IdempotencyRecord, { userId: key.userId, key: key.key });
      if (previous) {
        if (previous.scope !== key.scope || previous.requestHash !== requestHash) {
          throw new DomainError(
            'unprocessable',
            'idempotency_key_reused',
            'This Idempotency-Key was already used for a different request; use a new key for a new request',
          );
        }
        return previous.response as T;
      }
      const result = await command(tx);
      // The answer as it was sent (a `json` column keeps the text), so a repeat is the same bytes.
      await tx.query(
        `INSERT INTO idempotency_record (user_id, key, scope, request_hash, status_code, response)
         VALUES ($1, $2, $3, $4, $5, $6::json)`,
        [key.userId, key.key, key.scope, requestHash, key.statusCode, JSON.stringify(result ?? null)],
      );
      return result;
    });
  }
}
