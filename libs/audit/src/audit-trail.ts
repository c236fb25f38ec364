import type { EntityManager, FindOptionsOrder, FindOptionsWhere } from 'typeorm';
import type { HashChainedRecord } from './hash-chained-record.entity';
import { chainRecord, verifyChain, type Chained, type ChainVerdict } from './audit-chain';

/** The columns every hash-chained audit table has besides what its records say. */
export type ChainedRow = HashChainedRecord & { occurredAt: Date };

/** What every record of a trail says besides its own fields: its place in the stream and its time. */
export interface TrailContent {
  /** 1, 2, 3 … per stream. */
  readonly seq: number;
  /** ISO instant with milliseconds, as PostgreSQL's timestamptz returns it through `pg`. */
  readonly occurredAt: string;
}

/** Where a trail is kept and which of its columns are hashed. */
export interface AuditTrailTable<R extends ChainedRow, C extends TrailContent> {
  readonly entity: new () => R;
  /** The column naming the stream a record belongs to (one application's, one call's, one user's). */
  readonly stream: keyof C & keyof R & string;
  /**
   * Every column the hash covers besides `seq` and `occurredAt`, which every trail has; a column
   * missing here is a compile error, so what is verified is what was hashed.
   */
  readonly fields: { readonly [F in Exclude<keyof C, keyof TrailContent>]: true };
}

/**
 * An append-only, hash-chained audit trail in one table: numbered 1, 2, 3 … per stream, each record's
 * hash sealing its content and the hash before it (`chainRecord`), checked again by `verify`.
 */
export class AuditTrail<R extends ChainedRow, C extends TrailContent> {
  private readonly hashed: readonly (keyof C & string)[];

  constructor(private readonly table: AuditTrailTable<R, C>) {
    this.hashed = Object.keys(table.fields) as (keyof C & string)[];
  }

  /**
   * Appends the next record of its stream. Call it inside the change's transaction with the row the
   * stream is about locked (or just inserted), so that seq and the previous hash cannot race.
   */
  async append(tx: EntityManager, content: Omit<C, 'seq'>): Promise<R> {
    const fields = this.pick(content);
    const last = await tx.findOne(this.table.entity, {
      where: this.inStream(fields[this.table.stream]),
      order: { seq: 'DESC' } as FindOptionsOrder<R>,
    });
    // JSON as jsonb gives it back (no undefined, dates as strings), and milliseconds only: what is
    // read back is what was hashed.
    const record = {
      ...(JSON.parse(JSON.stringify(fields)) as Record<string, unknown>),
      seq: (last?.seq ?? 0) + 1,
      occurredAt: new Date(content.occurredAt).toISOString(),
    } as unknown as C;
    const chained = chainRecord(last && { hash: last.hash }, record);
    return tx.save(
      tx.create(this.table.entity, { ...chained, occurredAt: new Date(chained.occurredAt) } as never),
    );
  }

  /** A stream's records in order. */
  history(tx: EntityManager, streamId: string): Promise<R[]> {
    return tx.find(this.table.entity, {
      where: this.inStream(streamId),
      order: { seq: 'ASC' } as FindOptionsOrder<R>,
    });
  }

  /** Recomputes a stream's hashes from what is stored; names the first record that does not match. */
  async verify(tx: EntityManager, streamId: string): Promise<ChainVerdict> {
    const records = await this.history(tx, streamId);
    return verifyChain(records.map((row) => this.chained(row)));
  }

  private chained(row: R): Chained<C> {
    return {
      ...this.pick(row as unknown as Record<string, unknown>),
      seq: row.seq,
      occurredAt: row.occurredAt.toISOString(),
      prevHash: row.prevHash,
      hash: row.hash,
    } as unknown as Chained<C>;
  }

  private pick(source: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(this.hashed.map((field) => [field, source[field]]));
  }

  private inStream(streamId: unknown): FindOptionsWhere<R> {
    return { [this.table.stream]: streamId } as FindOptionsWhere<R>;
  }
}
