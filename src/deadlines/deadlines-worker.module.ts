import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { QueueModule } from '../queue/queue.module';
import { DeadlineSweeper } from './deadline-sweeper';
import { DeadlineProcessor } from './deadline.processor';
import { DeadlinesModule } from './deadlines.module';
import { OutboxDispatcher } from './outbox-dispatcher';

/** The worker's part: the outbox dispatcher, the firing of deadlines, and the sweeper. */
@Module({
  imports: [ApplicationsModule, QueueModule, DeadlinesModule],
  providers: [OutboxDispatcher, DeadlineProcessor, DeadlineSweeper],
})
export class DeadlinesWorkerModule {}
