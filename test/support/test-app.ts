import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Clock } from '@lib/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import {
  createTestDatabase,
  deleteRedisPrefix,
  TestDatabase,
  testRedisUrl,
  uniqueRedisPrefix,
} from '@lib/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { AppConfig, Env, parseConfig } from '../../src/config/app-config';
import { createDataSource } from '../../src/database/data-source';
import { configureHttpApp } from '../../src/http-app';
import { DEMO_PASSWORD, seedDemoDataIfEmpty } from '../../src/seed/demo-data';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  /** The service's pool: its login owns nothing and may only append to the history tables. */
  dataSource: DataSource;
  /** The owner's connection, for set-up and inspection the service may not do (tampering included). */
  owner: DataSource;
  /** supertest bound to the running app. */
  http: () => ReturnType<typeof request>;
  /** Logs in and returns an `Authorization` header value (cached per e-mail). */
  bearer(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Env;
  /** Seed the demo county, staff and organisations (default true). */
  seed?: boolean;
  /** Extra modules or controllers for probing shared mechanisms. */
  imports?: ModuleMetadata['imports'];
  controllers?: ModuleMetadata['controllers'];
  /** Use this database (another app's) instead of a fresh one; it is not dropped on close. */
  shareDatabaseOf?: TestApp;
  /** Replaces the system clock (e.g. a ManualClock). */
  clock?: Clock;
  /**
   * Whether the seeded counties require staff to declare impartiality (habilitet) before acting on a
   * case. The product's default is true; here it is false unless asked for, so that the flows written
   * before the requirement act without declaring. The impartiality tests (and any test of a staff
   * flow written since) ask for it.
   */
  impartialityRequired?: boolean;
}

/**
 * The whole service as `main.ts` builds it, on a fresh database and a Redis prefix of its own.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const shared = options.shareDatabaseOf;
  const database: TestDatabase = shared
    ? {
        name: '',
        url: shared.config.database.url,
        ownerUrl: shared.config.database.migrationUrl,
        drop: async () => undefined,
      }
    : await createTestDatabase();
  const prefix = shared ? shared.config.redis.keyPrefix : uniqueRedisPrefix();
  // Attachments' bytes in a directory of this app's own, removed with it.
  const attachmentDirectory = shared ? '' : await mkdtemp(join(tmpdir(), 'grant-attachments-'));
  const config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATABASE_MIGRATION_URL: database.ownerUrl,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: prefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_ADDRESS_RATE_LIMIT: '1000',
    ATTACHMENT_DIR: shared ? shared.config.attachments.directory : attachmentDirectory,
    ...options.env,
  });
  const builder = Test.createTestingModule({
    imports: [AppModule.forRoot(config), ...(options.imports ?? [])],
    controllers: options.controllers ?? [],
  });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, bufferLogs: true });
  configureHttpApp(app, config);
  await app.init();
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const owner = await createDataSource({ url: database.ownerUrl, poolSize: 2 }).initialize();
  if (options.seed !== false) {
    await seedDemoDataIfEmpty(dataSource.manager, { bookedAt: options.clock?.now() });
    if (!shared)
      await dataSource.query(`UPDATE county SET impartiality_required = $1`, [
        options.impartialityRequired ?? false,
      ]);
  }

  const tokens = new Map<string, string>();
  const http = () => request(app.getHttpServer());
  return {
    app,
    config,
    dataSource,
    owner,
    http,
    async bearer(email, password = DEMO_PASSWORD) {
      const cached = tokens.get(email);
      if (cached) return cached;
      const response = await http().post('/api/v1/auth/login').send({ email, password });
      if (response.status !== 200)
        throw new Error(`login ${email} failed: ${response.status} ${response.text}`);
      const header = `Bearer ${(response.body as { accessToken: string }).accessToken}`;
      tokens.set(email, header);
      return header;
    },
    async close() {
      await app.close();
      await owner.destroy();
      await database.drop();
      if (!shared) await deleteRedisPrefix(prefix);
      if (!shared) await rm(attachmentDirectory, { recursive: true, force: true });
    },
  };
}
