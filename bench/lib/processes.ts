import { hostname } from 'node:os';
import { createServer } from 'node:net';
import Redis from 'ioredis';
import { HEARTBEATS_KEY } from '../../src/queue/worker-heartbeat';
import { benchAppEnv } from './app';
import type { BenchEnvironment } from './bench-env';
import { type Child, spawnTs } from './children';
import { until } from './stats';

/** The entry points check their role at start: they run as the bench's service login. */
const asService = (env: BenchEnvironment) => ({
  DATABASE_URL: env.serviceDatabaseUrl,
  DATABASE_MIGRATION_URL: env.databaseUrl,
});

/** The real worker entry point (`src/worker.ts`, APP_ROLE=worker) on the bench database and prefix. */
export function spawnWorker(env: BenchEnvironment, extra: Record<string, string> = {}): Child {
  return spawnTs('src/worker.ts', {
    ...benchAppEnv(env, { role: 'worker', poolSize: 10 }),
    ...asService(env),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    ...extra,
  });
}

/** Waits until the worker has sent its first heartbeat (it is up and consuming). */
export async function workerReady(env: BenchEnvironment, child: Child, timeoutMs = 120_000): Promise<void> {
  const redis = new Redis(env.redisUrl, { keyPrefix: `${env.redisPrefix}:` });
  try {
    const member = `${hostname()}:${child.process.pid}`;
    const up = await until(
      async () => {
        if (child.exited())
          throw new Error(`worker exited before it was up:\n${child.output().slice(-3000)}`);
        return (await redis.zscore(HEARTBEATS_KEY, member)) !== null;
      },
      timeoutMs,
      200,
    );
    if (!up) throw new Error(`worker not up within ${timeoutMs} ms:\n${child.output().slice(-3000)}`);
  } finally {
    redis.disconnect();
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The real API entry point (`src/main.ts`, APP_ROLE=api) on a free port. */
export async function spawnApi(
  env: BenchEnvironment,
  poolSize: number,
  extra: Record<string, string> = {},
): Promise<{ child: Child; baseUrl: string }> {
  const port = await freePort();
  const child = spawnTs('src/main.ts', {
    ...benchAppEnv(env, { role: 'api', poolSize }),
    ...asService(env),
    PORT: String(port),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    JWT_TTL_SECONDS: '7200',
    ...extra,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const up = await until(
    async () => {
      if (child.exited()) throw new Error(`API exited before it was up:\n${child.output().slice(-3000)}`);
      try {
        return (await fetch(`${baseUrl}/api/v1/health/live`)).ok;
      } catch {
        return false;
      }
    },
    120_000,
    250,
  );
  if (!up) throw new Error(`API not up within 120 s:\n${child.output().slice(-3000)}`);
  return { child, baseUrl };
}
