// The deadlines baseline's consumer (bench section 3): a BullMQ worker with a no-op processor, in a
// process of its own, running as many jobs side by side as the service's workers (QUEUE_CONCURRENCY).
import { Worker } from 'bullmq';
import { readChildEnv } from '../lib/bench-env';

async function main(): Promise<void> {
  const { env, parameters } = readChildEnv<{ queue: string; prefix: string; concurrency?: number }>();
  const worker = new Worker(parameters.queue, async () => 'done', {
    connection: { url: env.redisUrl },
    prefix: parameters.prefix,
    concurrency: parameters.concurrency ?? 1,
  });
  await worker.waitUntilReady();
  process.stdout.write('ready\n');
  const shutdown = () => void worker.close().finally(() => process.exit(0));
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

void main();
