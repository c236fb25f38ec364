import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a command sent with an `Idempotency-Key`, per user and key: a repeat with
 * the same body gets the same answer and changes nothing; a repeat with another body is refused.
 */
@Entity({ name: 'idempotency_record' })
export class IdempotencyRecord {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'idempotency_record_pkey' })
  userId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'idempotency_record_pkey' })
  key!: string;

  /** Method and route the key was used for. */
  @Column({ type: 'text' })
  scope!: string;

  /** SHA-256 of the canonical request body. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ name: 'status_code', type: 'integer' })
  statusCode!: number;

  /** `json`, not `jsonb`: kept as written, so a repeat answers with the same bytes (key order too). */
  @Column({ type: 'json' })
  response!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
