import { ManualClock } from '@lib/common';
import type { EntityManager } from 'typeorm';
import { LedgerService } from '../../src/budget/ledger.service';
import { startBenchApp } from '../lib/app';
import { childEnv } from '../lib/bench-env';
import { spawnTs, stop } from '../lib/children';
import type { SuiteContext } from '../lib/context';
import {
  copyApplication,
  DECISION_TIME,
  frameAndCall,
  seedPeople,
  templateApplication,
} from '../lib/fixtures';
import { exactly, type Target } from '../lib/report';
import type { RaceOutcome, RaceParameters } from '../children/race-decider';

const AMOUNT = 25_000_000;
const SECTION = '2';

/**
 * 2. Overspend race: `attempts` grant decisions from two processes (each its own pool of 25
 * connections, through ApplicationsService) against a frame that fits exactly `fits` of them.
 */
export async function runRace(ctx: SuiteContext): Promise<void> {
  const { attempts, fits, processes, connectionsPerProcess } = ctx.scale.race;
  const clock = new ManualClock(DECISION_TIME);
  const bench = await startBenchApp(ctx.env, { role: 'api', poolSize: 4, clock });
  try {
    const people = await seedPeople(bench.dataSource);
    const template = await templateApplication(bench, clock, people, AMOUNT);
    const { frameId, callId } = await frameAndCall(bench, people, 'race', fits * AMOUNT);
    const ids = await copyApplication(bench.dataSource, template, attempts, [{ callId, frameId }], 'race');
    await bench.dataSource.query('ANALYZE');
    ctx.log(
      `${ids.length} recommended applications of ${AMOUNT / 100} NOK against a frame that fits ${fits}`,
    );

    const children = Array.from({ length: processes }, (_, index) =>
      spawnTs(
        'bench/children/race-decider.ts',
        childEnv(ctx.env, {
          callId,
          index,
          processes,
          concurrency: connectionsPerProcess,
        } satisfies RaceParameters),
        { stdin: true },
      ),
    );
    try {
      await Promise.all(children.map((c) => c.waitForLine((l) => l === 'ready', 120_000)));
      const results = children.map((c) => c.waitForLine((l) => l.startsWith('result '), 1_800_000));
      const started = Date.now();
      for (const child of children) child.process.stdin?.write('go\n');
      const outcomes = (await Promise.all(results)).map(
        (l) => JSON.parse(l.slice('result '.length)) as RaceOutcome,
      );
      const elapsedMs = Date.now() - started;

      const ledger = bench.app.get(LedgerService);
      const { running, rebuilt } = await bench.dataSource.transaction(
        'REPEATABLE READ',
        async (tx: EntityManager) => ({
          running: await ledger.balances(tx, frameId),
          rebuilt: await ledger.rebuild(tx, frameId),
        }),
      );
      const granted = outcomes.reduce((n, o) => n + o.granted, 0);
      const refused: Record<string, number> = {};
      for (const o of outcomes)
        for (const [code, n] of Object.entries(o.refused)) refused[code] = (refused[code] ?? 0) + n;
      const [db] = await bench.dataSource.query<
        Array<{ granted: number; commitments: number; untouched: number }>
      >(
        `SELECT count(*) FILTER (WHERE a.state = 'granted.awaiting_acceptance')::int AS granted,
                (SELECT count(*) FROM ledger_entry e WHERE e.frame_id = $2 AND e.kind = 'commitment')::int AS commitments,
                count(*) FILTER (WHERE a.state = 'assessment.recommended' AND a.frame_id IS NULL AND a.granted_amount IS NULL
                   AND NOT EXISTS (SELECT 1 FROM ledger_entry e WHERE e.application_id = a.id)
                   AND (SELECT count(*) FROM audit_record r WHERE r.application_id = a.id) =
                       (SELECT count(*) FROM audit_record r WHERE r.application_id = $3))::int AS untouched
           FROM application a WHERE a.call_id = $1`,
        [callId, frameId, template],
      );
      const sameTotals = JSON.stringify(running) === JSON.stringify(rebuilt);
      ctx.report.detail('race', {
        attempts,
        fits,
        processes,
        connectionsPerProcess,
        elapsedMs,
        outcomes,
        refused,
        running,
        rebuilt,
        database: db,
      });
      ctx.report.add(
        SECTION,
        `granted of ${attempts} attempts (frame fits ${fits}), ${processes} processes × ${connectionsPerProcess}`,
        {
          ours: granted,
          baseline: fits,
          unit: '',
          note: `refusals: ${
            Object.entries(refused)
              .map(([c, n]) => `${c} ${n}`)
              .join(', ') || 'none'
          }`,
        },
        exactly(fits),
      );
      ctx.report.add(
        SECTION,
        'granted applications and commitment entries in the database',
        {
          ours: Math.min(db.granted, db.commitments),
          baseline: fits,
          unit: '',
          note: `${db.granted} granted rows, ${db.commitments} commitment entries, ${db.untouched} refused left untouched of ${attempts - granted}`,
        },
        {
          text: `= ${fits}, refused untouched`,
          met: () => db.granted === fits && db.commitments === fits && db.untouched === attempts - granted,
        },
      );
      const availableTarget: Target = {
        text: '≥ 0 and = rebuild from entries',
        met: () => running.available >= 0 && sameTotals,
      };
      ctx.report.add(
        SECTION,
        'available at the end (running totals) vs rebuilt from entries',
        {
          ours: running.available,
          baseline: rebuilt.available,
          unit: 'øre',
          note: sameTotals
            ? 'running totals equal the rebuild'
            : `running ${JSON.stringify(running)} ≠ rebuilt ${JSON.stringify(rebuilt)}`,
        },
        availableTarget,
      );
      ctx.report.add(SECTION, 'race elapsed', {
        ours: elapsedMs / 1000,
        unit: 's',
        note: `${((attempts / elapsedMs) * 1000).toFixed(0)} attempts/s; p50/p99 per attempt ${outcomes.map((o) => `${o.latencyMs.p50.toFixed(0)}/${o.latencyMs.p99.toFixed(0)}`).join(', ')} ms`,
      });
    } finally {
      await Promise.all(children.map((c) => stop(c)));
    }
  } finally {
    await bench.close();
  }
}
