import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { SYSTEM_QUEUE, SystemJobs } from './queue.module';

type SystemJob = { [K in keyof SystemJobs]: Job<SystemJobs[K], unknown, K> }[keyof SystemJobs];

@Processor(SYSTEM_QUEUE)
export class SystemProcessor extends WorkerHost {
  private readonly logger = new Logger(SystemProcessor.name);

  async process(job: SystemJob): Promise<unknown> {
    switch (job.name) {
      case 'ping':
        this.logger.debug(`ping ${job.id} sent at ${job.data.sentAt}`);
        return { pong: true, sentAt: job.data.sentAt, handledAt: new Date().toISOString(), pid: process.pid };
      default: {
        const unknown: never = job.name;
        throw new Error(`No handler for system job "${String(unknown)}"`);
      }
    }
  }
}
