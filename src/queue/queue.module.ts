import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** Housekeeping queue; later capabilities add their own queues beside it. */
export const SYSTEM_QUEUE = 'system';

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
  ],
  exports: [BullModule],
})
export class QueueModule {}
