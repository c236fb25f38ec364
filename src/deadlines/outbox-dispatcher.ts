import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@lib/common';
import { DataSource } from 'typeorm';
import { AppConfig, InjectConfig } from '../config/app-config';
import { ARM_DEADLINE, DISARM_DEADLINE, type ArmPayload } from './deadline-effects';
import { DeadlineTimers } from './deadline-timers';

interface OutboxRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
}

/**
 * Moves outbox rows to BullMQ after their transaction committed: polls for undispatched rows it
 * knows, acts on them, and marks them dispatched in one transaction (rows locked with SKIP LOCKED,
 * so several workers share the work). A crash between enqueue and commit only repeats an enqueue,
 * which the job id makes harmless.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timers: DeadlineTimers,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

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
    return this.dataSource.transaction(async (tx) => {
      const rows = await tx.query<OutboxRow[]>(
        `SELECT id, kind, payload FROM outbox_message
          WHERE dispatched_at IS NULL AND kind = ANY($1)
          ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [[ARM_DEADLINE, DISARM_DEADLINE], batch],
      );
      if (!rows.length) return 0;
      const now = this.clock.now();
      const arms = rows.filter((r) => r.kind === ARM_DEADLINE).map((r) => r.payload as unknown as ArmPayload);
      await this.timers.arm(
        arms.map((a) => ({ deadlineId: a.deadlineId, dueAt: new Date(a.dueAt) })),
        now,
      );
      for (const row of rows.filter((r) => r.kind === DISARM_DEADLINE))
        await this.timers.disarm(String(row.payload.deadlineId));
      await tx.query(`UPDATE outbox_message SET dispatched_at = now() WHERE id = ANY($1)`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }
}
