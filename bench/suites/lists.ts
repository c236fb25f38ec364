import { ManualClock, type Actor } from '@lib/common';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { ApplicationsService } from '../../src/applications/applications.service';
import type { ApplicationQuery } from '../../src/applications/application.dto';
import type { LifecycleStatus } from '@lib/engine';
import { FramesService } from '../../src/budget/frames.service';
import { LedgerService } from '../../src/budget/ledger.service';
import { DEMO_PASSWORD } from '../../src/seed/demo-data';
import { startBenchApp, type BenchApp } from '../lib/app';
import type { SuiteContext } from '../lib/context';
import { seedPeople } from '../lib/fixtures';
import { HttpClient } from '../lib/http-client';
import { profile } from '../lib/profile';
import { both, below, ratioAtMost } from '../lib/report';
import { msSince, summarise, type LatencySummary } from '../lib/stats';
import { seedVolume } from '../lib/volume';

const SECTION = '4';

interface Captured {
  sql: string;
  params: unknown[];
}

/** One request a user makes, three ways: the service call, the same over HTTP, and its SQL by raw pg. */
interface Probe {
  label: string;
  service: () => Promise<unknown>;
  http: { path: string; token: string } | null;
  /** Filled by a first, untimed run of `service`: the statements TypeORM sent. */
  statements: Captured[];
}

/**
 * 4. Lists and statistics at volume: `applications` seeded across schemes, counties and years, then
 * the officer's work queue (status and scheme, keyset pages), an organisation's own list and the
 * frame summary (balances, pipeline), each through the service, through HTTP and as the same SQL
 * sent by raw pg, one request at a time, interleaved. And the frame balance read at 10 and at
 * 1,000,000 ledger entries.
 */
export async function runLists(ctx: SuiteContext): Promise<void> {
  const { scale, report, env } = ctx;
  const bench = await startBenchApp(env, {
    role: 'api',
    poolSize: 4,
    clock: new ManualClock(new Date('2026-11-23T10:00:00Z')),
    listen: true,
    env: { JWT_TTL_SECONDS: '7200' },
  });
  const http = new HttpClient(bench.baseUrl!, 4);
  const raw = new Client({ connectionString: env.databaseUrl });
  await raw.connect();
  try {
    const people = await seedPeople(bench.dataSource);
    const volume = await seedVolume(bench.dataSource, people, scale.lists.applications);
    ctx.log(`seeded ${JSON.stringify(volume)}`);
    report.detail('lists.volume', volume);
    const distribution = await bench.dataSource.query(
      `SELECT scheme_id, status, count(*)::int AS n FROM application WHERE county_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [people.countyId],
    );
    report.detail('lists.trondelagDistribution', distribution);

    // Who asks: the Trøndelag case officer; the applicant of the organisation that applies most
    // (and of a typical one); finance for the frames.
    const [heavy] = await bench.dataSource.query<Array<{ organisation_id: string; n: number }>>(
      `SELECT organisation_id, count(*)::int AS n FROM application GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    );
    const [typical] = await bench.dataSource.query<Array<{ organisation_id: string; n: number }>>(
      `SELECT organisation_id, n FROM (SELECT organisation_id, count(*)::int AS n FROM application GROUP BY 1) s
        ORDER BY abs(n - 25), organisation_id LIMIT 1`,
    );
    const heavyUser = await applicantFor(bench, heavy.organisation_id, 'heavy');
    const typicalUser = await applicantFor(bench, typical.organisation_id, 'typical');
    const officerToken = await http.login(people.emails.officer, DEMO_PASSWORD);
    const financeToken = await http.login(people.emails.finance, DEMO_PASSWORD);
    const heavyToken = await http.login(heavyUser.email, DEMO_PASSWORD);
    const typicalToken = await http.login(typicalUser.email, DEMO_PASSWORD);
    const service = bench.app.get(ApplicationsService);
    const frames = bench.app.get(FramesService);
    const [bigFrame] = await bench.dataSource.query<Array<{ frame_id: string; n: number }>>(
      `SELECT c.frame_id, count(*)::int AS n FROM application a JOIN funding_call c ON c.id = a.call_id
        WHERE a.county_id = $1 AND c.year = 2026 AND c.scheme_id = 'bio' GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
      [people.countyId],
    );

    // Work-queue pages: first pages and pages further on, following the cursors.
    const queues: Array<{ status: LifecycleStatus; schemeId?: string }> = [
      { status: 'applied', schemeId: 'bio' },
      { status: 'assessment', schemeId: 'bio' },
      { status: 'assessment', schemeId: 'jobbsjansen' },
      { status: 'granted', schemeId: 'bio' },
      { status: 'applied', schemeId: 'mentor' },
    ];
    const probes: Record<string, Probe[]> = {
      queue: [],
      queueStatusOnly: [],
      queueSchemeOnly: [],
      queueAll: [],
      workQueue: [],
      ownHeavy: [],
      ownTypical: [],
      frame: [],
      pipeline: [],
    };
    const pagesPerQueue = Math.max(2, Math.ceil(scale.lists.samples / queues.length / 3));
    for (const q of queues)
      await addPages(probes.queue, service, people.officer, officerToken, { ...q, limit: 50 }, pagesPerQueue);
    for (const status of ['assessment', 'granted'] as const)
      await addPages(probes.queueStatusOnly, service, people.officer, officerToken, { status, limit: 50 }, 3);
    for (const schemeId of ['bio', 'mentor'])
      await addPages(
        probes.queueSchemeOnly,
        service,
        people.officer,
        officerToken,
        { schemeId, limit: 50 },
        3,
      );
    await addPages(probes.queueAll, service, people.officer, officerToken, { limit: 50 }, 5);
    // The work-queue screen: sub-states, assignment, the approver's decisions, other orders, and a
    // case-reference prefix, each a first page and the next.
    const approverToken = await http.login(people.emails.approver, DEMO_PASSWORD);
    const [{ reference }] = await bench.dataSource.query<Array<{ reference: string }>>(
      `SELECT reference FROM application WHERE county_id = $1 AND submitted_at IS NOT NULL ORDER BY submitted_at DESC LIMIT 1`,
      [people.countyId],
    );
    const screens: Array<[Actor, string, ApplicationQuery]> = [
      [people.officer, officerToken, { status: 'assessment.recommended' }],
      [people.officer, officerToken, { status: 'assessment.in_review', assigned: 'me' }],
      [people.officer, officerToken, { assigned: 'me' }],
      [people.officer, officerToken, { assigned: 'none' }],
      [people.officer, officerToken, { assigned: 'none', schemeId: 'mentor' }],
      [people.officer, officerToken, { sort: 'oldest', status: 'applied' }],
      [people.officer, officerToken, { sort: 'amount_desc' }],
      [people.officer, officerToken, { sort: 'amount_asc', status: 'assessment' }],
      [people.officer, officerToken, { referencePrefix: reference.slice(0, -2) }],
      [people.approver, approverToken, { awaitingMyDecision: 'true' }],
    ];
    for (const [actor, token, query] of screens)
      await addPages(probes.workQueue, service, actor, token, { ...query, limit: 50 }, 2);
    await addPages(probes.ownHeavy, service, heavyUser.actor, heavyToken, { limit: 50 }, 5);
    await addPages(probes.ownTypical, service, typicalUser.actor, typicalToken, { limit: 50 }, 1);
    probes.frame.push(
      probe(
        `frame ${bigFrame.frame_id}`,
        () => frames.get(people.finance, bigFrame.frame_id),
        `/api/v1/frames/${bigFrame.frame_id}`,
        financeToken,
      ),
    );
    probes.pipeline.push(
      probe(
        'pipeline',
        () => frames.pipeline(people.finance, bigFrame.frame_id),
        `/api/v1/frames/${bigFrame.frame_id}/pipeline`,
        financeToken,
      ),
    );
    for (const list of Object.values(probes))
      for (const p of list) p.statements = await capture(bench, p.service);

    const samples = scale.lists.samples;
    const measured: Record<string, { service: LatencySummary; http: LatencySummary; raw: LatencySummary }> =
      {};
    for (const [name, list] of Object.entries(probes))
      measured[name] = await measure(list, samples, raw, http);
    const plans: Record<string, string> = {};
    for (const [name, list] of Object.entries(probes))
      plans[name] = await explain(raw, list[list.length > 1 ? 1 : 0].statements);
    report.detail('lists.latency', measured);
    report.detail('lists.plans', plans);
    report.detail('lists.who', {
      heavyOrganisationApplications: heavy.n,
      typicalOrganisationApplications: typical.n,
      bigFrameApplications: bigFrame.n,
    });
    for (const [name, plan] of Object.entries(plans))
      ctx.log(`plan ${name}: ${plan.split('\n').slice(0, 3).join(' | ')}`);

    // Where a list request's time goes beyond the query: a CPU profile over the work-queue pages.
    const { summary } = await profile(async () => {
      for (let round = 0; round < 5; round++) for (const p of probes.queue) await p.service();
    });
    report.detail('lists.profile.queue', { requests: probes.queue.length * 5, ...summary });
    ctx.log(
      `profile of work-queue pages: ${summary.categories
        .filter((c) => c.share > 0)
        .slice(0, 6)
        .map((c) => `${c.category} ${c.share.toFixed(0)} %`)
        .join(', ')}`,
    );

    const target = both(below(50, 'ms'), ratioAtMost(2));
    const rows: Array<[string, string, boolean]> = [
      [
        'queue',
        `officer's work queue (status + scheme, keyset pages of 50), ${volume.applications.toLocaleString('en-US')} applications`,
        true,
      ],
      ['queueStatusOnly', "officer's work queue, status only (no scheme filter)", false],
      ['queueSchemeOnly', "officer's work queue, scheme only (no status filter)", false],
      ['queueAll', "officer's work queue, no filter (every submitted application of the county)", false],
      [
        'workQueue',
        'work-queue screen: sub-state, assigned to me / unassigned, awaiting my decision, oldest, amount, reference prefix',
        true,
      ],
      ['ownHeavy', `an organisation's own list (its ${heavy.n} applications, pages of 50)`, true],
      ['ownTypical', `an organisation's own list (${typical.n} applications)`, true],
      ['frame', 'frame summary: balances (GET /frames/:id)', true],
      ['pipeline', `frame statistics: pipeline of the frame with ${bigFrame.n} applications`, true],
    ];
    for (const [name, what, targeted] of rows) {
      const m = measured[name];
      report.add(
        SECTION,
        `p95 ${what}, service`,
        {
          ours: m.service.p95,
          baseline: m.raw.p95,
          unit: 'ms',
          note: `p50 ${m.service.p50.toFixed(2)} vs ${m.raw.p50.toFixed(2)} ms`,
        },
        targeted ? target : undefined,
      );
      report.add(
        SECTION,
        `p95 ${what}, HTTP`,
        { ours: m.http.p95, baseline: m.raw.p95, unit: 'ms', note: `p50 ${m.http.p50.toFixed(2)} ms` },
        targeted ? below(50, 'ms') : undefined,
      );
    }

    // Balance reads are one row, whatever the number of entries.
    const { small, large, entries } = await ledgerVolume(bench, people, scale.lists.applications);
    const ledger = bench.app.get(LedgerService);
    const balance = async (frameId: string) => {
      const times: number[] = [];
      for (let i = 0; i < samples; i++) {
        const t = process.hrtime.bigint();
        await bench.dataSource.transaction((tx: EntityManager) => ledger.balances(tx, frameId));
        times.push(msSince(t));
      }
      return summarise(times);
    };
    await balance(large);
    const [atSmall, atLarge] = [await balance(small), await balance(large)];
    const rebuildStart = process.hrtime.bigint();
    await bench.dataSource.transaction((tx: EntityManager) => ledger.rebuild(tx, large));
    const rebuildMs = msSince(rebuildStart);
    report.detail('lists.balances', { entries, atSmall, atLarge, rebuildMs });
    report.add(
      SECTION,
      `frame balance read (LedgerService.balances) p95 at ${entries.toLocaleString('en-US')} vs 10 entries`,
      {
        ours: atLarge.p95,
        baseline: atSmall.p95,
        unit: 'ms',
        note: `rebuild from the ${entries.toLocaleString('en-US')} entries takes ${rebuildMs.toFixed(0)} ms (O(n), for comparison)`,
      },
      { text: 'same time (≤ 1.5×)', met: ({ ratio }) => ratio !== null && ratio <= 1.5 },
    );
  } finally {
    await raw.end();
    http.close();
    await bench.close();
  }
}

function probe(label: string, service: () => Promise<unknown>, path: string | null, token: string): Probe {
  return { label, service, http: path ? { path, token } : null, statements: [] };
}

/** Appends a list's first `pages` pages (following nextCursor) as probes. */
async function addPages(
  into: Probe[],
  service: ApplicationsService,
  actor: Actor,
  token: string,
  query: ApplicationQuery,
  pages: number,
): Promise<void> {
  let after: string | undefined;
  for (let page = 0; page < pages; page++) {
    const q: ApplicationQuery = { ...query, ...(after ? { after } : {}) };
    const search = new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, String(v)]));
    into.push(
      probe(
        `${JSON.stringify(q)}`,
        () => service.list(actor, q),
        `/api/v1/applications?${search.toString()}`,
        token,
      ),
    );
    const result = await service.list(actor, q);
    if (!result.nextCursor) return;
    after = result.nextCursor;
  }
}

/** The statements (SQL and parameters) one service call sends through TypeORM. */
async function capture(bench: BenchApp, operation: () => Promise<unknown>): Promise<Captured[]> {
  const holder = bench.dataSource as unknown as { logger: Record<string, unknown> };
  const original = holder.logger;
  const statements: Captured[] = [];
  holder.logger = new Proxy(original, {
    get(target, key) {
      if (key === 'logQuery')
        return (sql: string, params?: unknown[]) => statements.push({ sql, params: params ?? [] });
      return target[key as string];
    },
  });
  try {
    await operation();
  } finally {
    holder.logger = original;
  }
  return statements;
}

/** Each probe `rounds` times through the three paths in turn; latency per request. */
async function measure(probes: Probe[], samples: number, raw: Client, http: HttpClient) {
  const times = { service: [] as number[], http: [] as number[], raw: [] as number[] };
  const rounds = Math.max(1, Math.ceil(samples / probes.length));
  for (let round = -1; round < rounds; round++) {
    for (const p of probes) {
      let t = process.hrtime.bigint();
      await p.service();
      if (round >= 0) times.service.push(msSince(t));
      t = process.hrtime.bigint();
      for (const s of p.statements) await raw.query(s.sql, s.params);
      if (round >= 0) times.raw.push(msSince(t));
      if (p.http) {
        t = process.hrtime.bigint();
        const res = await http.send('GET', p.http.path, undefined, { authorization: p.http.token });
        if (res.status !== 200)
          throw new Error(`GET ${p.http.path}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        if (round >= 0) times.http.push(msSince(t));
      }
    }
  }
  return { service: summarise(times.service), http: summarise(times.http), raw: summarise(times.raw) };
}

/** EXPLAIN (ANALYZE, BUFFERS) of the probe's statements; the plan of the slowest one. */
async function explain(raw: Client, statements: Captured[]): Promise<string> {
  let slowest = { ms: -1, plan: '' };
  for (const s of statements) {
    const result = await raw.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
    const plan = result.rows.map((r) => r['QUERY PLAN']).join('\n');
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
    if (ms > slowest.ms) slowest = { ms, plan };
  }
  return slowest.plan;
}

/** An applicant user of the organisation (the demo password), for its own list over HTTP. */
async function applicantFor(bench: BenchApp, organisationId: string, label: string) {
  const email = `bench-${label}@bench.example`;
  const [{ id }] = await bench.dataSource.query<Array<{ id: string }>>(
    `INSERT INTO user_account (email, full_name, password_hash, kind, roles)
     SELECT $1, 'Bench ' || $2, password_hash, 'applicant', '{}' FROM user_account WHERE email = 'kari@fjordverk.example'
     RETURNING id`,
    [email, label],
  );
  await bench.dataSource.query(`INSERT INTO organisation_member (user_id, organisation_id) VALUES ($1, $2)`, [
    id,
    organisationId,
  ]);
  const actor: Actor = { kind: 'applicant', userId: id, email, organisationIds: [organisationId] };
  return { email, actor };
}

/** Two frames of the county: one with 10 ledger entries, one with as many entries as applications. */
async function ledgerVolume(bench: BenchApp, people: { countyId: string }, entries: number) {
  const make = async (name: string, n: number) => {
    const [{ id }] = await bench.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO budget_frame (county_id, scheme_id, year, name, allocated, committed) VALUES ($1, 'bio', 2026, $2, $3, $4) RETURNING id`,
      [people.countyId, name, n * 2, n - 1],
    );
    await bench.dataSource.query(`ALTER TABLE ledger_entry DISABLE TRIGGER ALL`);
    try {
      await bench.dataSource.query(
        `INSERT INTO ledger_entry (frame_id, kind, amount, currency, movement_id, grant_key, reason, created_at)
         SELECT $1, CASE WHEN g = 1 THEN 'allocation' ELSE 'commitment' END, CASE WHEN g = 1 THEN $2 * 2 ELSE 1 END, 'NOK',
                gen_random_uuid(), CASE WHEN g = 1 THEN NULL ELSE 'g' || g END, 'bench',
                timestamptz '2026-01-01' + (g::float8 / $2) * interval '300 days'
           FROM generate_series(1, $2::int) g`,
        [id, n],
      );
    } finally {
      await bench.dataSource.query(`ALTER TABLE ledger_entry ENABLE TRIGGER ALL`);
    }
    return id;
  };
  const small = await make('bench ledger: 10 entries', 10);
  const large = await make(`bench ledger: ${entries} entries`, entries);
  await bench.dataSource.query(`VACUUM ANALYZE ledger_entry`);
  return { small, large, entries };
}
