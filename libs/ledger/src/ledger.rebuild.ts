import { positionKey, toFrameBalances, toGrantBalances } from './ledger.model';
import type {
  FrameBalances,
  FrameId,
  GrantBalances,
  GrantCounters,
  GrantId,
  LedgerBalances,
  LedgerEntry,
} from './ledger.types';

type Totals = { allocated: number; committed: number; disbursed: number };
type Counters = { -readonly [K in keyof GrantCounters]: number } & {
  readonly frameId: FrameId;
  readonly grantId: GrantId;
};

/**
 * The balances folded from accepted entries alone, with no checks: the proof that running totals are
 * right. The same sums, as SQL over `ledger_entry`, prove the database's frame and grant rows.
 *
 *   allocated = Σ allocation + Σ top_up + Σ reallocation in − Σ reallocation out
 *             + Σ carry_over in − Σ carry_over out
 *   committed = Σ commitment − Σ release − Σ disbursement + Σ carry_over in − Σ carry_over out
 *   disbursed = Σ disbursement − Σ repayment
 *   per grant and frame: each counter is the sum of its kind (carry_over split by direction)
 *
 * A fold can be fed entries as they are accepted; `balances()` at any point equals `rebuildBalances`
 * over the same entries, which lets a long randomised run compare after every step without
 * re-reading the whole log each time.
 */
export class LedgerFold {
  private readonly frames = new Map<FrameId, Totals>();
  private readonly positions = new Map<FrameId, Map<GrantId, Counters>>();
  private readonly order: Counters[] = [];

  constructor(frameIds: Iterable<FrameId> = []) {
    for (const id of frameIds) this.frame(id);
  }

  /** A frame with no entries yet, so that it shows with zero balances. */
  addFrame(frameId: FrameId): this {
    this.frame(frameId);
    return this;
  }

  add(entry: LedgerEntry): this {
    const f = this.frame(entry.frameId);
    const x = entry.amount;
    switch (entry.kind) {
      case 'allocation':
      case 'top_up':
        f.allocated += x;
        break;
      case 'reallocation':
        f.allocated += entry.direction === 'in' ? x : -x;
        break;
      case 'commitment':
        f.committed += x;
        this.position(entry.frameId, entry.grantId).committed += x;
        break;
      case 'release':
        f.committed -= x;
        this.position(entry.frameId, entry.grantId).released += x;
        break;
      case 'disbursement':
        f.committed -= x;
        f.disbursed += x;
        this.position(entry.frameId, entry.grantId).disbursed += x;
        break;
      case 'repayment':
        f.disbursed -= x;
        this.position(entry.frameId, entry.grantId).repaid += x;
        break;
      case 'carry_over': {
        const p = this.position(entry.frameId, entry.grantId);
        if (entry.direction === 'in') {
          f.allocated += x;
          f.committed += x;
          p.carriedIn += x;
        } else {
          f.allocated -= x;
          f.committed -= x;
          p.carriedOut += x;
        }
        break;
      }
    }
    return this;
  }

  addAll(entries: Iterable<LedgerEntry>): this {
    for (const entry of entries) this.add(entry);
    return this;
  }

  balances(): LedgerBalances {
    const frames = new Map<FrameId, FrameBalances>();
    for (const [id, t] of this.frames) frames.set(id, toFrameBalances(t));
    const positions = new Map<string, GrantBalances>();
    for (const p of this.order) positions.set(positionKey(p.frameId, p.grantId), toGrantBalances(p));
    return { frames, positions };
  }

  private frame(id: FrameId): Totals {
    let totals = this.frames.get(id);
    if (!totals) this.frames.set(id, (totals = { allocated: 0, committed: 0, disbursed: 0 }));
    return totals;
  }

  private position(frameId: FrameId, grantId: GrantId): Counters {
    let grants = this.positions.get(frameId);
    if (!grants) this.positions.set(frameId, (grants = new Map<GrantId, Counters>()));
    let counters = grants.get(grantId);
    if (!counters) {
      counters = {
        frameId,
        grantId,
        committed: 0,
        released: 0,
        disbursed: 0,
        repaid: 0,
        carriedIn: 0,
        carriedOut: 0,
      };
      grants.set(grantId, counters);
      this.order.push(counters);
    }
    return counters;
  }
}

/** Every balance folded from scratch. `frameIds` adds frames that have no entries, with zero balances. */
export function rebuildBalances(
  entries: Iterable<LedgerEntry>,
  frameIds: Iterable<FrameId> = [],
): LedgerBalances {
  return new LedgerFold(frameIds).addAll(entries).balances();
}

/**
 * Where two sets of balances disagree, one line each (empty when they agree): for comparing running
 * totals with a rebuild, or the database's rows with the model.
 */
export function balanceDifferences(expected: LedgerBalances, actual: LedgerBalances): string[] {
  const differences: string[] = [];
  for (const [id, x] of expected.frames) {
    const y = actual.frames.get(id);
    if (!y) differences.push(`frame ${id}: missing`);
    else if (!sameFrame(x, y)) differences.push(`frame ${id}: expected ${show(x)}, got ${show(y)}`);
  }
  for (const id of actual.frames.keys())
    if (!expected.frames.has(id)) differences.push(`frame ${id}: unexpected`);
  for (const [key, x] of expected.positions) {
    const y = actual.positions.get(key);
    if (!y) differences.push(`grant ${key}: missing`);
    else if (!sameGrant(x, y)) differences.push(`grant ${key}: expected ${show(x)}, got ${show(y)}`);
  }
  for (const key of actual.positions.keys()) {
    if (!expected.positions.has(key)) differences.push(`grant ${key}: unexpected`);
  }
  return differences;
}

// Field by field rather than generically: this runs after every step of every randomised history.
const sameFrame = (a: FrameBalances, b: FrameBalances): boolean =>
  a.allocated === b.allocated &&
  a.committed === b.committed &&
  a.disbursed === b.disbursed &&
  a.available === b.available;

const sameGrant = (a: GrantBalances, b: GrantBalances): boolean =>
  a.frameId === b.frameId &&
  a.grantId === b.grantId &&
  a.committed === b.committed &&
  a.released === b.released &&
  a.disbursed === b.disbursed &&
  a.repaid === b.repaid &&
  a.carriedIn === b.carriedIn &&
  a.carriedOut === b.carriedOut &&
  a.outstanding === b.outstanding &&
  a.repayable === b.repayable;

const show = (value: object): string => JSON.stringify(value);
