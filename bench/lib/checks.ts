import type { EntityManager } from 'typeorm';
import { LedgerService } from '../../src/budget/ledger.service';
import { DeadlineTimers } from '../../src/deadlines/deadline-timers';
import type { BenchApp } from './app';

/** Every frame's running totals equal the rebuild from its entries, and none is overspent. */
export async function framesEqualRebuild(bench: BenchApp, frameIds: readonly string[]): Promise<boolean> {
  const ledger = bench.app.get(LedgerService);
  let balanced = true;
  await bench.dataSource.transaction('REPEATABLE READ', async (tx: EntityManager) => {
    for (const frameId of frameIds) {
      const running = await ledger.balances(tx, frameId);
      const rebuilt = await ledger.rebuild(tx, frameId);
      if (JSON.stringify(running) !== JSON.stringify(rebuilt) || running.available < 0) balanced = false;
    }
  });
  return balanced;
}

/**
 * Every deadline either fired exactly once with all its effects (lapsed, one audit record, one
 * release) or is still scheduled, untouched, with its job in Redis; every frame equals its rebuild.
 */
export async function verifyDeadlines(
  bench: BenchApp,
  referencePattern: string,
  frameIds: readonly string[],
) {
  const [row] = await bench.dataSource.query<
    Array<{ fired: number; scheduled: number; other: number; inconsistent: number; doubled: number }>
  >(
    `WITH d AS (
       SELECT d.id, d.status, a.state,
              (SELECT count(*) FROM audit_record r WHERE r.application_id = a.id AND r.event = 'ACCEPTANCE_DEADLINE_PASSED') AS audits,
              (SELECT count(*) FROM ledger_entry e WHERE e.application_id = a.id AND e.kind = 'release') AS releases
         FROM deadline d JOIN application a ON a.id = d.application_id
        WHERE d.kind = 'acceptance' AND a.reference LIKE $1)
     SELECT count(*) FILTER (WHERE status = 'fired')::int AS fired,
            count(*) FILTER (WHERE status = 'scheduled')::int AS scheduled,
            count(*) FILTER (WHERE status NOT IN ('fired', 'scheduled'))::int AS other,
            count(*) FILTER (WHERE (status = 'fired' AND (state <> 'lapsed' OR audits <> 1 OR releases <> 1))
                                OR (status = 'scheduled' AND (state <> 'granted.awaiting_acceptance' OR audits <> 0 OR releases <> 0)))::int AS inconsistent,
            count(*) FILTER (WHERE audits > 1 OR releases > 1)::int AS doubled
       FROM d`,
    [referencePattern],
  );
  const scheduledIds = (
    await bench.dataSource.query<Array<{ id: string }>>(
      `SELECT d.id FROM deadline d JOIN application a ON a.id = d.application_id
        WHERE d.status = 'scheduled' AND d.kind = 'acceptance' AND a.reference LIKE $1`,
      [referencePattern],
    )
  ).map((r) => r.id);
  let lost = 0;
  const timers = bench.app.get(DeadlineTimers);
  for (let i = 0; i < scheduledIds.length; i += 5000)
    lost += (await timers.missing(scheduledIds.slice(i, i + 5000))).length;
  const framesBalanced = await framesEqualRebuild(bench, frameIds);
  return { ...row, lost, framesBalanced };
}
