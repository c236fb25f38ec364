import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@lib/common';
import { DataSource } from 'typeorm';
import { AppConfig, InjectConfig } from '../config/app-config';
import { DeadlineTimers } from './deadline-timers';

export interface SweepReport {
  /** Scheduled deadlines looked at. */
  checked: number;
  /** Their job was missing and was added again (delayed, or at once when already due). */
  rearmed: number;
  /** Already due by the clock while their job still waited: started now. */
  promoted: number;
  /** Due, but their job had ended (failed every attempt, or ran early): replaced by a fresh one. */
  replaced: number;
  elapsedMs: number;
}

/**
 * Reconciles Redis with PostgreSQL: every scheduled deadline must have its job. Runs when the worker
 * starts and on a schedule; after Redis lost its data (flushed, restarted without persistence) it
 * re-arms every deadline and fires at once those already due, and says what it repaired.
 */
@Injectable()
export class DeadlineSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineSweeper.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timers: DeadlineTimers,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => {
      void this.sweep()
        .catch((error: unknown) => this.logger.error({ err: error }, 'Deadline sweep failed'))
        .finally(() => {
          if (this.timer !== null) this.timer = setTimeout(run, this.config.jobs.sweepIntervalSeconds * 1000);
        });
    };
    this.timer = setTimeout(run, 0);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async sweep(batch = 1000): Promise<SweepReport> {
    const started = Date.now();
    const now = this.clock.now();
    let checked = 0;
    let rearmed = 0;
    let promoted = 0;
    let replaced = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.dataSource.query<Array<{ id: string; due_at: Date }>>(
        `SELECT id, due_at FROM deadline WHERE status = 'scheduled' AND id > $1 ORDER BY id LIMIT $2`,
        [after, batch],
      );
      if (!rows.length) break;
      after = rows[rows.length - 1].id;
      checked += rows.length;
      const missing = new Set(await this.timers.missing(rows.map((r) => r.id)));
      await this.timers.arm(
        rows.filter((r) => missing.has(r.id)).map((r) => ({ deadlineId: r.id, dueAt: r.due_at })),
        now,
      );
      rearmed += missing.size;
      for (const row of rows.filter((r) => !missing.has(r.id) && r.due_at <= now)) {
        const done = await this.timers.nudge(row.id);
        if (done === 'promoted') promoted++;
        if (done === 'replaced') replaced++;
      }
    }
    const report = { checked, rearmed, promoted, replaced, elapsedMs: Date.now() - started };
    if (rearmed || promoted || replaced)
      this.logger.warn(report, 'Deadline sweep repaired missing or late timers');
    return report;
  }
}
