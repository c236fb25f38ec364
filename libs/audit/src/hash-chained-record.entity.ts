import { Column } from 'typeorm';

/**
 * The columns that chain an audit table's records, for its entity to extend: the record's place in
 * its stream, the hash before it and its own. The table is append-only (its migration makes the
 * database refuse UPDATE, DELETE and TRUNCATE); `AuditTrail` writes and verifies it.
 */
export abstract class HashChainedRecord {
  /** 1, 2, 3 … per stream. */
  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'prev_hash', type: 'text', nullable: true })
  prevHash!: string | null;

  @Column({ type: 'text' })
  hash!: string;
}
