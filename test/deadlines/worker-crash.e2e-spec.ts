import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type Redis from 'ioredis';
import { Client } from 'pg';
import { DeadlineTimers } from '../../src/deadlines/deadline-timers';
import { HEARTBEATS_KEY } from '../../src/queue/worker-heartbeat';
import { REDIS } from '../../src/redis/redis.module';
import { act, APPROVER, expectOk, newClock, OFFICER, recommended } from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const AMOUNT = 20_000_000;
/**
 * How long a worker process may take to start from source (ts-node compiles the whole service): a few
 * seconds on an idle machine, well over 25 s on one busy with other test files.
 */
const STARTUP_MS = 90_000;

interface WorkerProcess {
  child: ChildProcess;
  /** What it printed, for the message of a failed wait. */
  output: () => string;
}

/**
 * Real process death: a worker-only process (`src/worker.ts`, from source) is SIGKILLed while its
 * deadline handler is inside its transaction, past the application and audit writes and waiting for
 * the budget frame. Nothing of the transition may remain, and a second worker must retry the job
 * (BullMQ finds it stalled once its lock runs out) and complete it exactly once.
 */
describe('a worker killed in the middle of firing a deadline', () => {
  let t: TestApp;
  const workers: WorkerProcess[] = [];
  let holder: Client | null = null;

  beforeAll(async () => {
    // API only: no processor, outbox dispatcher or sweeper in this process; the children do the work.
    t = await startTestApp({ clock: newClock(), env: { APP_ROLE: 'api' } });
  });
  afterAll(async () => {
    for (const { child } of workers) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    }
    await holder?.end().catch(() => undefined);
    await t?.close();
  });

  /** A worker-only process on this file's database and Redis prefix, with short lock and stall times. */
  function startWorker(): WorkerProcess {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'src/worker.ts'],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          TS_NODE_PROJECT: 'tsconfig.json',
          NODE_ENV: 'test',
          APP_ROLE: 'worker',
          DATABASE_URL: t.config.database.url,
          DATABASE_MIGRATION_URL: t.config.database.migrationUrl,
          REDIS_URL: t.config.redis.url,
          REDIS_PREFIX: t.config.redis.keyPrefix,
          MIGRATIONS_RUN: 'false',
          DATABASE_CREATE: 'false',
          SEED_ON_EMPTY: 'false',
          OUTBOX_POLL_MS: '50',
          QUEUE_LOCK_DURATION_MS: '2000',
          QUEUE_STALLED_INTERVAL_MS: '1000',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const worker = { child, output: () => output };
    workers.push(worker);
    return worker;
  }

  /** Polls until `check` returns something other than null/false; fails naming what it waited for. */
  async function until<T>(
    what: string,
    check: () => Promise<T | null | false>,
    ms: number,
    worker?: WorkerProcess,
  ): Promise<T> {
    const stop = Date.now() + ms;
    for (;;) {
      const result = await check();
      if (result !== null && result !== false) return result;
      if (worker && (worker.child.exitCode !== null || worker.child.signalCode !== null))
        throw new Error(
          `worker exited (${worker.child.exitCode ?? worker.child.signalCode}) before ${what}:\n${worker.output()}`,
        );
      if (Date.now() > stop)
        throw new Error(
          `${what}: not within ${ms} ms${worker ? `\nworker output:\n${worker.output()}` : ''}`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    t.dataSource.query<T[]>(sql, params);
  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    (await rows<T>(sql, params))[0];
  type Count = { n: number };
  type Money = Record<'allocated' | 'committed' | 'disbursed', string>;

  /** Everything the lapse transition writes, as this application and its frame stand now. */
  async function stateOf(id: string, frameId: string) {
    return {
      application: await one(
        `SELECT status, state, granted_amount, updated_at FROM application WHERE id = $1`,
        [id],
      ),
      acceptance: await one<{ status: string }>(
        `SELECT status, settled_at, outcome FROM deadline WHERE application_id = $1 AND kind = 'acceptance'`,
        [id],
      ),
      frame: await one<Money>(
        `SELECT allocated, committed, disbursed, updated_at FROM budget_frame WHERE id = $1`,
        [frameId],
      ),
      position: await one(`SELECT committed, released, disbursed FROM grant_position WHERE grant_key = $1`, [
        id,
      ]),
      audit: await one<{ n: number; last: number }>(
        `SELECT count(*)::int AS n, max(seq) AS last FROM audit_record WHERE application_id = $1`,
        [id],
      ),
      ledger: await one<Count>(`SELECT count(*)::int AS n FROM ledger_entry WHERE frame_id = $1`, [frameId]),
      notifications: await one<Count>(
        `SELECT count(*)::int AS n FROM notification WHERE application_id = $1`,
        [id],
      ),
      outbox: await one<Count>(`SELECT count(*)::int AS n FROM outbox_message WHERE application_id = $1`, [
        id,
      ]),
    };
  }

  it('leaves no half-done transition, and the retry lapses the grant and returns its money exactly once', async () => {
    // A granted application whose acceptance deadline (21 days after the decision on the manual clock)
    // has long passed by the real clock the worker processes read.
    const id = await recommended(t, AMOUNT);
    await expectOk(act(t, APPROVER, id, 'decide-grant'));
    const deadline = await one<{ id: string; due_at: Date }>(
      `SELECT id, due_at FROM deadline WHERE application_id = $1 AND kind = 'acceptance' AND status = 'scheduled'`,
      [id],
    );
    expect(deadline.due_at.getTime()).toBeLessThan(Date.now());
    const { frame_id: frameId } = await one<{ frame_id: string }>(
      `SELECT frame_id FROM application WHERE id = $1`,
      [id],
    );
    const before = await stateOf(id, frameId);
    expect(before.application).toMatchObject({ status: 'granted', state: 'granted.awaiting_acceptance' });
    expect(before.acceptance).toMatchObject({ status: 'scheduled' });

    // Another session holds the frame row, so the handler's transaction stops at its money update,
    // after it has locked the deadline and written the application and its audit record (FOR NO KEY
    // UPDATE: only writers of the row wait, not foreign-key checks against it).
    holder = new Client({ connectionString: t.config.database.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT 1 FROM budget_frame WHERE id = $1 FOR NO KEY UPDATE`, [frameId]);
    const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;

    const first = startWorker();
    const blocked = await until(
      'the first worker is waiting for the frame row inside its transaction',
      async () =>
        (await one<{ pid: number; wait_event_type: string; wrote: boolean }>(
          `SELECT pid, wait_event_type, backend_xid IS NOT NULL AS wrote FROM pg_stat_activity
            WHERE datname = current_database() AND $1 = ANY(pg_blocking_pids(pid))`,
          [holderPid],
        )) ?? null,
      STARTUP_MS,
      first,
    );
    expect(blocked).toMatchObject({ wait_event_type: 'Lock', wrote: true });
    // Its open transaction has already changed the deadline, the application and the audit trail.
    const written = (
      await rows<{ relname: string }>(
        `SELECT DISTINCT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE l.pid = $1 AND l.mode = 'RowExclusiveLock' AND l.granted`,
        [blocked.pid],
      )
    ).map((r) => r.relname);
    expect(written).toEqual(expect.arrayContaining(['application', 'audit_record']));

    // The process dies mid-handler; only then does the frame row come free.
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    await holder.query('ROLLBACK');
    await holder.end();
    holder = null;
    // PostgreSQL ends the dead worker's blocked session as soon as it gets the row and finds its
    // client gone, rolling its transaction back; no other session has one open.
    await until(
      "the dead worker's transaction is gone",
      async () =>
        (
          await one<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()
              AND pid <> pg_backend_pid() AND (pid = $1 OR xact_start IS NOT NULL)`,
            [blocked.pid],
          )
        ).n === 0,
      30_000,
    );

    expect(await stateOf(id, frameId)).toEqual(before);
    const timers = t.app.get(DeadlineTimers);
    const redis = t.app.get<Redis>(REDIS);
    const job = await timers.queue.getJob(deadline.id);
    // BullMQ still counts the job as running: its lock runs out, no worker renews it.
    expect(await job?.getState()).toBe('active');

    // A new worker, once up, finds the job stalled (its lock ran out) and runs it again, to the end.
    const second = startWorker();
    await until(
      'the second worker is up',
      async () => (await redis.zscore(HEARTBEATS_KEY, `${hostname()}:${second.child.pid}`)) !== null,
      STARTUP_MS,
      second,
    );
    await until(
      'the second worker has fired the acceptance deadline',
      async () => (await stateOf(id, frameId)).acceptance.status === 'fired',
      30_000,
      second,
    );

    const after = await stateOf(id, frameId);
    expect(after.application).toMatchObject({ status: 'lapsed', state: 'lapsed' });
    expect(after.acceptance).toMatchObject({ status: 'fired' });
    expect(after.frame).toMatchObject({
      allocated: before.frame.allocated,
      committed: String(Number(before.frame.committed) - AMOUNT),
      disbursed: before.frame.disbursed,
    });
    expect(after.position).toEqual({ committed: String(AMOUNT), released: String(AMOUNT), disbursed: '0' });
    expect(after.ledger.n).toBe(before.ledger.n + 1);
    const entries = await t.dataSource.query(
      `SELECT kind, amount FROM ledger_entry WHERE application_id = $1 ORDER BY id`,
      [id],
    );
    expect(entries).toEqual([
      { kind: 'commitment', amount: String(AMOUNT) },
      { kind: 'release', amount: String(AMOUNT) },
    ]);
    const audit = await t.dataSource.query(
      `SELECT seq, event, actor_role FROM audit_record WHERE application_id = $1 AND seq > $2 ORDER BY seq`,
      [id, before.audit.last],
    );
    expect(audit).toEqual([
      { seq: before.audit.last + 1, event: 'ACCEPTANCE_DEADLINE_PASSED', actor_role: 'system' },
      { seq: before.audit.last + 2, event: 'FUNDS_RELEASED', actor_role: 'system' },
    ]);
    const verification = await t
      .http()
      .get(`/api/v1/applications/${id}/history/verification`)
      .set('authorization', await t.bearer(OFFICER));
    expect(verification.body).toMatchObject({ valid: true, records: before.audit.n + 2 });

    // The same job completed, after BullMQ had put it back once as stalled.
    const retried = await timers.queue.getJob(deadline.id);
    expect(await retried?.getState()).toBe('completed');
    expect(retried).toMatchObject({ returnvalue: 'fired', stalledCounter: 1 });
  }, 360_000); // two worker start-ups (STARTUP_MS each) and the rest
});
