import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { TransitionRuntimeModule } from '../runtime';
import { DeadlineEffects } from './deadline-effects';
import { DeadlineTimers } from './deadline-timers';
import { DeadlinesService } from './deadlines.service';

/**
 * Deadline rows written by transitions (every role that runs transitions has it), and the call
 * announcements publishing a call schedules (`DeadlinesService`).
 */
@Module({
  imports: [TransitionRuntimeModule, QueueModule],
  providers: [DeadlineEffects, DeadlineTimers, DeadlinesService],
  exports: [DeadlineTimers, DeadlinesService],
})
export class DeadlinesModule {}
