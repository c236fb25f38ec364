import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { DEADLINE_QUEUE } from '../queue/queue.module';

export interface FireDeadlineJob {
  deadlineId: string;
}

/**
 * The BullMQ side of deadlines. Job id = deadline id, so adding twice is harmless while the job
 * exists; once it is gone, the handler's re-read of the row makes a second firing a no-op.
 */
@Injectable()
export class DeadlineTimers {
  constructor(@InjectQueue(DEADLINE_QUEUE) readonly queue: Queue<FireDeadlineJob>) {}

  async arm(deadlines: ReadonlyArray<{ deadlineId: string; dueAt: Date }>, now: Date): Promise<void> {
    if (!deadlines.length) return;
    await this.queue.addBulk(
      deadlines.map(({ deadlineId, dueAt }) => ({
        name: 'fire',
        data: { deadlineId },
        opts: { jobId: deadlineId, delay: Math.max(0, dueAt.getTime() - now.getTime()) },
      })),
    );
  }

  async disarm(deadlineId: string): Promise<void> {
    const job = await this.queue.getJob(deadlineId);
    // A job being processed is locked; its handler will find the row cancelled and do nothing.
    if (job && (await job.isDelayed())) await job.remove().catch(() => undefined);
  }

  /** Which of these deadlines have no job in Redis (flushed, restarted without persistence). */
  async missing(deadlineIds: readonly string[]): Promise<string[]> {
    if (!deadlineIds.length) return [];
    const backend = this.queue.getBackend();
    const client = (await backend.client) as unknown as Redis;
    const pipeline = client.pipeline();
    for (const id of deadlineIds) pipeline.exists(backend.toKey(id));
    const results = (await pipeline.exec()) ?? [];
    return deadlineIds.filter((_, i) => results[i]?.[1] === 0);
  }

  /**
   * Makes a due deadline's job run now: a delayed job is promoted; a job that already ended while
   * the row is still scheduled (it failed every attempt, or ran early by a skewed clock and found the
   * deadline not yet due) is replaced, since a job id only deduplicates while the job exists.
   * Returns what it did; a waiting or running job is left alone.
   */
  async nudge(deadlineId: string): Promise<'promoted' | 'replaced' | 'left'> {
    const job = await this.queue.getJob(deadlineId);
    if (!job) return 'left';
    const state = await job.getState();
    if (state === 'delayed') {
      await job.promote().catch(() => undefined);
      return 'promoted';
    }
    if (state === 'completed' || state === 'failed') {
      await job.remove();
      await this.queue.add('fire', { deadlineId }, { jobId: deadlineId });
      return 'replaced';
    }
    return 'left';
  }
}
