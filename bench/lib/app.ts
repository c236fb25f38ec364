import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Clock } from '@lib/common';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { type AppConfig, type Env, parseConfig } from '../../src/config/app-config';
import { configureHttpApp } from '../../src/http-app';
import type { BenchEnvironment } from './bench-env';

export interface BenchApp {
  app: INestApplication;
  config: AppConfig;
  dataSource: DataSource;
  /** `http://127.0.0.1:<port>` when started with `listen`. */
  baseUrl: string | null;
  close(): Promise<void>;
}

export interface BenchAppOptions {
  role: 'api' | 'worker' | 'all';
  poolSize: number;
  clock?: Clock;
  /** Serve HTTP on an ephemeral port. */
  listen?: boolean;
  env?: Env;
}

/** The environment a bench app (in this process or a child) runs with. */
export function benchAppEnv(env: BenchEnvironment, options: Omit<BenchAppOptions, 'clock' | 'listen'>): Env {
  return {
    NODE_ENV: 'test',
    APP_ROLE: options.role,
    DATABASE_URL: env.databaseUrl,
    DATABASE_POOL_SIZE: String(options.poolSize),
    REDIS_URL: env.redisUrl,
    REDIS_PREFIX: env.redisPrefix,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    LOGIN_RATE_LIMIT: '10000',
    LOGIN_ADDRESS_RATE_LIMIT: '10000',
    MIGRATIONS_RUN: 'false',
    DATABASE_CREATE: 'false',
    SEED_ON_EMPTY: 'false',
    QUEUE_DASHBOARD: 'false',
    ...options.env,
  };
}

/**
 * The whole service as `main.ts` composes it (the same modules, `configureHttpApp`), inside this
 * process, on the bench database, like the end-to-end tests' `startTestApp`.
 */
export async function startBenchApp(env: BenchEnvironment, options: BenchAppOptions): Promise<BenchApp> {
  const config = parseConfig(benchAppEnv(env, options));
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, bufferLogs: true });
  configureHttpApp(app, config);
  let baseUrl: string | null = null;
  if (options.listen) {
    await app.listen(0, '127.0.0.1');
    const address = (app.getHttpServer() as { address(): AddressInfo }).address();
    baseUrl = `http://127.0.0.1:${address.port}`;
  } else {
    await app.init();
  }
  const dataSource = app.get<DataSource>(getDataSourceToken());
  return { app, config, dataSource, baseUrl, close: () => app.close() };
}

interface PgPoolLike {
  options: { idleTimeoutMillis?: number };
  totalCount: number;
  idleCount: number;
}

const poolOf = (dataSource: DataSource) => (dataSource.driver as unknown as { master: PgPoolLike }).master;

/**
 * Lets the app's idle connections close after `ms` (pg's default is 10 s), so that the bench's own
 * baseline pools and the app's never hold more connections together than the server allows.
 */
export function closeIdleConnectionsAfter(dataSource: DataSource, ms: number): void {
  poolOf(dataSource).options.idleTimeoutMillis = ms;
}

export const openConnections = (dataSource: DataSource) => poolOf(dataSource).totalCount;
