import { BullModule } from '@nestjs/bullmq';
import type { FactoryProvider } from '@nestjs/common';
import { Worker, type Processor, type WorkerOptions } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** How long a running job's lock lasts and how often workers look for jobs whose worker died. */
export type WorkerSettings = Required<
  Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'concurrency'>
>;

export const WORKER_SETTINGS = Symbol('WORKER_SETTINGS');

/**
 * BullMQ's worker with this process's settings under each processor's own `@Processor()` options.
 * Those options are fixed when a class is declared, before the configuration is read; the worker
 * class is the one thing `@nestjs/bullmq` lets the process choose (it builds every processor's worker
 * with it, when the application initialises).
 */
export function workerClassWith(settings: WorkerSettings): typeof Worker {
  return class ConfiguredWorker extends Worker {
    constructor(name: string, processor: Processor, opts: WorkerOptions) {
      super(name, processor, { ...settings, ...opts });
    }
  };
}

/**
 * Applies `QUEUE_LOCK_DURATION_MS`, `QUEUE_STALLED_INTERVAL_MS` and `QUEUE_CONCURRENCY` to every
 * worker of this process.
 * A factory runs while the providers are created, so before `@nestjs/bullmq` builds the workers.
 */
export const workerSettingsProvider: FactoryProvider<WorkerSettings> = {
  provide: WORKER_SETTINGS,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => {
    const settings: WorkerSettings = {
      lockDuration: config.jobs.lockDurationMs,
      stalledInterval: config.jobs.stalledIntervalMs,
      // Jobs of one worker run side by side; each firing or sending is its own transaction and row lock.
      concurrency: config.jobs.concurrency,
    };
    BullModule.workerClass = workerClassWith(settings);
    return settings;
  },
};
