import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { createDataSource } from '../../src/database/data-source';
import { ensureServiceLogin } from '../../src/database/database-roles';

/** The PostgreSQL server the bench database is created on (its own database name is ignored). */
export const benchServerUrl = () =>
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const benchRedisUrl = () => process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Every bench database starts with this, so an interrupted run's leftovers can be recognised. */
export const BENCH_DATABASE_PREFIX = 'grants_bench_';
export const BENCH_REDIS_PREFIX = 'bench-';

export function databaseUrl(name: string): string {
  const url = new URL(benchServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** The bench's own service login, for the processes it starts from `main.ts` and `worker.ts`. */
export const BENCH_SERVICE_LOGIN = 'grants_bench_app';

export function serviceDatabaseUrl(name: string): string {
  const url = new URL(databaseUrl(name));
  url.username = BENCH_SERVICE_LOGIN;
  url.password = '';
  return url.toString();
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface BenchEnvironment {
  databaseName: string;
  /**
   * As the owner: the bench's fixtures bulk-load with triggers off and make tables of their own, so
   * the apps it runs in this process connect as the owner too.
   */
  databaseUrl: string;
  /** As the bench's service login: spawned processes refuse to start as anything else. */
  serviceDatabaseUrl: string;
  redisUrl: string;
  /** REDIS_PREFIX of every app the bench starts: all its keys live under `${prefix}:`. */
  redisPrefix: string;
}

/** The run: a migrated template database; each section gets a copy of it and a Redis prefix of its own. */
export interface BenchRun {
  suffix: string;
  template: string;
}

export async function createBenchRun(): Promise<BenchRun> {
  const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const template = `${BENCH_DATABASE_PREFIX}${suffix}_template`;
  await admin((c) => c.query(`CREATE DATABASE "${template}"`));
  const dataSource = await createDataSource({ url: databaseUrl(template), poolSize: 1 }).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  await ensureServiceLogin(databaseUrl(template), serviceDatabaseUrl(template));
  return { suffix, template };
}

/**
 * A fresh database for one section, copied from the run's migrated template (no migration run), and
 * a Redis prefix nobody else uses: sections never see each other's rows, outbox or jobs.
 */
export async function createSectionEnvironment(run: BenchRun, section: string): Promise<BenchEnvironment> {
  const databaseName = `${BENCH_DATABASE_PREFIX}${run.suffix}_${section}`;
  await admin((c) => c.query(`CREATE DATABASE "${databaseName}" TEMPLATE "${run.template}"`));
  return {
    databaseName,
    databaseUrl: databaseUrl(databaseName),
    serviceDatabaseUrl: serviceDatabaseUrl(databaseName),
    redisUrl: benchRedisUrl(),
    redisPrefix: `${BENCH_REDIS_PREFIX}${run.suffix.replace(/_/g, '-')}-${section}`,
  };
}

/** Drops a section's database and deletes its Redis keys; never touches anything else. */
export async function destroySectionEnvironment(env: BenchEnvironment): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${env.databaseName}" WITH (FORCE)`));
  await deleteRedisKeys(env.redisUrl, `${env.redisPrefix}:*`);
}

/** Drops every database of the run (the template included) and deletes every key of its prefixes. */
export async function destroyBenchRun(run: BenchRun): Promise<void> {
  const names = await admin(async (c) =>
    (
      await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
        `${BENCH_DATABASE_PREFIX}${run.suffix}_%`,
      ])
    ).rows.map((r) => r.datname),
  );
  for (const name of names) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  await deleteRedisKeys(benchRedisUrl(), `${BENCH_REDIS_PREFIX}${run.suffix.replace(/_/g, '-')}-*`);
}

/**
 * Deletes every key matching the pattern at once, as FLUSHALL would for this installation alone: a
 * server-side script (SCAN and UNLINK), so that no client sees a half-deleted queue.
 */
export async function flushRedisKeys(redisUrl: string, pattern: string): Promise<number> {
  const redis = new Redis(redisUrl);
  try {
    const script = `
      local cursor = '0'
      local n = 0
      repeat
        local page = redis.call('SCAN', cursor, 'MATCH', ARGV[1], 'COUNT', 5000)
        cursor = page[1]
        for _, key in ipairs(page[2]) do
          redis.call('UNLINK', key)
          n = n + 1
        end
      until cursor == '0'
      return n`;
    return Number(await redis.eval(script, 0, pattern));
  } finally {
    redis.disconnect();
  }
}

/** Deletes every key matching the pattern (SCAN + UNLINK); returns how many. */
export async function deleteRedisKeys(redisUrl: string, pattern: string): Promise<number> {
  const redis = new Redis(redisUrl);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 2000);
      if (keys.length) deleted += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/**
 * Redis memory held by the keys matching a pattern: the sum of `MEMORY USAGE` (all nested values
 * sampled), which isolates this run's keys from everything else on a shared Redis.
 */
export async function redisBytes(
  redisUrl: string,
  pattern: string,
): Promise<{ keys: number; bytes: number }> {
  const redis = new Redis(redisUrl);
  let keys = 0;
  let bytes = 0;
  try {
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 2000);
      if (found.length) {
        const pipeline = redis.pipeline();
        for (const key of found) pipeline.call('MEMORY', 'USAGE', key, 'SAMPLES', '0');
        const results = (await pipeline.exec()) ?? [];
        for (const [, value] of results) bytes += Number(value ?? 0);
        keys += found.length;
      }
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return { keys, bytes };
}

/** How a bench child process learns the run's environment (and its own parameters). */
export const CHILD_ENV = 'BENCH_CHILD';

export function childEnv(env: BenchEnvironment, parameters: object): Record<string, string> {
  return { [CHILD_ENV]: JSON.stringify({ env, parameters }) };
}

export function readChildEnv<P>(): { env: BenchEnvironment; parameters: P } {
  const raw = process.env[CHILD_ENV];
  if (!raw) throw new Error(`${CHILD_ENV} is not set: bench children are started by bench/run.ts`);
  return JSON.parse(raw) as { env: BenchEnvironment; parameters: P };
}
