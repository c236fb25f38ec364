import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** Housekeeping queue. */
export const SYSTEM_QUEUE = 'system';

/** E-mails to send: one job per notification row, job id = the row's id. */
export const NOTIFICATION_QUEUE = 'notifications';

/** Timers of deadlines: one delayed job per deadline row, job id = the row's id. */
export const DEADLINE_QUEUE = 'deadlines';

/** Journal entries to deliver to the archive: one job per entry, job id = the entry's id. */
export const ARCHIVE_QUEUE = 'archive';

/** Job names of the system queue and their payloads (ids only: the database is the truth). */
export interface SystemJobs {
  /** Round trip through Redis and a worker; proves the wiring. */
  ping: { sentAt: string };
}

/** BullMQ's connection and the queues the API may add jobs to. Processors live in the worker. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redis.url },
        prefix: `${config.redis.keyPrefix}:bull`,
        defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
      }),
    }),
    BullModule.registerQueue({ name: SYSTEM_QUEUE }),
    BullModule.registerQueue({
      name: NOTIFICATION_QUEUE,
      defaultJobOptions: {
        attempts: 8,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: 10_000,
        removeOnFail: 10_000,
      },
    }),
    // Attempts and backoff come with each job, from the configuration (ARCHIVE_ATTEMPTS, …).
    BullModule.registerQueue({
      name: ARCHIVE_QUEUE,
      defaultJobOptions: { removeOnComplete: 10_000, removeOnFail: 10_000 },
    }),
    BullModule.registerQueue({
      name: DEADLINE_QUEUE,
      defaultJobOptions: {
        attempts: 10,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: 10_000,
        removeOnFail: 10_000,
      },
    }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
