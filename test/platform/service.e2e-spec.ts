import { getQueueToken } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import { SYSTEM_QUEUE } from '../../src/queue/queue.module';
import { startTestApp, TestApp } from '../support/test-app';

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
