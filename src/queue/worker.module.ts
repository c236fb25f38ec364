import { Module } from '@nestjs/common';
import { QueueModule } from './queue.module';
import { SystemProcessor } from './system.processor';
import { WorkerHeartbeat } from './worker-heartbeat';
import { workerSettingsProvider } from './worker-settings';

/** Job consumers: present only in processes started with APP_ROLE=worker or all. */
@Module({ imports: [QueueModule], providers: [workerSettingsProvider, SystemProcessor, WorkerHeartbeat] })
export class WorkerModule {}
