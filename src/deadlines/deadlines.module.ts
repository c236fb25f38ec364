import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { TransitionRuntimeModule } from '../runtime';
import { DeadlineEffects } from './deadline-effects';
import { DeadlineTimers } from './deadline-timers';

/** Deadline rows written by transitions (every role that runs transitions has it). */
@Module({
  imports: [TransitionRuntimeModule, QueueModule],
  providers: [DeadlineEffects, DeadlineTimers],
  exports: [DeadlineTimers],
})
export class DeadlinesModule {}
