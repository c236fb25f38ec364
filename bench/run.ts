// The benchmark suite: `npm run bench` (BENCH_SCALE=small for a one-minute smoke run). See the
// docs/performance.md. Not part of `npm test`.
import 'reflect-metadata';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import {
  createBenchRun,
  createSectionEnvironment,
  benchRedisUrl,
  databaseUrl,
  destroyBenchRun,
  destroySectionEnvironment,
  type BenchRun,
} from './lib/bench-env';
import { killChildren } from './lib/children';
import type { SuiteContext } from './lib/context';
import { Report } from './lib/report';
import { scaleFromEnv, SECTIONS as SECTION_NAMES, sectionsFromEnv, type Section } from './lib/scale';
import { runDecisions } from './suites/decisions';
import { runDeadlines } from './suites/deadlines';
import { runDrills } from './suites/drills';
import { runLists } from './suites/lists';
import { runPages } from './suites/pages';
import { runRace } from './suites/race';

const SUITES: Record<Section, { title: string; run: (ctx: SuiteContext) => Promise<void> }> = {
  decisions: { title: '1. Grant decisions', run: runDecisions },
  race: { title: '2. Overspend race', run: runRace },
  deadlines: { title: '3. Deadlines at scale', run: runDeadlines },
  lists: { title: '4. Lists and statistics at volume', run: runLists },
  drills: { title: '5. Fault drills', run: runDrills },
  pages: { title: '6. Pages in the browser', run: runPages },
};

async function machine(run: BenchRun) {
  const pg = new Client({ connectionString: databaseUrl(run.template) });
  await pg.connect();
  const [{ version }] = (await pg.query<{ version: string }>('SELECT version()')).rows;
  const settings = (
    await pg.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'synchronous_commit', 'max_connections', 'fsync')`,
    )
  ).rows;
  await pg.end();
  const redis = new Redis(benchRedisUrl());
  const info = await redis.info('server');
  redis.disconnect();
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: version.split(' on ')[0],
    postgresSettings: Object.fromEntries(
      settings.map((s) => [s.name, `${s.setting}${s.unit ? ` ${s.unit}` : ''}`]),
    ),
    redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown',
  };
}

async function main(): Promise<void> {
  const scale = scaleFromEnv();
  const sections = sectionsFromEnv();
  const started = Date.now();
  const log = (message: string) =>
    process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
  log(`bench: scale ${scale.name}, sections ${sections.join(', ')}`);
  const run = await createBenchRun();
  log(
    `databases ${run.template.replace(/_template$/, '_<section>')}, Redis prefixes bench-${run.suffix.replace(/_/g, '-')}-<section>`,
  );
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await killChildren();
    if (process.env.BENCH_KEEP === '1') {
      log(`BENCH_KEEP=1: kept the databases and Redis keys of run ${run.suffix}`);
      return;
    }
    await destroyBenchRun(run).catch((error: unknown) => log(`clean-up failed: ${String(error)}`));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  const report = new Report();
  const timings: Record<string, number> = {};
  try {
    const host = await machine(run);
    log(
      `machine: ${host.cores} cores (${host.cpu}), ${host.memoryGiB} GiB, Node ${host.node}, ${host.postgres}, Redis ${host.redis}`,
    );
    for (const section of sections) {
      const suite = SUITES[section];
      const t = Date.now();
      log(suite.title);
      const env = await createSectionEnvironment(run, section);
      try {
        await suite.run({ env, scale, report, log });
      } catch (error) {
        log(
          `${suite.title} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        report.problem(suite.title.split('.')[0], error);
      } finally {
        await killChildren();
        if (process.env.BENCH_KEEP !== '1') await destroySectionEnvironment(env);
      }
      timings[section] = Math.round((Date.now() - t) / 1000);
      log(`${suite.title}: ${timings[section]} s`);
    }
    const elapsedSeconds = Math.round((Date.now() - started) / 1000);
    const files = report.write(
      join(__dirname, 'results'),
      {
        generatedAt: new Date().toISOString(),
        command: 'npm run bench',
        scale,
        sections,
        elapsedSeconds,
        sectionSeconds: timings,
        machine: host,
      },
      scale.name === 'full' && sections.length === SECTION_NAMES.length,
    );
    process.stdout.write(`\n${report.table()}\n\n`);
    if (report.problems.length) process.stdout.write(`Problems:\n- ${report.problems.join('\n- ')}\n\n`);
    const failed = report.rows.filter((r) => r.verdict === 'FAIL').length;
    log(
      `done in ${elapsedSeconds} s: ${report.rows.length} rows, ${failed} below target; written ${files.join(', ')}`,
    );
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
