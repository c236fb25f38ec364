import { Module } from '@nestjs/common';
import { QueueModule } from './queue.module';
import { SystemProcessor } from './system.processor';
import { WorkerHeartbeat } from './worker-heartbeat';

/** Job consumers: present only in processes started with APP_ROLE=worker or all. */
@Module({ imports: [QueueModule], providers: [SystemProcessor, WorkerHeartbeat] })
export class WorkerModule {}
