// One of the two processes of the overspend race (bench section 2): decides its share of the
// recommended applications through ApplicationsService, `concurrency` at a time, when told "go".
import 'reflect-metadata';
import { DomainError, ManualClock } from '@lib/common';
import { createInterface } from 'node:readline';
import { ApplicationsService } from '../../src/applications/applications.service';
import { startBenchApp } from '../lib/app';
import { readChildEnv } from '../lib/bench-env';
import { DECISION_TIME, seedPeople } from '../lib/fixtures';
import { closedLoop } from '../lib/stats';

export interface RaceParameters {
  callId: string;
  index: number;
  processes: number;
  concurrency: number;
}

export interface RaceOutcome {
  attempts: number;
  granted: number;
  refused: Record<string, number>;
  elapsedMs: number;
  latencyMs: { p50: number; p99: number };
}

async function main(): Promise<void> {
  const { env, parameters: p } = readChildEnv<RaceParameters>();
  const bench = await startBenchApp(env, {
    role: 'api',
    poolSize: p.concurrency,
    clock: new ManualClock(DECISION_TIME),
  });
  const people = await seedPeople(bench.dataSource);
  const all = await bench.dataSource.query<Array<{ id: string }>>(
    `SELECT id FROM application WHERE call_id = $1 AND state = 'assessment.recommended' ORDER BY reference`,
    [p.callId],
  );
  const ids = all.filter((_, i) => i % p.processes === p.index).map((r) => r.id);
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      if (line.trim() === 'go') {
        lines.close();
        resolve();
      }
    });
  });
  const service = bench.app.get(ApplicationsService);
  let granted = 0;
  const refused: Record<string, number> = {};
  const result = await closedLoop({ count: ids.length, concurrency: p.concurrency }, async (i) => {
    try {
      await service.send(people.approver, ids[i], 'DECIDE_GRANT', {}, undefined);
      granted++;
    } catch (error) {
      const code = error instanceof DomainError ? error.code : `unexpected: ${String(error)}`.slice(0, 120);
      refused[code] = (refused[code] ?? 0) + 1;
    }
  });
  const outcome: RaceOutcome = {
    attempts: ids.length,
    granted,
    refused,
    elapsedMs: result.elapsedMs,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
  };
  process.stdout.write(`result ${JSON.stringify(outcome)}\n`);
  await bench.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `race decider failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
