import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { QueueModule } from '../queue/queue.module';
import { DeadlineEffects } from './deadline-effects';
import { DeadlineTimers } from './deadline-timers';

/** Deadline rows written by transitions (every role that runs transitions has it). */
@Module({
  imports: [ApplicationsModule, QueueModule],
  providers: [DeadlineEffects, DeadlineTimers],
  exports: [DeadlineTimers],
})
export class DeadlinesModule {}
