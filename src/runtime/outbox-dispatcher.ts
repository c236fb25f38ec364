import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@lib/common';
import { DataSource } from 'typeorm';
import { AppConfig, InjectConfig } from '../config/app-config';

export interface OutboxRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
}

/** Acts on a batch of outbox rows of one kind (enqueue jobs); throwing leaves them for the next poll. */
export type OutboxHandler = (rows: OutboxRow[], now: Date) => Promise<void>;

/**
 * Moves outbox rows to BullMQ after their transaction committed: polls for undispatched rows of the
 * kinds registered, hands them to their handler, and marks them dispatched, in one transaction (rows
 * locked with SKIP LOCKED, so several workers share the work). A crash between enqueue and commit only
 * repeats an enqueue, which deterministic job ids make harmless.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private readonly handlers = new Map<string, OutboxHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  register(kind: string, handler: OutboxHandler): void {
    if (this.handlers.has(kind)) throw new Error(`Outbox kind ${kind} has two handlers`);
    this.handlers.set(kind, handler);
  }

  handles(kind: string): boolean {
    return this.handlers.has(kind);
  }

  onApplicationBootstrap(): void {
    const tick = () => {
      this.running = this.dispatchOnce().catch((error: unknown) => {
        this.logger.error({ err: error }, 'Outbox dispatch failed; retrying');
        return 0;
      });
      void this.running.finally(() => {
        if (this.timer !== null) this.timer = setTimeout(tick, this.config.jobs.outboxPollMs);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One batch; returns how many rows it dispatched. */
  async dispatchOnce(batch = 500): Promise<number> {
    const kinds = [...this.handlers.keys()];
    if (!kinds.length) return 0;
    return this.dataSource.transaction(async (tx) => {
      const rows = await tx.query<OutboxRow[]>(
        `SELECT id, kind, payload FROM outbox_message
          WHERE dispatched_at IS NULL AND kind = ANY($1)
          ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [kinds, batch],
      );
      if (!rows.length) return 0;
      const now = this.clock.now();
      for (const [kind, handler] of this.handlers) {
        const mine = rows.filter((r) => r.kind === kind);
        if (mine.length) await handler(mine, now);
      }
      await tx.query(`UPDATE outbox_message SET dispatched_at = now() WHERE id = ANY($1)`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }
}
