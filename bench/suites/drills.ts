import type { EntityManager } from 'typeorm';
import { scheduleDeadline } from '../../src/deadlines/deadline-effects';
import { lifecycleDeadline } from '../../src/deadlines/deadline-type';
import { DEMO_PASSWORD } from '../../src/seed/demo-data';
import { startBenchApp, type BenchApp } from '../lib/app';
import { framesEqualRebuild, verifyDeadlines } from '../lib/checks';
import { kill9, stop, type Child } from '../lib/children';
import type { SuiteContext } from '../lib/context';
import {
  copyApplication,
  frameAndCall,
  grantedApplications,
  seedPeople,
  SwitchClock,
  templateApplication,
  type People,
} from '../lib/fixtures';
import { HttpClient } from '../lib/http-client';
import { spawnApi, spawnWorker, workerReady } from '../lib/processes';
import { exactly } from '../lib/report';
import { sleep, until } from '../lib/stats';

const SECTION = '5';
const AMOUNT = 20_000_000;

/** Short lock and stall times, so that a dead worker's job is retried within seconds (as in the e2e drill). */
const FAST_STALL = {
  QUEUE_LOCK_DURATION_MS: '2000',
  QUEUE_STALLED_INTERVAL_MS: '1000',
  OUTBOX_POLL_MS: '50',
};

/**
 * 5. Fault drills with real process death (SIGKILL): a worker in the middle of a batch of deadline
 * firings, and the API in the middle of a burst of decisions. Afterwards nothing may be half done,
 * no money may move without its transition, and no deadline may be lost or applied twice.
 */
export async function runDrills(ctx: SuiteContext): Promise<void> {
  const clock = new SwitchClock();
  const bench = await startBenchApp(ctx.env, { role: 'api', poolSize: 5, clock });
  try {
    const people = await seedPeople(bench.dataSource);
    const granted = await templateApplication(bench, clock, people, AMOUNT, true);
    const recommended = await templateApplication(bench, clock, people, AMOUNT, false);
    clock.follow();
    await workerDrill(ctx, bench, people, granted);
    await apiDrill(ctx, bench, people, recommended);
  } finally {
    await bench.close();
  }
}

async function countFired(bench: BenchApp, pattern: string): Promise<number> {
  const [{ n }] = await bench.dataSource.query<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM deadline d JOIN application a ON a.id = d.application_id
      WHERE d.kind = 'acceptance' AND d.status = 'fired' AND a.reference LIKE $1`,
    [pattern],
  );
  return n;
}

/** kill -9 of a worker while it fires a batch of due deadlines; a second worker finishes the batch. */
async function workerDrill(
  ctx: SuiteContext,
  bench: BenchApp,
  people: People,
  template: string,
): Promise<void> {
  const count = ctx.scale.drills.workerDeadlines;
  const pattern = 'BENCH-drill-w-%';
  const { ids, frameIds } = await grantedApplications(bench, people, template, count, 5, 'drill-w');
  const workers: Child[] = [];
  try {
    const first = spawnWorker(ctx.env, FAST_STALL);
    workers.push(first);
    await workerReady(ctx.env, first);
    // A batch, all due now: the worker's dispatcher arms them and it starts firing at once.
    const now = Date.now();
    for (let start = 0; start < ids.length; start += 200) {
      await bench.dataSource.transaction(async (tx: EntityManager) => {
        for (const id of ids.slice(start, start + 200))
          await scheduleDeadline(
            tx,
            { applicationId: id },
            lifecycleDeadline('acceptance'),
            new Date(now - 1000),
            null,
          );
      });
    }
    const killAt = Math.ceil(count * 0.3);
    const reached = await until(async () => (await countFired(bench, pattern)) >= killAt, 300_000, 20);
    if (!reached)
      throw new Error(`the first worker did not fire ${killAt} deadlines:\n${first.output().slice(-2000)}`);
    await kill9(first);
    const killedAt = Date.now();
    const firedAtKill = await countFired(bench, pattern);
    ctx.log(`worker killed with ${firedAtKill} of ${count} fired`);
    await sleep(200);
    const midway = await verifyDeadlines(bench, pattern, frameIds);

    const second = spawnWorker(ctx.env, FAST_STALL);
    workers.push(second);
    await workerReady(ctx.env, second);
    const done = await until(async () => (await countFired(bench, pattern)) === count, 600_000, 100);
    const recoveredMs = Date.now() - killedAt;
    await stop(second, 20_000);
    const after = await verifyDeadlines(bench, pattern, frameIds);
    ctx.log(`worker drill: midway ${JSON.stringify(midway)}, after ${JSON.stringify(after)}`);
    ctx.report.detail('drills.worker', { count, firedAtKill, midway, after, recoveredMs, allFired: done });
    const bad =
      midway.inconsistent +
      midway.doubled +
      after.inconsistent +
      after.doubled +
      after.lost +
      (done ? 0 : count - after.fired);
    ctx.report.add(
      SECTION,
      `worker kill -9 after ${firedAtKill} of ${count} firings: half-done, lost or doubled deadlines`,
      {
        ours: bad,
        unit: '',
        note: `all ${after.fired} fired exactly once ${(recoveredMs / 1000).toFixed(1)} s after the kill (second worker: start-up, stalled job retried); frames equal their rebuild: ${midway.framesBalanced && after.framesBalanced}`,
      },
      { ...exactly(0), met: ({ ours }) => ours === 0 && midway.framesBalanced && after.framesBalanced },
    );
  } finally {
    for (const w of workers) await kill9(w);
  }
}

interface DecisionState {
  granted: number;
  recommended: number;
  other: number;
  halfDone: number;
  moneyWithoutTransition: number;
  doubled: number;
}

/** Each application of the burst is either untouched or fully decided (row, audit, money, deadline, outbox). */
async function decisionState(bench: BenchApp, callId: string, auditsBefore: number): Promise<DecisionState> {
  const [row] = await bench.dataSource.query<DecisionState[]>(
    `WITH a AS (
       SELECT a.id, a.state, a.frame_id, a.granted_amount,
              (SELECT count(*) FROM audit_record r WHERE r.application_id = a.id) AS audits,
              (SELECT count(*) FROM audit_record r WHERE r.application_id = a.id AND r.event = 'DECIDE_GRANT') AS decisions,
              (SELECT count(*) FROM ledger_entry e WHERE e.application_id = a.id AND e.kind = 'commitment') AS commitments,
              (SELECT count(*) FROM grant_position p WHERE p.application_id = a.id) AS positions,
              (SELECT count(*) FROM deadline d WHERE d.application_id = a.id AND d.kind = 'acceptance' AND d.status = 'scheduled') AS deadlines,
              (SELECT count(*) FROM outbox_message o WHERE o.application_id = a.id AND o.kind = 'deadline.arm') AS arms,
              (SELECT count(*) FROM notification n WHERE n.application_id = a.id AND n.template = 'grant_decided') AS notices
         FROM application a WHERE a.call_id = $1)
     SELECT count(*) FILTER (WHERE state = 'granted.awaiting_acceptance')::int AS granted,
            count(*) FILTER (WHERE state = 'assessment.recommended')::int AS recommended,
            count(*) FILTER (WHERE state NOT IN ('granted.awaiting_acceptance', 'assessment.recommended'))::int AS other,
            count(*) FILTER (WHERE
              (state = 'granted.awaiting_acceptance' AND NOT (audits = $2 + 1 AND decisions = 1 AND commitments = 1 AND positions = 1
                 AND deadlines = 1 AND arms = 1 AND notices >= 1 AND frame_id IS NOT NULL AND granted_amount IS NOT NULL))
              OR (state = 'assessment.recommended' AND NOT (audits = $2 AND decisions = 0 AND commitments = 0 AND positions = 0
                 AND deadlines = 0 AND arms = 0 AND notices = 0 AND frame_id IS NULL AND granted_amount IS NULL)))::int AS "halfDone",
            count(*) FILTER (WHERE commitments > 0 AND state <> 'granted.awaiting_acceptance')::int AS "moneyWithoutTransition",
            count(*) FILTER (WHERE decisions > 1 OR commitments > 1)::int AS doubled
       FROM a`,
    [callId, auditsBefore],
  );
  return row;
}

/**
 * kill -9 of the API (src/main.ts, its own process) while `count` decisions arrive over HTTP, 20 at a
 * time, each with an Idempotency-Key; then a new API process and the unanswered requests again with
 * the same keys.
 */
async function apiDrill(ctx: SuiteContext, bench: BenchApp, people: People, template: string): Promise<void> {
  const count = ctx.scale.drills.apiDecisions;
  const { frameId, callId } = await frameAndCall(bench, people, 'drill api', count * AMOUNT * 2);
  const ids = await copyApplication(
    bench.dataSource,
    template,
    count,
    [{ callId, frameId }],
    'drill-api',
    false,
  );
  const [{ n: auditsBefore }] = await bench.dataSource.query<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM audit_record WHERE application_id = $1`,
    [template],
  );
  let api = await spawnApi(ctx.env, 20);
  let client = new HttpClient(api.baseUrl, 20);
  try {
    const token = await client.login(people.emails.approver, DEMO_PASSWORD);
    const answered = new Set<string>();
    let next = 0;
    const killAfter = Math.ceil(count * 0.4);
    let killed = false;
    const decide = (c: HttpClient, id: string) =>
      c.send(
        'POST',
        `/api/v1/applications/${id}/decide-grant`,
        {},
        {
          authorization: token,
          'idempotency-key': `bench-drill-${id}`,
        },
      );
    const burst = async () => {
      while (next < ids.length && !killed) {
        const id = ids[next++];
        try {
          const res = await decide(client, id);
          if (res.status === 200) answered.add(id);
          if (!killed && answered.size >= killAfter) {
            killed = true;
            await kill9(api.child);
          }
        } catch {
          // The connection died with the process.
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, burst));
    client.close();
    if (!killed) await kill9(api.child);
    const sent = next;
    // PostgreSQL rolls back the dead process's open transactions once it notices the lost client.
    await until(
      async () => {
        const [{ n }] = await bench.dataSource.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'grant-engine'
            AND state <> 'idle' AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`,
        );
        return n === 0;
      },
      10_000,
      100,
    );
    const afterKill = await decisionState(bench, callId, auditsBefore);
    const balancedAfterKill = await framesEqualRebuild(bench, [frameId]);
    ctx.log(`API killed: ${answered.size} answered of ${sent} sent; ${JSON.stringify(afterKill)}`);

    // A new API process; every decision not answered is sent again with its key, and a few answered
    // ones too (a client that never saw its answer): the key returns the first answer, nothing twice.
    api = await spawnApi(ctx.env, 20);
    client = new HttpClient(api.baseUrl, 20);
    const token2 = await client.login(people.emails.approver, DEMO_PASSWORD);
    const again = (id: string) =>
      client.send(
        'POST',
        `/api/v1/applications/${id}/decide-grant`,
        {},
        {
          authorization: token2,
          'idempotency-key': `bench-drill-${id}`,
        },
      );
    let retried = 0;
    const statuses: Record<string, number> = {};
    for (const id of ids) {
      if (answered.has(id)) continue;
      const res = await again(id);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status === 200) retried++;
    }
    let repeatedOk = 0;
    const repeated = [...answered].slice(0, 20);
    for (const id of repeated) if ((await again(id)).status === 200) repeatedOk++;
    const replayed = afterKill.granted - answered.size;
    const final = await decisionState(bench, callId, auditsBefore);
    const balancedFinal = await framesEqualRebuild(bench, [frameId]);
    ctx.report.detail('drills.api', {
      count,
      sent,
      answered: answered.size,
      afterKill,
      balancedAfterKill,
      statuses,
      final,
      balancedFinal,
      committedUnanswered: replayed,
      repeated: { sent: repeated.length, ok: repeatedOk },
    });
    const bad = afterKill.halfDone + afterKill.moneyWithoutTransition + afterKill.doubled + afterKill.other;
    ctx.report.add(
      SECTION,
      `API kill -9 during ${count} decisions over HTTP: half-done applications, money without its transition`,
      {
        ours: bad,
        unit: '',
        note: `${answered.size} answered before the kill, ${afterKill.granted} committed (${replayed} of them unanswered), ${afterKill.recommended} untouched; frame = rebuild: ${balancedAfterKill}`,
      },
      { ...exactly(0), met: ({ ours }) => ours === 0 && balancedAfterKill },
    );
    const badFinal =
      final.halfDone + final.doubled + final.other + (count - final.granted) + (repeated.length - repeatedOk);
    ctx.report.add(
      SECTION,
      'after a new API and a retry with the same Idempotency-Key: not decided, or decided twice',
      {
        ours: badFinal,
        unit: '',
        note: `${retried} retries answered 200 (${replayed} of them committed before the kill); ${repeatedOk} of ${repeated.length} answered decisions repeated with their key answered 200 again; ${final.granted} of ${count} granted once; frame = rebuild: ${balancedFinal}`,
      },
      { ...exactly(0), met: ({ ours }) => ours === 0 && balancedFinal },
    );
  } finally {
    client.close();
    await stop(api.child);
  }
}
