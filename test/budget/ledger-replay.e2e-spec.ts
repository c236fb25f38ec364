import { DomainError, type Actor } from '@lib/common';
import {
  generateLedgerHistory,
  replayHistory,
  type HistoryOptions,
  type LedgerEntry,
  type LedgerOperation,
  type LedgerState,
  type RefusalCode,
  type ReplayedStep,
} from '@lib/ledger';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import { FramesService } from '../../src/budget/frames.service';
import { LedgerService } from '../../src/budget/ledger.service';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The pure ledger model (`libs/ledger`) as the oracle of the PostgreSQL ledger: seeded histories are
 * driven through the real services (frames set up and closed by `FramesService`, money moved by
 * `LedgerService`, the layer both the finance commands and the lifecycle's money effects go through),
 * and after every step each outcome and every balance must be the model's.
 *
 *   LEDGER_SEED=1234 npx jest test/budget/ledger-replay      one seed (LEDGER_STEPS sets its length)
 *   LEDGER_HISTORIES=200 npx jest test/budget/ledger-replay  more seeds than the default
 */
const onlySeed = process.env.LEDGER_SEED === undefined ? undefined : Number(process.env.LEDGER_SEED);
const histories = Number(process.env.LEDGER_HISTORIES ?? 25);
const stepsFor = (seed: number) =>
  process.env.LEDGER_STEPS ? Number(process.env.LEDGER_STEPS) : 30 + (seed % 100);
const seeds = onlySeed === undefined ? Array.from({ length: histories }, (_, i) => i + 1) : [onlySeed];

/**
 * What the database ledger cannot hold or be asked: it has no sub-frames (delrammer); the currency of
 * an entry is its frame's, so a wrong one cannot be sent; a reallocation is one command, never a lone
 * half; and a blank reason or a direct allocation without a recipient is refused by the HTTP DTOs
 * before a service is called (`test/budget/finance.e2e-spec.ts`), not by the ledger.
 */
const DATABASE_HISTORIES: HistoryOptions = {
  subFrames: false,
  malformed: ['amount', 'unknown_grant', 'unknown_frame', 'same_frame', 'overflow'],
};

/** What a step came to: `accepted` or a refusal code, and a refusal's money figures. */
interface Outcome {
  code: string;
  figures: Record<string, unknown>;
}

/**
 * The figures a refusal states (what is available, outstanding or repayable, what was requested, the
 * years of a carry-over), which both sides must state alike; the store calls `repayable` `paid`.
 */
function figuresOf(details: object): Record<string, unknown> {
  const { paid, ...rest } = details as Record<string, unknown>;
  const all: Record<string, unknown> = paid === undefined ? rest : { ...rest, repayable: paid };
  const names = ['available', 'outstanding', 'repayable', 'requested', 'fromYear', 'toYear'];
  return Object.fromEntries(names.filter((n) => n in all).map((n) => [n, all[n]]));
}

/** The store answers an unknown frame or grant as any missing object: 404, no existence leak. */
const storeCode = (code: RefusalCode): string =>
  code === 'unknown_frame' || code === 'unknown_grant' ? 'not_found' : code;

type Staff = Extract<Actor, { kind: 'staff' }>;

/** Balances keyed by database frame id, and by `frameId/grantKey` for a grant's position. */
interface Balances {
  frames: Record<string, Record<string, number>>;
  positions: Record<string, Record<string, number>>;
}

describe('the PostgreSQL ledger replays the model’s seeded histories', () => {
  let t: TestApp;
  let ledger: LedgerService;
  let frames: FramesService;
  let finance: Staff;

  beforeAll(async () => {
    t = await startTestApp();
    ledger = t.app.get(LedgerService);
    frames = t.app.get(FramesService);
    const [user] = await t.dataSource.query<Array<{ id: string; county_id: string }>>(
      `SELECT id, county_id FROM user_account WHERE email = 'okonomi@trondelag.example'`,
    );
    finance = {
      kind: 'staff',
      userId: user.id,
      email: 'okonomi@trondelag.example',
      countyId: user.county_id,
      roles: ['finance'],
    };
  });
  afterAll(() => t.close());

  /** One history on frames of its own: the model's frame ids map to the ids the service gave. */
  class Replay {
    readonly frameIds = new Map<string, string>();

    constructor(readonly seed: number) {}

    /** The model's frame id as the database knows it; an unknown frame keeps its (unused) id. */
    frame(id: string): string {
      return this.frameIds.get(id) ?? id;
    }

    /** Carries out one operation: `accepted`, or the code and money figures of its refusal. */
    async apply(operation: LedgerOperation): Promise<Outcome> {
      try {
        switch (operation.op) {
          case 'open_frame': {
            const { frame } = operation;
            const created = await frames.create(finance, {
              schemeId: frame.schemeId,
              year: frame.year,
              name: frame.name,
              currency: frame.currency,
            });
            this.frameIds.set(frame.id, created.id);
            break;
          }
          case 'set_frame_status': {
            const id = this.frame(operation.frameId);
            const { version } = await frames.get(finance, id);
            await frames.setStatus(finance, id, { status: operation.status, version });
            break;
          }
          case 'movement':
            // A movement is all or nothing: its entries share one transaction.
            await t.dataSource.transaction((tx) => this.move(tx, operation.entries));
        }
        return { code: 'accepted', figures: {} };
      } catch (error) {
        if (error instanceof DomainError) return { code: error.code, figures: figuresOf(error.extensions) };
        throw error;
      }
    }

    private async move(tx: EntityManager, entries: readonly LedgerEntry[]): Promise<void> {
      const [first, second] = entries;
      const who = { actorUserId: finance.userId, reason: first.reason, at: new Date(first.at) };
      if (first.kind === 'reallocation' || first.kind === 'carry_over') {
        const [out, into] = first.direction === 'out' ? [first, second] : [second, first];
        const between = {
          ...who,
          fromFrameId: this.frame(out.frameId),
          toFrameId: this.frame(into.frameId),
          amount: first.amount,
          caseReference: first.caseReference ?? '',
        };
        if (first.kind === 'reallocation') await ledger.reallocate(tx, between);
        else await ledger.carryOver(tx, { ...between, grantKey: first.grantId });
        return;
      }
      for (const entry of entries) {
        const on = { ...who, reason: entry.reason, frameId: this.frame(entry.frameId), amount: entry.amount };
        switch (entry.kind) {
          case 'allocation':
          case 'top_up':
            await ledger.allocate(tx, { ...on, kind: entry.kind, caseReference: entry.caseReference });
            break;
          case 'commitment':
            // `ledger_entry.application_id` references a real application, and making one per grant
            // would test the lifecycle, not the ledger: an application's grant is committed under its
            // key without the link, which moves the same money by the same statements.
            await ledger.commit(tx, {
              ...on,
              grantKey: entry.grantId,
              applicationId: null,
              recipient: entry.recipient ?? `application ${entry.grantId}`,
              caseReference: entry.caseReference,
            });
            break;
          case 'release':
            await ledger.release(tx, { ...on, grantKey: entry.grantId });
            break;
          case 'disbursement':
            await ledger.disburse(tx, { ...on, grantKey: entry.grantId });
            break;
          case 'repayment':
            await ledger.repay(tx, { ...on, grantKey: entry.grantId });
            break;
          case 'reallocation':
          case 'carry_over':
            throw new Error(`a ${entry.kind} half outside its pair cannot be sent to the store`);
        }
      }
    }

    /**
     * Every balance the model has, as the database should show it. The store keeps no `carried_in`:
     * a carried-in commitment is part of the position's `committed` there, so the two are compared summed.
     */
    expected(state: LedgerState): Balances {
      const balances: Balances = { frames: {}, positions: {} };
      for (const f of state.frames.values()) {
        balances.frames[this.frame(f.id)] = {
          allocated: f.allocated,
          committed: f.committed,
          disbursed: f.disbursed,
          available: f.allocated - f.committed - f.disbursed,
        };
      }
      for (const p of state.positions.values()) {
        balances.positions[`${this.frame(p.frameId)}/${p.grantId}`] = {
          committed: p.committed + p.carriedIn,
          released: p.released,
          disbursed: p.disbursed,
          repaid: p.repaid,
          carriedOut: p.carriedOut,
          outstanding: p.committed + p.carriedIn - p.released - p.disbursed - p.carriedOut,
          repayable: p.disbursed - p.repaid,
        };
      }
      return balances;
    }

    /** Every balance of this history's frames and grants, from the frame and position rows. */
    async actual(): Promise<Balances> {
      const ids = [...this.frameIds.values()];
      const balances: Balances = { frames: {}, positions: {} };
      const frameRows = await t.dataSource.query<Array<Record<string, string>>>(
        `SELECT id, allocated, committed, disbursed FROM budget_frame WHERE id = ANY($1)`,
        [ids],
      );
      for (const f of frameRows) {
        const [allocated, committed, disbursed] = [f.allocated, f.committed, f.disbursed].map(Number);
        balances.frames[f.id] = {
          allocated,
          committed,
          disbursed,
          available: allocated - committed - disbursed,
        };
      }
      const positionRows = await t.dataSource.query<Array<Record<string, string>>>(
        `SELECT frame_id, grant_key, committed, released, disbursed, repaid, carried_out
           FROM grant_position WHERE frame_id = ANY($1)`,
        [ids],
      );
      for (const p of positionRows) {
        const [committed, released, disbursed, repaid, carriedOut] = [
          p.committed,
          p.released,
          p.disbursed,
          p.repaid,
          p.carried_out,
        ].map(Number);
        balances.positions[`${p.frame_id}/${p.grant_key}`] = {
          committed,
          released,
          disbursed,
          repaid,
          carriedOut,
          outstanding: committed - released - disbursed - carriedOut,
          repayable: disbursed - repaid,
        };
      }
      return balances;
    }
  }

  /** Where a history went wrong, with the command that replays it. */
  function failure(seed: number, replayed: ReplayedStep, problem: string): Error {
    return new Error(
      `ledger history seed ${seed} differs from the database\n` +
        `step ${replayed.index} (${replayed.step.intent}): ${JSON.stringify(replayed.step.operation)}\n` +
        `${problem}\n` +
        `replay: LEDGER_SEED=${seed} LEDGER_STEPS=${stepsFor(seed)} npx jest test/budget/ledger-replay`,
    );
  }

  it(`agrees step by step on ${seeds.length} histories: every outcome and every balance`, async () => {
    const refusals = new Map<string, number>();
    let steps = 0;
    for (const seed of seeds) {
      const replay = new Replay(seed);
      for (const replayed of replayHistory(generateLedgerHistory(seed, stepsFor(seed), DATABASE_HISTORIES))) {
        const { result, state } = replayed;
        let outcome: Outcome;
        try {
          outcome = await replay.apply(replayed.step.operation);
        } catch (error) {
          throw failure(seed, replayed, `the store failed: ${String(error)}`);
        }
        const expected: Outcome = result.ok
          ? { code: 'accepted', figures: {} }
          : { code: storeCode(result.refusal.code), figures: figuresOf(result.refusal) };
        if (!isDeepStrictEqual(outcome, expected)) {
          throw failure(
            seed,
            replayed,
            `model: ${JSON.stringify(expected)}\nstore: ${JSON.stringify(outcome)}`,
          );
        }
        if (!result.ok) refusals.set(outcome.code, (refusals.get(outcome.code) ?? 0) + 1);
        const differing = differences(replay.expected(state), await replay.actual());
        if (differing.length > 0)
          throw failure(seed, replayed, `balances (model ≠ store):\n${differing.join('\n')}`);
        steps++;
      }
    }
    expect(steps).toBeGreaterThan(0);
    // The histories reach every refusal the store can be asked for, not only the happy paths.
    if (onlySeed === undefined) {
      expect([...refusals.keys()].sort()).toEqual([
        'carry_over_exceeds_outstanding',
        'carry_over_not_forward',
        'case_reference_required',
        'currency_mismatch',
        'disbursement_exceeds_outstanding',
        'frame_closed',
        'frame_exhausted',
        'invalid_amount',
        'not_found',
        'release_exceeds_outstanding',
        'repayment_exceeds_disbursed',
        'same_frame',
      ]);
    }
    // 25 histories of a few hundred steps: seconds alone, up to a minute beside other test files.
  }, 180_000);
});

/** Each balance the store shows otherwise than the model, as `where.field: model ≠ store`. */
function differences(want: Balances, have: Balances): string[] {
  const found: string[] = [];
  for (const part of ['frames', 'positions'] as const) {
    for (const key of new Set([...Object.keys(want[part]), ...Object.keys(have[part])])) {
      const [w, h] = [want[part][key], have[part][key]];
      if (!w || !h) {
        found.push(`${part} ${key}: ${w ? 'missing in the store' : 'not in the model'}`);
        continue;
      }
      for (const field of Object.keys(w)) {
        if (w[field] !== h[field]) found.push(`${part} ${key}.${field}: ${w[field]} ≠ ${h[field]}`);
      }
    }
  }
  return found;
}
