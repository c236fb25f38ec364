import { ManualClock } from '@lib/common';
import { Pool, type PoolClient } from 'pg';
import { ApplicationsService } from '../../src/applications/applications.service';
import { DEMO_PASSWORD } from '../../src/seed/demo-data';
import { closeIdleConnectionsAfter, openConnections, startBenchApp, type BenchApp } from '../lib/app';
import type { SuiteContext } from '../lib/context';
import {
  copyApplication,
  DECISION_TIME,
  frameAndCall,
  seedPeople,
  templateApplication,
  type People,
} from '../lib/fixtures';
import { HttpClient } from '../lib/http-client';
import { MachineTimer, snapshotJsonCostMs } from '../lib/machine-timer';
import { profile, type ProfileSummary } from '../lib/profile';
import { rawDecision, rawValuesFrom, statementShape, type RawDecisionValues } from '../lib/raw-decision';
import { atMost, ratioAtLeast, ratioAtMost } from '../lib/report';
import { closedLoop, sleep, until, type LoadResult } from '../lib/stats';

const AMOUNT = 25_000_000; // 250 000 NOK, the BIO small-company cap
const SECTION = '1';
type Mode = 'hot' | 'spread';
type Path = 'raw' | 'service' | 'http' | 'raw-frame-last';
const CONCURRENCY = [1, 10, 50] as const;

interface Cell {
  concurrency: number;
  mode: Mode;
  path: Path;
  result: LoadResult;
}

/**
 * 1. Grant decisions: the whole DECIDE_GRANT transition (row lock, engine, ledger commitment, audit
 * record, deadline and notification outbox rows) at 1, 10 and 50 concurrent approvers, on one hot
 * frame and spread over 100 frames, through the service, through HTTP, and by raw `pg` sending the
 * same statements (the baseline), each cell right after the others of its group.
 */
export async function runDecisions(ctx: SuiteContext): Promise<void> {
  const { scale, report } = ctx;
  const clock = new ManualClock(DECISION_TIME);
  const bench = await startBenchApp(ctx.env, {
    role: 'api',
    poolSize: 50,
    clock,
    listen: true,
    env: { JWT_TTL_SECONDS: '7200' },
  });
  closeIdleConnectionsAfter(bench.dataSource, 500);
  const http = new HttpClient(bench.baseUrl!, 64);
  try {
    const people = await seedPeople(bench.dataSource);
    const template = await templateApplication(bench, clock, people, AMOUNT);
    const hot = await frameAndCall(bench, people, 'hot', 1e15);
    const spread = [];
    for (let i = 0; i < scale.decisions.spreadFrames; i++)
      spread.push(await frameAndCall(bench, people, `spread ${i}`, 1e13));
    ctx.log(`template ${template}; ${spread.length} spread frames`);

    // A probe decision through the service: its statements (from TypeORM's query log) and the values
    // it wrote, which the raw baseline reuses.
    const [probe, rawProbe] = await copyApplication(bench.dataSource, template, 2, [hot], 'probe');
    const serviceShapes = await captureStatements(bench, () =>
      bench.app.get(ApplicationsService).send(people.approver, probe, 'DECIDE_GRANT', {}, undefined),
    );
    const values = await rawValuesFrom(bench.dataSource, probe);
    const rawShapes = await captureRawStatements(ctx, rawProbe, values);
    const same = JSON.stringify(serviceShapes) === JSON.stringify(rawShapes);
    report.detail('decisions.statements', { service: serviceShapes, raw: rawShapes, same });
    report.add(SECTION, 'statements per decision (incl. BEGIN/COMMIT)', {
      ours: serviceShapes.length,
      baseline: rawShapes.length,
      unit: '',
      note: same
        ? 'same statements in the same order'
        : 'the service sends other statements than the baseline: see details',
    });

    const frameAt = serviceShapes.findIndex((shape) => shape === 'UPDATE budget_frame');
    const token = await http.login(people.emails.approver, DEMO_PASSWORD);
    const cells: Cell[] = [];
    // Recommended applications waiting for a decision, per mode; each cell takes from the front.
    const supplies: Record<Mode, string[]> = { hot: [], spread: [] };
    let serial = 0;
    const timer = new MachineTimer();
    let machineShare: { machineMs: number; calls: number; decisionMs: number; decisions: number } | null =
      null;

    for (const concurrency of CONCURRENCY) {
      const count = scale.decisions.perCell[concurrency];
      const durationMs = scale.decisions.seconds[concurrency] * 1000;
      const warmup = concurrency * 3;
      for (const mode of ['hot', 'spread'] as const) {
        // Alternate the order so that neither side always runs on the larger tables.
        const paths: Path[] = mode === 'hot' ? ['raw', 'service', 'http'] : ['http', 'service', 'raw'];
        if (mode === 'hot' && concurrency > 1) paths.push('raw-frame-last');
        for (const path of paths) {
          const supply = supplies[mode];
          const missing = warmup + count - supply.length;
          if (missing > 0)
            supply.push(
              ...(await copyApplication(
                bench.dataSource,
                template,
                missing,
                mode === 'hot' ? [hot] : spread,
                `${mode}-${serial++}`,
              )),
            );
          const ids = supply.slice(0, warmup + count);
          await bench.dataSource.query('ANALYZE application, audit_record, deadline');
          await settleConnections(bench);
          const measureMachine = path === 'service' && concurrency === 1 && mode === 'spread';
          if (measureMachine) timer.install();
          let result: LoadResult;
          try {
            result = await runCell(path, {
              bench,
              ctx,
              people,
              ids,
              values,
              token,
              http,
              concurrency,
              count,
              warmup,
              durationMs,
              onMeasureStart: () => timer.reset(),
            });
          } finally {
            if (measureMachine) timer.uninstall();
          }
          supply.splice(0, result.started);
          if (measureMachine)
            machineShare = {
              machineMs: timer.totalMs,
              calls: timer.calls,
              decisionMs: result.latency.mean * result.ok,
              decisions: result.ok,
            };
          if (result.failed) {
            report.problems.push(
              `decisions ${path} ${mode} ×${concurrency}: ${result.failed} failed, e.g. ${result.errors.join(' | ')}`,
            );
          }
          cells.push({ concurrency, mode, path, result });
          ctx.log(
            `  ${path.padEnd(14)} ${mode.padEnd(6)} ×${String(concurrency).padEnd(2)} ${result.throughput.toFixed(0).padStart(5)}/s  p50 ${result.latency.p50.toFixed(1)} p95 ${result.latency.p95.toFixed(1)} p99 ${result.latency.p99.toFixed(1)} ms${result.failed ? `  FAILED ${result.failed}` : ''}`,
          );
        }
      }
    }
    report.detail(
      'decisions.cells',
      cells.map((c) => ({
        concurrency: c.concurrency,
        mode: c.mode,
        path: c.path,
        ok: c.result.ok,
        failed: c.result.failed,
        throughputPerSecond: Math.round(c.result.throughput * 10) / 10,
        latencyMs: roundLatency(c.result.latency),
      })),
    );

    const cell = (concurrency: number, mode: Mode, path: Path) =>
      cells.find((c) => c.concurrency === concurrency && c.mode === mode && c.path === path)!.result;
    for (const concurrency of CONCURRENCY) {
      for (const mode of ['hot', 'spread'] as const) {
        const raw = cell(concurrency, mode, 'raw');
        for (const path of ['service', 'http'] as const) {
          const ours = cell(concurrency, mode, path);
          const target =
            concurrency === 1
              ? undefined
              : mode === 'hot'
                ? path === 'service'
                  ? ratioAtLeast(concurrency === 10 ? 0.6 : 0.5)
                  : undefined
                : ratioAtLeast(path === 'service' ? 0.5 : 0.3);
          report.add(
            SECTION,
            `decisions/s, ${mode === 'hot' ? 'one hot frame' : `${spread.length} frames`}, ${concurrency} approver${concurrency > 1 ? 's' : ''}, ${path === 'service' ? 'service' : 'HTTP'}`,
            {
              ours: ours.throughput,
              baseline: raw.throughput,
              unit: '/s',
              note: `p50/p95/p99 ${fmtLatency(ours)} ms vs raw ${fmtLatency(raw)} ms`,
            },
            target,
          );
        }
      }
    }
    for (const mode of ['hot', 'spread'] as const) {
      for (const path of ['service', 'http'] as const) {
        report.add(
          SECTION,
          `p99 latency, ${mode === 'hot' ? 'hot frame' : 'spread'}, 50 approvers, ${path === 'service' ? 'service' : 'HTTP'}`,
          { ours: cell(50, mode, path).latency.p99, baseline: cell(50, mode, 'raw').latency.p99, unit: 'ms' },
          path === 'service' ? ratioAtMost(2) : undefined,
        );
      }
    }
    for (const concurrency of [10, 50]) {
      report.add(
        SECTION,
        `what-if: raw pg with the frame update moved last, hot frame, ${concurrency} approvers`,
        {
          ours: cell(concurrency, 'hot', 'raw-frame-last').throughput,
          baseline: cell(concurrency, 'hot', 'raw').throughput,
          unit: '/s',
          note: `the service takes the frame row lock at statement ${frameAt + 1} of ${serviceShapes.length} and holds it to COMMIT`,
        },
      );
    }
    // Where the service's and HTTP's extra time goes: a CPU profile of this process over decisions
    // at one approver (no waiting on locks), by package.
    for (const path of ['service', 'http'] as const) {
      const count = scale.name === 'full' ? 150 : 40;
      const ids = await copyApplication(bench.dataSource, template, count + 10, spread, `profile-${path}`);
      await settleConnections(bench);
      const { result, summary } = await profile(() =>
        runCell(path, {
          bench,
          ctx,
          people,
          ids,
          values,
          token,
          http,
          concurrency: 1,
          count,
          warmup: 10,
          durationMs: undefined,
          onMeasureStart: () => undefined,
        }),
      );
      const busy = summary.categories.filter((c) => c.share > 0).reduce((sum, c) => sum + c.ms, 0);
      const perDecision = busy / (result.ok + 10);
      report.detail(`decisions.profile.${path}`, {
        decisions: result.ok,
        cpuMsPerDecision: perDecision,
        ...summary,
      });
      report.add(
        SECTION,
        `CPU of this process per decision, ${path === 'service' ? 'service' : 'HTTP (server and client)'}`,
        {
          ours: perDecision,
          unit: 'ms',
          note: topCategories(summary),
        },
      );
    }
    if (machineShare) {
      const [{ snapshot }] = await bench.dataSource.query<Array<{ snapshot: string }>>(
        `SELECT snapshot::text AS snapshot FROM application WHERE id = $1`,
        [template],
      );
      const json = snapshotJsonCostMs(snapshot);
      // Per decision the driver parses the snapshot twice (the locked read and save()'s reload) and
      // TypeORM serialises the new one once; the engine's own JSON round trip is inside `transition`.
      const perDecision = machineShare.machineMs / machineShare.decisions + 2 * json.parse + json.stringify;
      const decisionMs = machineShare.decisionMs / machineShare.decisions;
      report.detail('decisions.machine', {
        engineMsPerDecision: machineShare.machineMs / machineShare.decisions,
        snapshotParseMs: json.parse,
        snapshotStringifyMs: json.stringify,
        snapshotBytes: Buffer.byteLength(snapshot),
        decisionMs,
        engineCallsPerDecision: machineShare.calls / machineShare.decisions,
      });
      report.add(
        SECTION,
        'machine step (engine + snapshot JSON) share of a decision, 1 approver',
        {
          ours: (perDecision / decisionMs) * 100,
          unit: '%',
          note: `${(perDecision * 1000).toFixed(0)} µs of ${decisionMs.toFixed(2)} ms per decision`,
        },
        atMost(5, '%'),
      );
    }
  } finally {
    http.close();
    await bench.close();
  }
}

interface CellInput {
  bench: BenchApp;
  ctx: SuiteContext;
  people: People;
  ids: string[];
  values: RawDecisionValues;
  token: string;
  http: HttpClient;
  concurrency: number;
  count: number;
  warmup: number;
  durationMs: number | undefined;
  onMeasureStart: () => void;
}

async function runCell(path: Path, input: CellInput): Promise<LoadResult> {
  const { ids, concurrency, count, warmup, durationMs, onMeasureStart } = input;
  const options = { count, concurrency, warmup, durationMs, onMeasureStart };
  switch (path) {
    case 'service': {
      const service = input.bench.app.get(ApplicationsService);
      return closedLoop(options, (i) =>
        service.send(input.people.approver, ids[i], 'DECIDE_GRANT', {}, undefined),
      );
    }
    case 'http':
      return closedLoop(options, async (i) => {
        const res = await input.http.send(
          'POST',
          `/api/v1/applications/${ids[i]}/decide-grant`,
          {},
          {
            authorization: input.token,
          },
        );
        if (res.status !== 200)
          throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`);
      });
    case 'raw':
    case 'raw-frame-last': {
      const pool = new Pool({ connectionString: input.ctx.env.databaseUrl, max: concurrency });
      try {
        return await closedLoop(options, async (i) => {
          const client = await pool.connect();
          try {
            await rawDecision(client, ids[i], input.values, path === 'raw-frame-last');
          } finally {
            client.release();
          }
        });
      } finally {
        await pool.end();
      }
    }
  }
}

/** Waits until the app's pool has let its idle connections go (so raw + app stay under max_connections). */
async function settleConnections(bench: BenchApp): Promise<void> {
  await until(async () => openConnections(bench.dataSource) <= 2, 5000, 100);
  await sleep(100);
}

/** The statement shapes one operation sends through the app's TypeORM data source. */
async function captureStatements(bench: BenchApp, operation: () => Promise<unknown>): Promise<string[]> {
  const holder = bench.dataSource as unknown as { logger: Record<string, unknown> };
  const original = holder.logger;
  const shapes: string[] = [];
  holder.logger = new Proxy(original, {
    get(target, key) {
      if (key === 'logQuery') return (query: string) => shapes.push(statementShape(query));
      return target[key as string];
    },
  });
  try {
    await operation();
  } finally {
    holder.logger = original;
  }
  return shapes;
}

async function captureRawStatements(ctx: SuiteContext, applicationId: string, values: RawDecisionValues) {
  const pool = new Pool({ connectionString: ctx.env.databaseUrl, max: 1 });
  const client: PoolClient = await pool.connect();
  const shapes: string[] = [];
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
    shapes.push(statementShape(String(args[0])));
    return query(...args);
  };
  try {
    await rawDecision(client, applicationId, values);
  } finally {
    client.release();
    await pool.end();
  }
  return shapes;
}

function roundLatency(l: LoadResult['latency']) {
  const r = (x: number) => Math.round(x * 100) / 100;
  return { p50: r(l.p50), p95: r(l.p95), p99: r(l.p99), max: r(l.max), mean: r(l.mean) };
}

const fmtLatency = (r: LoadResult) =>
  `${r.latency.p50.toFixed(1)}/${r.latency.p95.toFixed(1)}/${r.latency.p99.toFixed(1)}`;

const topCategories = (summary: ProfileSummary) =>
  summary.categories
    .filter((c) => c.share > 0)
    .slice(0, 5)
    .map((c) => `${c.category} ${c.share.toFixed(0)} %`)
    .join(', ');
