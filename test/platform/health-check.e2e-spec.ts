import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { deleteRedisPrefix, testRedisUrl, uniqueRedisPrefix } from '@lib/testing';
import Redis from 'ioredis';
import { parseConfig } from '../../src/config/app-config';
import { probeHealth } from '../../src/health/health-probe';
import { HEARTBEAT_STALE_AFTER_MS, HEARTBEATS_KEY } from '../../src/queue/worker-heartbeat';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');

/** Runs the compose healthcheck command (from source) and returns its exit code and line. */
async function healthCheck(env: Record<string, string>): Promise<{ code: number | null; line: string }> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'src/health-check.ts'],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', TS_NODE_PROJECT: 'tsconfig.json', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, line: out.trim() };
}

describe('the container health check', () => {
  let worker: TestApp;
  const stalePrefix = uniqueRedisPrefix();
  const redis = new Redis(testRedisUrl(), { keyPrefix: `${stalePrefix}:` });

  beforeAll(async () => {
    worker = await startTestApp({ env: { APP_ROLE: 'worker' }, seed: false });
  });
  afterAll(async () => {
    await worker.close();
    redis.disconnect();
    await deleteRedisPrefix(stalePrefix);
  });

  const workerEnv = (prefix: string) => ({
    APP_ROLE: 'worker',
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: prefix,
  });

  it('passes for a running worker: its heartbeat is fresh', async () => {
    const result = await healthCheck(workerEnv(worker.config.redis.keyPrefix));
    expect(result).toMatchObject({ code: 0, line: expect.stringMatching(/^healthy: last heartbeat/) });
  }, 30_000);

  it('fails when the worker on this host has stopped beating, or has never beaten', async () => {
    const now = Date.now();
    await redis.zadd(HEARTBEATS_KEY, now - HEARTBEAT_STALE_AFTER_MS - 1000, `${hostname()}:999999`);
    // Another host's worker is alive; it says nothing about the one in this container.
    await redis.zadd(HEARTBEATS_KEY, now, 'another-container:1');
    const [stale, none] = await Promise.all([
      healthCheck(workerEnv(stalePrefix)),
      healthCheck(workerEnv(uniqueRedisPrefix())),
    ]);
    expect(stale).toMatchObject({
      code: 1,
      line: expect.stringMatching(/^unhealthy: last heartbeat .* 3\d s ago$/),
    });
    expect(none).toMatchObject({ code: 1, line: expect.stringMatching(/^unhealthy: no heartbeat/) });
  }, 30_000);

  it('fails a worker whose Redis does not answer', async () => {
    const config = parseConfig({ APP_ROLE: 'worker', REDIS_URL: 'redis://127.0.0.1:1' });
    await expect(probeHealth(config)).resolves.toMatchObject({ healthy: false });
  });

  it('asks an HTTP process its readiness: 200 with a worker alive, not healthy without', async () => {
    const listening = async (app: TestApp) => {
      await app.app.listen(0, '127.0.0.1');
      return { ...app.config, port: (app.app.getHttpServer().address() as AddressInfo).port };
    };
    // Beside the running worker (same database and Redis prefix), and alone.
    const beside = await startTestApp({ env: { APP_ROLE: 'api' }, shareDatabaseOf: worker });
    const alone = await startTestApp({ env: { APP_ROLE: 'api' }, seed: false });
    try {
      await expect(probeHealth(await listening(beside))).resolves.toMatchObject({
        healthy: true,
        detail: expect.stringContaining('answered 200'),
      });
      await expect(probeHealth(await listening(alone))).resolves.toMatchObject({
        healthy: false,
        detail: expect.stringContaining('answered 503'),
      });
    } finally {
      await beside.close();
      await alone.close();
    }
  });
});
