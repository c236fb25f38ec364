import { Queue, QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import type { EntityManager } from 'typeorm';
import { DeadlineSweeper } from '../../src/deadlines/deadline-sweeper';
import { scheduleDeadline } from '../../src/deadlines/deadline-effects';
import { lifecycleDeadline } from '../../src/deadlines/deadline-type';
import { DeadlineTimers } from '../../src/deadlines/deadline-timers';
import { DEADLINE_QUEUE } from '../../src/queue/queue.module';
import { ApplicationsService } from '../../src/applications/applications.service';
import { DeadlineProcessor } from '../../src/deadlines/deadline.processor';
import { NotificationService } from '../../src/notifications/notification.service';
import { SchemeRegistry } from '../../src/schemes/scheme-registry';
import { InterimReportsService } from '../../src/interim-reports/interim-reports.service';
import { RepaymentClaimsService } from '../../src/settlement/repayment-claims.service';
import { parseConfig } from '../../src/config/app-config';
import { benchAppEnv, startBenchApp, type BenchApp } from '../lib/app';
import { verifyDeadlines } from '../lib/checks';
import {
  childEnv,
  deleteRedisKeys,
  flushRedisKeys,
  redisBytes,
  type BenchEnvironment,
} from '../lib/bench-env';
import { type Child, spawnTs, stop } from '../lib/children';
import type { SuiteContext } from '../lib/context';
import { grantedApplications, seedPeople, SwitchClock, templateApplication } from '../lib/fixtures';
import { spawnWorker, workerReady } from '../lib/processes';
import { below, exactly, ratioAtMost } from '../lib/report';
import { closedLoop, percentile, sleep, until } from '../lib/stats';

const SECTION = '3';
const AMOUNT = 20_000_000;
const FRAMES = 20;
const BARE_QUEUE = 'bare';

/** Completion times (Redis clock, from the queue's event stream ids) of jobs, by job id. */
class Completions {
  readonly at = new Map<string, number>();
  readonly returns = new Map<string, unknown>();
  private readonly events: QueueEvents;

  constructor(queue: string, prefix: string, redisUrl: string) {
    this.events = new QueueEvents(queue, { connection: { url: redisUrl }, prefix, lastEventId: '$' });
    this.events.on(
      'completed',
      ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }, id: string) => {
        if (!this.at.has(jobId)) this.at.set(jobId, Number(id.split('-')[0]));
        this.returns.set(jobId, returnvalue);
      },
    );
    this.events.on('error', () => undefined);
  }

  ready(): Promise<void> {
    return this.events.waitUntilReady().then(() => undefined);
  }

  close(): Promise<void> {
    return this.events.close();
  }
}

interface Lateness {
  due: number;
  fired: number;
  /** Due in the window but not fired by its end. */
  unfired: number;
  p50: number;
  p99: number;
  max: number;
  firedPerSecond: number;
}

/**
 * Lateness (completion − due, ms) of the jobs due within [start, end); a job not done by `end`
 * counts as late by at least `end − due` (so p99 is a lower bound when some are unfired).
 */
function lateness(
  due: ReadonlyMap<string, number>,
  done: ReadonlyMap<string, number>,
  start: number,
  end: number,
): Lateness {
  const samples: number[] = [];
  let fired = 0;
  let unfired = 0;
  let firedInWindow = 0;
  for (const [id, dueAt] of due) {
    if (dueAt < start || dueAt >= end) continue;
    const at = done.get(id);
    if (at !== undefined && at <= end) {
      samples.push(at - dueAt);
      fired++;
    } else {
      samples.push(end - dueAt);
      unfired++;
    }
  }
  for (const at of done.values()) if (at >= start && at <= end) firedInWindow++;
  samples.sort((a, b) => a - b);
  return {
    due: samples.length,
    fired,
    unfired,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples[samples.length - 1] ?? Number.NaN,
    firedPerSecond: firedInWindow / ((end - start) / 1000),
  };
}

/**
 * 3. Deadlines at scale: `count` acceptance deadlines of granted applications, scheduled through
 * the real path (deadline row + outbox row in a transaction; the worker's outbox dispatcher arms the
 * BullMQ timers), due at `perSecond` from a start time; the worker (src/worker.ts, its own process)
 * fires them through the lifecycle (lapse, release of the money). Then Redis loses every key of the
 * installation with most still pending, and the sweeper re-arms them from PostgreSQL. Baseline: bare
 * BullMQ delayed jobs, added in bulk and processed by a no-op worker at the same rate.
 */
export async function runDeadlines(ctx: SuiteContext): Promise<void> {
  const { count, perSecond, leadSeconds, workers: workerCount } = ctx.scale.deadlines;
  const windowMs = ctx.scale.deadlines.windowSeconds * 1000;
  const { env, report } = ctx;
  const clock = new SwitchClock();
  const bench = await startBenchApp(env, { role: 'api', poolSize: 10, clock });
  const workers: Child[] = [];
  let completions: Completions | null = null;
  try {
    const people = await seedPeople(bench.dataSource);
    const template = await templateApplication(bench, clock, people, AMOUNT, true);
    clock.follow();
    const t = Date.now();
    const { ids, frameIds } = await grantedApplications(bench, people, template, count, FRAMES, 'dl');
    await bench.dataSource.query('VACUUM ANALYZE application, grant_position, ledger_entry, audit_record');
    ctx.log(
      `${ids.length} granted applications on ${frameIds.length} frames in ${((Date.now() - t) / 1000).toFixed(0)} s`,
    );

    // The workers first, so that their outbox dispatcher arms timers while the rows are written.
    // Their periodic sweep is pushed out: the bench runs the sweep itself, after the flush.
    for (let i = 0; i < workerCount; i++) workers.push(spawnWorker(env, { SWEEP_INTERVAL_SECONDS: '3600' }));
    await Promise.all(workers.map((w) => workerReady(env, w)));
    completions = new Completions(DEADLINE_QUEUE, `${env.redisPrefix}:bull`, env.redisUrl);
    await completions.ready();

    // ── Scheduling ──────────────────────────────────────────────────────────────────────────
    const scheduleStart = Date.now();
    const firstDue = scheduleStart + leadSeconds * 1000;
    const dueOf = (i: number) => firstDue + Math.floor((i * 1000) / perSecond);
    const due = new Map<string, number>();
    const BATCH = 100;
    let nextBatch = 0;
    const writer = async () => {
      for (;;) {
        const start = nextBatch++ * BATCH;
        if (start >= ids.length) return;
        const rows = await bench.dataSource.transaction(async (tx: EntityManager) => {
          const made: Array<[string, number]> = [];
          for (let i = start; i < Math.min(start + BATCH, ids.length); i++) {
            const deadline = await scheduleDeadline(
              tx,
              { applicationId: ids[i] },
              lifecycleDeadline('acceptance'),
              new Date(dueOf(i)),
              null,
            );
            made.push([deadline.id, dueOf(i)]);
          }
          return made;
        });
        for (const [id, at] of rows) due.set(id, at);
      }
    };
    await Promise.all(Array.from({ length: 4 }, writer));
    const writtenMs = Date.now() - scheduleStart;
    const armed = await until(
      async () =>
        Number(
          (
            await bench.dataSource.query<Array<{ n: string }>>(
              `SELECT count(*) AS n FROM outbox_message WHERE kind = 'deadline.arm' AND dispatched_at IS NULL`,
            )
          )[0].n,
        ) === 0,
      30 * 60_000,
      200,
    );
    const armedMs = Date.now() - scheduleStart;
    if (!armed) throw new Error('the outbox dispatcher did not arm the deadlines');
    const lateArmed = armedMs > leadSeconds * 1000;
    const memory = await redisBytes(env.redisUrl, `${env.redisPrefix}:bull:${DEADLINE_QUEUE}:*`);
    const jobsInRedis = await countJobs(env, `${env.redisPrefix}:bull`, DEADLINE_QUEUE);
    ctx.log(
      `scheduled ${count}: rows in ${(writtenMs / 1000).toFixed(1)} s, armed in ${(armedMs / 1000).toFixed(1)} s; ${memory.bytes} B in ${memory.keys} keys for ${jobsInRedis} jobs`,
    );

    // ── Firing ──────────────────────────────────────────────────────────────────────────────
    const windowEnd = firstDue + windowMs;
    await sleep(Math.max(0, windowEnd - Date.now()));
    const ours = lateness(due, completions.at, firstDue, windowEnd);
    const [{ per_firing_ms: dbFiringMs }] = await bench.dataSource.query<
      Array<{ per_firing_ms: number | null }>
    >(
      `SELECT extract(epoch FROM max(settled_at) - min(settled_at)) * 1000 / nullif(count(*) - 1, 0) AS per_firing_ms
         FROM deadline WHERE status = 'fired' AND kind = 'acceptance'`,
    );
    ctx.log(
      `window of ${windowMs / 1000} s: ${ours.fired} of ${ours.due} due fired (${ours.firedPerSecond.toFixed(1)}/s), lateness p50 ${ours.p50} ms, p99 ≥ ${ours.p99} ms`,
    );

    // ── Redis loses everything of this installation; the sweeper repairs from PostgreSQL ────────
    const [{ pending }] = await bench.dataSource.query<Array<{ pending: number }>>(
      `SELECT count(*)::int AS pending FROM deadline WHERE status = 'scheduled' AND kind = 'acceptance'`,
    );
    const flushedKeys = await flushRedisKeys(env.redisUrl, `${env.redisPrefix}:*`);
    const sweeper = new DeadlineSweeper(bench.dataSource, bench.app.get(DeadlineTimers), clock, bench.config);
    const sweep = await sweeper.sweep();
    ctx.log(`flushed ${flushedKeys} keys with ${pending} pending; sweep ${JSON.stringify(sweep)}`);
    const afterFlush = Date.now();
    await sleep(Math.min(5_000, windowMs / 3));
    const repairedFired = [...completions.at.values()].filter((at) => at >= afterFlush).length;
    await Promise.all(workers.map((w) => stop(w, 30_000)));
    workers.length = 0;
    await completions.close();
    completions = null;
    const capacity = await firingCapacity(ctx, bench, clock);
    // The re-arm again, Redis lost once more, now with the workers stopped: the same conditions as
    // the baseline's bulk add (nothing else running).
    const [{ pending: pendingQuiet }] = await bench.dataSource.query<Array<{ pending: number }>>(
      `SELECT count(*)::int AS pending FROM deadline WHERE status = 'scheduled' AND kind = 'acceptance'`,
    );
    await flushRedisKeys(env.redisUrl, `${env.redisPrefix}:*`);
    const quietSweep = await sweeper.sweep();
    ctx.log(
      `second flush with the workers stopped: ${pendingQuiet} pending; sweep ${JSON.stringify(quietSweep)}`,
    );
    const check = await verifyDeadlines(bench, 'BENCH-dl-%', frameIds);
    ctx.log(`after the drill: ${JSON.stringify(check)}`);

    // ── Baseline: bare BullMQ delayed jobs ──────────────────────────────────────────────────
    const bare = await bareBaseline(ctx, count, perSecond, windowMs);

    report.detail('deadlines', {
      count,
      perSecond,
      leadSeconds,
      workers: workerCount,
      windowSeconds: windowMs / 1000,
      schedule: { rowsWrittenMs: writtenMs, armedMs, armedAfterFirstDue: lateArmed },
      memory: { ...memory, jobsInRedis },
      ours,
      dbSecondsPerFiring: dbFiringMs === null ? null : Number(dbFiringMs) / 1000,
      flush: { pending, flushedKeys, sweep, firedInNextSeconds: repairedFired },
      quietFlush: { pending: pendingQuiet, sweep: quietSweep },
      capacity,
      check,
      bare,
    });

    report.add(SECTION, `schedule rate: ${count} deadlines written and armed through the outbox`, {
      ours: (count / armedMs) * 1000,
      baseline: bare.addPerSecond,
      unit: '/s',
      note: `rows written at ${((count / writtenMs) * 1000).toFixed(0)}/s; baseline = bare BullMQ addBulk${lateArmed ? '; arming ended after the first deadline was due' : ''}`,
    });
    report.add(SECTION, `firing lateness p50, ${perSecond} due/s, first ${windowMs / 1000} s`, {
      ours: ours.p50,
      baseline: bare.lateness.p50,
      unit: 'ms',
    });
    report.add(
      SECTION,
      `firing lateness p99 (fire + full transition), ${perSecond} due/s`,
      {
        ours: ours.p99,
        baseline: bare.lateness.p99,
        unit: 'ms',
        note: `${ours.fired} of ${ours.due} due in the window fired (${ours.firedPerSecond.toFixed(0)}/s by ${workerCount} worker${workerCount > 1 ? 's' : ''} × ${workerConcurrency(env)} side by side)${ours.unfired ? '; unfired ones count as late as the window end, so this is a lower bound' : ''}`,
      },
      below(1000, 'ms'),
    );
    for (const c of capacity)
      report.add(
        SECTION,
        `what-if: firing capacity with ${c.concurrency} firing${c.concurrency > 1 ? 's' : ''} at a time (DeadlineProcessor.fire)`,
        {
          ours: c.perSecond,
          baseline: capacity[0].perSecond,
          unit: '/s',
          note: `p50 ${c.p50.toFixed(1)} ms per firing, in the bench process; the worker runs ${workerConcurrency(env)} side by side (QUEUE_CONCURRENCY)`,
        },
      );
    report.add(
      SECTION,
      'Redis memory per pending deadline',
      {
        ours: memory.bytes / Math.max(1, jobsInRedis),
        baseline: bare.bytesPerJob,
        unit: 'B',
        note: `${jobsInRedis} jobs in Redis when armed`,
      },
      ratioAtMost(2),
    );
    report.add(SECTION, `sweeper repair while the worker fires: ${sweep.rearmed} re-armed`, {
      ours: sweep.elapsedMs / 1000,
      baseline: sweep.rearmed / bare.addPerSecond || null,
      unit: 's',
      note: `${pending} of ${count} were pending at the flush; ${repairedFired} fired in the next ${Math.min(5, windowMs / 3000).toFixed(0)} s; baseline = bare addBulk of as many`,
    });
    report.add(
      SECTION,
      `sweeper re-arm of ${quietSweep.rearmed} deadlines after losing Redis, workers stopped`,
      {
        ours: quietSweep.elapsedMs / 1000,
        baseline: quietSweep.rearmed / bare.addPerSecond || null,
        unit: 's',
        note: `baseline = bare BullMQ addBulk of as many jobs (${bare.addPerSecond.toFixed(0)}/s, nothing else running)`,
      },
      ratioAtMost(2),
    );
    report.add(
      SECTION,
      'deadlines lost or applied twice after the flush',
      {
        ours: check.lost + check.doubled + check.inconsistent,
        unit: '',
        note: `${check.fired} fired exactly once, ${check.scheduled} still scheduled, all with a job: ${check.lost === 0}; ${check.inconsistent} inconsistent; frames equal their rebuild: ${check.framesBalanced}`,
      },
      exactly(0),
    );
  } finally {
    await completions?.close().catch(() => undefined);
    await Promise.all(workers.map((w) => stop(w, 10_000)));
    await bench.close();
  }
}

/**
 * How many due deadlines the processor's own `fire` (one transaction each, the whole lapse) gets
 * through per second, one at a time as the worker runs it, and ten at a time: the effect a
 * concurrency setting on the processor would have, measured on the deadlines still scheduled.
 */
async function firingCapacity(ctx: SuiteContext, bench: BenchApp, clock: SwitchClock) {
  const processor = new DeadlineProcessor(
    bench.dataSource,
    bench.app.get(ApplicationsService),
    clock,
    bench.app.get(NotificationService),
    bench.app.get(SchemeRegistry),
    bench.app.get(RepaymentClaimsService),
    bench.app.get(InterimReportsService),
  );
  const seconds = ctx.scale.name === 'full' ? 4 : 2;
  const results = [];
  for (const concurrency of [1, 10]) {
    const ids = (
      await bench.dataSource.query<Array<{ id: string }>>(
        `SELECT id FROM deadline WHERE status = 'scheduled' AND kind = 'acceptance' AND due_at < now() ORDER BY due_at LIMIT $1`,
        [concurrency * seconds * 200],
      )
    ).map((r) => r.id);
    const outcomes: Record<string, number> = {};
    const result = await closedLoop(
      {
        count: ids.length - 2 * concurrency,
        concurrency,
        warmup: 2 * concurrency,
        durationMs: seconds * 1000,
      },
      async (i) => {
        const outcome = await processor.fire(ids[i]);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      },
    );
    results.push({
      concurrency,
      perSecond: result.throughput,
      p50: result.latency.p50,
      p99: result.latency.p99,
      outcomes,
      failed: result.failed,
    });
  }
  ctx.log(`firing capacity: ${JSON.stringify(results)}`);
  return results;
}

/** How many jobs a worker of the service runs side by side (QUEUE_CONCURRENCY, as the bench starts it). */
function workerConcurrency(env: BenchEnvironment): number {
  return parseConfig(benchAppEnv(env, { role: 'worker', poolSize: 10 })).jobs.concurrency;
}

async function countJobs(env: BenchEnvironment, prefix: string, queue: string): Promise<number> {
  const redis = new Redis(env.redisUrl);
  try {
    const base = `${prefix}:${queue}`;
    const [delayed, wait, active, completed, failed] = await Promise.all([
      redis.zcard(`${base}:delayed`),
      redis.llen(`${base}:wait`),
      redis.llen(`${base}:active`),
      redis.zcard(`${base}:completed`),
      redis.zcard(`${base}:failed`),
    ]);
    return delayed + wait + active + completed + failed;
  } finally {
    redis.disconnect();
  }
}

/** Bare BullMQ: `count` delayed jobs added in bulk, due at the same rate, consumed by a no-op worker. */
async function bareBaseline(ctx: SuiteContext, count: number, perSecond: number, windowMs: number) {
  const { env } = ctx;
  const prefix = `${env.redisPrefix}:bare`;
  const queue = new Queue(BARE_QUEUE, {
    connection: { url: env.redisUrl },
    prefix,
    defaultJobOptions: { removeOnComplete: 10_000, removeOnFail: 10_000 },
  });
  const completions = new Completions(BARE_QUEUE, prefix, env.redisUrl);
  let worker: Child | null = null;
  try {
    await queue.waitUntilReady();
    await completions.ready();
    worker = spawnTs(
      'bench/children/bare-worker.ts',
      childEnv(env, { queue: BARE_QUEUE, prefix, concurrency: workerConcurrency(env) }),
    );
    await worker.waitForLine((l) => l === 'ready', 120_000);
    // Far enough ahead that the bulk add ends first (it runs at several thousand a second).
    const lead = 5_000 + Math.ceil(count / 8);
    const addStart = Date.now();
    const firstDue = addStart + lead;
    const due = new Map<string, number>();
    const CHUNK = 1000;
    for (let start = 0; start < count; start += CHUNK) {
      const jobs = [];
      for (let i = start; i < Math.min(count, start + CHUNK); i++) {
        const at = firstDue + Math.floor((i * 1000) / perSecond);
        const jobId = `bare-${i}`;
        due.set(jobId, at);
        jobs.push({ name: 'fire', data: {}, opts: { jobId, delay: Math.max(0, at - Date.now()) } });
      }
      await queue.addBulk(jobs);
    }
    const addMs = Date.now() - addStart;
    const memory = await redisBytes(env.redisUrl, `${prefix}:${BARE_QUEUE}:*`);
    const jobs = await countJobs(env, prefix, BARE_QUEUE);
    const windowEnd = firstDue + windowMs;
    await sleep(Math.max(0, windowEnd - Date.now()) + 200);
    const result = lateness(due, completions.at, firstDue, windowEnd);
    ctx.log(
      `bare BullMQ: added ${count} in ${(addMs / 1000).toFixed(1)} s, ${memory.bytes} B for ${jobs} jobs; lateness p50 ${result.p50} p99 ${result.p99} ms (${result.fired}/${result.due})`,
    );
    return {
      addMs,
      addPerSecond: (count / addMs) * 1000,
      bytesPerJob: memory.bytes / Math.max(1, jobs),
      memory,
      jobs,
      lateness: result,
    };
  } finally {
    if (worker) await stop(worker);
    await completions.close().catch(() => undefined);
    await queue.close();
    await deleteRedisKeys(env.redisUrl, `${prefix}:*`);
  }
}
