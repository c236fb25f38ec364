import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import type { AppConfig } from '../../src/config/app-config';
import { RedisPolicyCheck } from '../../src/redis/redis-policy';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import { SYSTEM_QUEUE } from '../../src/queue/queue.module';
import { startTestApp, TestApp } from '../support/test-app';
import { buildOpenApiDocument } from '../../scripts/openapi-document';

describe('the service: health, OpenAPI, queue, schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is live and ready with PostgreSQL and Redis checked', async () => {
    expect((await t.http().get('/api/v1/health/live')).body).toEqual({ status: 'ok' });
    const ready = await t.http().get('/api/v1/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('serves the very document the web client is generated from without a server', async () => {
    const served = await t.http().get('/api/docs-json');
    expect(served.body).toEqual(await buildOpenApiDocument());
  }, 120_000);

  it('serves the OpenAPI document and Swagger UI generated from the code', async () => {
    const doc = await t.http().get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/organisations',
        '/api/v1/organisations/{id}',
        '/api/v1/staff',
        '/api/v1/health/ready',
      ]),
    );
    expect(doc.body.components.schemas.Problem).toBeDefined();
    expect(doc.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    // A login is the default; @Public() routes say they need none. Errors are problem+json.
    expect(doc.body.security).toEqual([{ bearer: [] }]);
    expect(doc.body.paths['/api/v1/calls'].get.security).toEqual([]);
    expect(doc.body.paths['/api/v1/me'].get.responses['401'].content).toHaveProperty([
      'application/problem+json',
    ]);
    const ui = await t.http().get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('runs a job end to end: the API side adds it, the worker side handles it', async () => {
    const queue = t.app.get<Queue>(getQueueToken(SYSTEM_QUEUE));
    const events = new QueueEvents(SYSTEM_QUEUE, {
      connection: { url: t.config.redis.url },
      prefix: `${t.config.redis.keyPrefix}:bull`,
    });
    await events.waitUntilReady();
    try {
      const sentAt = new Date().toISOString();
      const job = await queue.add('ping', { sentAt });
      const result = await job.waitUntilFinished(events, 10_000);
      expect(result).toMatchObject({ pong: true, sentAt, pid: process.pid });
    } finally {
      await events.close();
    }
  });

  it('has a schema that matches the entities exactly (migrations and entities agree)', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});

describe('readiness and Redis as BullMQ needs it', () => {
  it('is not ready (503 problem naming the worker) when no worker is alive', async () => {
    const api = await startTestApp({ env: { APP_ROLE: 'api' } });
    try {
      const ready = await api.http().get('/api/v1/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(ready.body).toMatchObject({
        code: 'service_unavailable',
        checks: { database: { status: 'up' }, redis: { status: 'up' }, worker: { status: 'down' } },
      });
    } finally {
      await api.close();
    }
  });

  it('warns about, or refuses, a Redis that may evict keys', async () => {
    // Its own Redis on a unix socket in a directory of its own: no TCP port to collide with another
    // test run's (a random port could reach someone else's Redis, with another policy).
    const dir = mkdtempSync(join(tmpdir(), 'redis-evicting-'));
    const socket = join(dir, 'redis.sock');
    const redis = spawn(
      'redis-server',
      [
        '--port',
        '0',
        '--unixsocket',
        socket,
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'allkeys-lru',
      ],
      { stdio: 'ignore' },
    );
    try {
      let client: Redis | null = null;
      // A busy machine may take seconds to start it: wait by the clock.
      const stop = Date.now() + 20_000;
      while (!client) {
        const candidate = new Redis({ path: socket, lazyConnect: true, retryStrategy: () => null });
        try {
          await candidate.connect();
          client = candidate;
        } catch (error) {
          candidate.disconnect();
          if (Date.now() > stop || redis.exitCode !== null) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      const redisClient = client;
      const check = (requireNoEviction: boolean) =>
        new RedisPolicyCheck(redisClient, {
          redis: { requireNoEviction },
        } as unknown as AppConfig).onApplicationBootstrap();
      expect(await new RedisPolicyCheck(redisClient, {} as AppConfig).evictionPolicy()).toBe('allkeys-lru');
      await expect(check(false)).resolves.toBeUndefined();
      await expect(check(true)).rejects.toThrow(/maxmemory-policy is "allkeys-lru".*Refusing to start/);
      redisClient.disconnect();
    } finally {
      if (redis.exitCode === null) {
        const exit = once(redis, 'exit');
        redis.kill();
        await exit;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
