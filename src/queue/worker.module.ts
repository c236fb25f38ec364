import { Module } from '@nestjs/common';
import { QueueModule } from './queue.module';
import { SystemProcessor } from './system.processor';

/** Job consumers: present only in processes started with APP_ROLE=worker or all. */
@Module({ imports: [QueueModule], providers: [SystemProcessor] })
export class WorkerModule {}
