import { refuse, type LedgerRefusal, type LedgerResult, type OutstandingRefusal } from './ledger.refusals';
import {
  FRAME_STATUSES,
  type FrameBalances,
  type FrameDefinition,
  type FrameId,
  type FrameState,
  type FrameStatus,
  type FrameTotals,
  type GrantBalances,
  type GrantCounters,
  type GrantId,
  type GrantPosition,
  type LedgerBalances,
  type LedgerEntry,
  type LedgerOperation,
  type LedgerState,
  type PairedEntry,
} from './ledger.types';

/**
 * The budget ledger as a pure fold: state × entry → state or refusal. This is the specification the
 * PostgreSQL store must agree with, step for step (same acceptances, same refusal codes, same totals).
 *
 * Checks run in a fixed order, so that a request with several faults gets the same code everywhere:
 *   1. each entry on its own, in order: amount, reason, grant id, case reference, recipient (and for an
 *      application grant, grant id = application id), frame exists, currency equals the frame's;
 *   2. the movement's shape (pairs: one out + one in, same amount, case reference and grant;
 *      two different frames; same currency; a carry-over goes forward in years);
 *   3. the frame and the money, entry by entry in order (for a pair: out first, then in).
 */

const ZERO_COUNTERS: GrantCounters = {
  committed: 0,
  released: 0,
  disbursed: 0,
  repaid: 0,
  carriedIn: 0,
  carriedOut: 0,
};

export const emptyLedger = (): LedgerState => ({ frames: new Map(), positions: new Map() });

/** The key of a grant's position on a frame in `LedgerState.positions` and `LedgerBalances.positions`. */
export const positionKey = (frameId: FrameId, grantId: GrantId): string => `${frameId}/${grantId}`;

// Bound once: a global lookup is slow inside Jest's vm sandbox, and the randomised test calls this millions of times.
const { isSafeInteger } = Number;

const isPositiveAmount = (amount: unknown): amount is number =>
  typeof amount === 'number' && isSafeInteger(amount) && amount > 0;

const isBlank = (text: unknown): boolean => typeof text !== 'string' || text.trim() === '';

const isPaired = (entry: LedgerEntry): entry is PairedEntry =>
  entry.kind === 'reallocation' || entry.kind === 'carry_over';

const CURRENCY_PATTERN = /^[A-Z]{3}$/;

// ── Reading ──────────────────────────────────────────────────────────────────────────────────

export const availableOf = (t: FrameTotals): number => t.allocated - t.committed - t.disbursed;

export const outstandingOf = (c: GrantCounters): number =>
  c.committed + c.carriedIn - c.released - c.disbursed - c.carriedOut;

export const toFrameBalances = (t: FrameTotals): FrameBalances => ({
  allocated: t.allocated,
  committed: t.committed,
  disbursed: t.disbursed,
  available: availableOf(t),
});

export const toGrantBalances = (
  p: GrantCounters & { frameId: FrameId; grantId: GrantId },
): GrantBalances => ({
  frameId: p.frameId,
  grantId: p.grantId,
  committed: p.committed,
  released: p.released,
  disbursed: p.disbursed,
  repaid: p.repaid,
  carriedIn: p.carriedIn,
  carriedOut: p.carriedOut,
  outstanding: outstandingOf(p),
  repayable: p.disbursed - p.repaid,
});

export const frameOf = (state: LedgerState, frameId: FrameId): FrameState | undefined =>
  state.frames.get(frameId);

/** The frame's balances from its running totals: constant time, as finance reads them. */
export function balancesOf(state: LedgerState, frameId: FrameId): FrameBalances | undefined {
  const frame = frameOf(state, frameId);
  return frame && toFrameBalances(frame);
}

/** A root frame and its sub-frames together: the whole year's frame as it was decided (e.g. 23.2 MNOK). */
export function familyBalancesOf(state: LedgerState, rootId: FrameId): FrameBalances | undefined {
  if (!state.frames.has(rootId)) return undefined;
  const total = { allocated: 0, committed: 0, disbursed: 0 };
  for (const f of state.frames.values()) {
    if (f.id !== rootId && f.parentId !== rootId) continue;
    total.allocated += f.allocated;
    total.committed += f.committed;
    total.disbursed += f.disbursed;
  }
  return toFrameBalances(total);
}

export function grantPositionOf(
  state: LedgerState,
  frameId: FrameId,
  grantId: GrantId,
): GrantPosition | undefined {
  return state.positions.get(positionKey(frameId, grantId));
}

export function grantBalancesOf(
  state: LedgerState,
  frameId: FrameId,
  grantId: GrantId,
): GrantBalances | undefined {
  const position = grantPositionOf(state, frameId, grantId);
  return position && toGrantBalances(position);
}

/** Every frame's and grant's balances from the running totals, in the shape `rebuildBalances` returns. */
export function ledgerBalances(state: LedgerState): LedgerBalances {
  const frames = new Map<FrameId, FrameBalances>();
  for (const [id, f] of state.frames) frames.set(id, toFrameBalances(f));
  const positions = new Map<string, GrantBalances>();
  for (const [key, p] of state.positions) positions.set(key, toGrantBalances(p));
  return { frames, positions };
}

// ── Frames ───────────────────────────────────────────────────────────────────────────────────

/** Opens a frame (or sub-frame) with zero totals. Money arrives by entries. */
export function openFrame(state: LedgerState, frame: FrameDefinition): LedgerResult {
  const invalid = (detail: string) => refuse({ code: 'invalid_frame', frameId: frame.id, detail });
  if (isBlank(frame.id)) return invalid('the id is empty');
  if (state.frames.has(frame.id)) return refuse({ code: 'frame_exists', frameId: frame.id });
  if (!CURRENCY_PATTERN.test(frame.currency))
    return refuse({ code: 'invalid_currency', currency: frame.currency });
  if (!isSafeInteger(frame.year)) return invalid('the year is not a whole number');
  if (!FRAME_STATUSES.includes(frame.status)) return invalid(`unknown status ${String(frame.status)}`);
  if (frame.parentId !== undefined) {
    const parentId = frame.parentId;
    const wrongParent = (detail: string) =>
      refuse({ code: 'invalid_parent', frameId: frame.id, parentId, detail });
    const parent = frameOf(state, parentId);
    if (!parent) return wrongParent('there is no such frame');
    if (parent.parentId !== undefined) return wrongParent('sub-frames are one level deep');
    if (parent.currency !== frame.currency) return wrongParent('the currencies differ');
    if (
      parent.schemeId !== frame.schemeId ||
      parent.countyId !== frame.countyId ||
      parent.year !== frame.year
    ) {
      return wrongParent('a sub-frame has its parent’s scheme, county and year');
    }
  }
  const opened: FrameState = { ...frame, allocated: 0, committed: 0, disbursed: 0 };
  return { ok: true, state: { ...state, frames: new Map(state.frames).set(frame.id, opened) } };
}

/** Opens or closes a frame for new commitments; everything else goes on either way. */
export function setFrameStatus(state: LedgerState, frameId: FrameId, status: FrameStatus): LedgerResult {
  const frame = frameOf(state, frameId);
  if (!frame) return refuse({ code: 'unknown_frame', frameId });
  if (!FRAME_STATUSES.includes(status)) {
    return refuse({ code: 'invalid_frame', frameId, detail: `unknown status ${String(status)}` });
  }
  return { ok: true, state: { ...state, frames: new Map(state.frames).set(frameId, { ...frame, status }) } };
}

// ── Entries ──────────────────────────────────────────────────────────────────────────────────

/** One entry on its own. A reallocation or carry-over half is refused: it only exists as a pair. */
export const applyEntry = (state: LedgerState, entry: LedgerEntry): LedgerResult =>
  applyMovement(state, [entry]);

/**
 * Several entries as one movement, all or nothing: either every entry is applied, or the state is
 * unchanged and the first refusal is returned. A reallocation or carry-over is a movement of exactly
 * its two halves; other kinds may be combined freely.
 */
export function applyMovement(state: LedgerState, entries: readonly LedgerEntry[]): LedgerResult {
  if (entries.length === 0)
    return refuse({ code: 'unbalanced_movement', detail: 'a movement has at least one entry' });
  for (const entry of entries) {
    const refusal = checkEntry(state, entry);
    if (refusal) return refuse(refusal);
  }
  const pair = pairOf(state, entries);
  if (pair && 'code' in pair) return refuse(pair);

  // One copy per movement, changed in place and thrown away on a refusal: the given state never changes.
  const touchesGrants = entries.some((e) => 'grantId' in e);
  const draft: Draft = {
    frames: new Map(state.frames),
    positions: touchesGrants ? new Map(state.positions) : (state.positions as Map<string, GrantPosition>),
  };
  for (const entry of pair ? [pair.out, pair.in] : entries) {
    const refusal = applyChecked(draft, entry, pair?.out);
    if (refusal) return refuse(refusal);
  }
  return { ok: true, state: draft };
}

/** Applies any operation of a history: frame set-up, status change or movement. */
export function applyOperation(state: LedgerState, operation: LedgerOperation): LedgerResult {
  switch (operation.op) {
    case 'open_frame':
      return openFrame(state, operation.frame);
    case 'set_frame_status':
      return setFrameStatus(state, operation.frameId, operation.status);
    case 'movement':
      return applyMovement(state, operation.entries);
  }
}

/** What can be said of one entry without looking at money. */
function checkEntry(state: LedgerState, entry: LedgerEntry): LedgerRefusal | undefined {
  if (!isPositiveAmount(entry.amount)) return { code: 'invalid_amount', amount: entry.amount };
  if (isBlank(entry.reason)) return { code: 'reason_required', kind: entry.kind };
  if ('grantId' in entry && isBlank(entry.grantId)) return { code: 'grant_id_required', kind: entry.kind };
  const direct = entry.kind === 'commitment' && isBlank(entry.applicationId);
  const needsReference = entry.kind === 'top_up' || isPaired(entry) || direct;
  if (needsReference && isBlank(entry.caseReference))
    return { code: 'case_reference_required', kind: entry.kind };
  if (entry.kind === 'commitment') {
    if (direct && isBlank(entry.recipient)) return { code: 'recipient_required', grantId: entry.grantId };
    // For an application, the grant's key is the application id, so both find the same grant.
    if (!direct && entry.applicationId !== entry.grantId) {
      return { code: 'grant_mismatch', frameId: entry.frameId, grantId: entry.grantId };
    }
  }
  const frame = frameOf(state, entry.frameId);
  if (!frame) return { code: 'unknown_frame', frameId: entry.frameId };
  if (entry.currency !== frame.currency) {
    return { code: 'currency_mismatch', frameId: frame.id, expected: frame.currency, actual: entry.currency };
  }
  return undefined;
}

/** The two halves of a pair movement, a refusal when they do not pair up, or undefined when unpaired. */
function pairOf(
  state: LedgerState,
  entries: readonly LedgerEntry[],
): { out: PairedEntry; in: PairedEntry } | LedgerRefusal | undefined {
  const paired = entries.filter(isPaired);
  if (paired.length === 0) return undefined;
  const unbalanced = (detail: string): LedgerRefusal => ({ code: 'unbalanced_movement', detail });
  if (entries.length !== 2 || paired.length !== 2) {
    return unbalanced('a reallocation or carry-over is exactly two entries, one out and one in');
  }
  const out = paired.find((e) => e.direction === 'out');
  const into = paired.find((e) => e.direction === 'in');
  if (!out || !into) return unbalanced('one entry goes out and the other comes in');
  if (out.kind !== into.kind) return unbalanced('both halves are of the same kind');
  if (out.amount !== into.amount) return unbalanced('both halves move the same amount');
  if (out.caseReference !== into.caseReference)
    return unbalanced('both halves carry the same case reference');
  if (out.kind === 'carry_over' && into.kind === 'carry_over' && out.grantId !== into.grantId) {
    return unbalanced('both halves of a carry-over are the same grant');
  }
  if (out.frameId === into.frameId) return { code: 'same_frame', frameId: out.frameId };
  if (out.currency !== into.currency) {
    return {
      code: 'currency_mismatch',
      frameId: into.frameId,
      expected: out.currency,
      actual: into.currency,
    };
  }
  if (out.kind === 'carry_over') {
    const fromYear = frameOf(state, out.frameId)?.year ?? 0;
    const toYear = frameOf(state, into.frameId)?.year ?? 0;
    if (toYear <= fromYear) return { code: 'carry_over_not_forward', fromYear, toYear };
  }
  return { out, in: into };
}

/** A movement's working copy. `positions` is the given state's own map when no entry has a grant: never written. */
interface Draft {
  readonly frames: Map<FrameId, FrameState>;
  readonly positions: Map<string, GrantPosition>;
}

/**
 * The money of one entry that passed `checkEntry`, written into the draft. `pairOut` is the out-half of
 * the entry's pair, from which a carried-in grant takes its application or recipient.
 */
function applyChecked(draft: Draft, entry: LedgerEntry, pairOut?: PairedEntry): LedgerRefusal | undefined {
  const frame = draft.frames.get(entry.frameId)!;
  const amount = entry.amount;
  const available = availableOf(frame);
  const exhausted = (): LedgerRefusal => ({
    code: 'frame_exhausted',
    frameId: frame.id,
    available,
    requested: amount,
  });
  const grantId = 'grantId' in entry ? entry.grantId : '';
  const position = 'grantId' in entry ? draft.positions.get(positionKey(frame.id, grantId)) : undefined;
  const unknownGrant = (): LedgerRefusal => ({ code: 'unknown_grant', frameId: frame.id, grantId });
  const outstanding = position ? outstandingOf(position) : 0;
  const beyondOutstanding = (code: OutstandingRefusal['code']): LedgerRefusal => ({
    code,
    frameId: frame.id,
    grantId,
    outstanding,
    requested: amount,
  });

  switch (entry.kind) {
    case 'allocation':
    case 'top_up':
      if (frame.parentId !== undefined) {
        return { code: 'sub_frame_funded_by_parent', frameId: frame.id, parentId: frame.parentId };
      }
      return store(draft, entry, { ...frame, allocated: frame.allocated + amount });

    case 'reallocation':
      if (entry.direction === 'in')
        return store(draft, entry, { ...frame, allocated: frame.allocated + amount });
      if (available < amount) return exhausted();
      return store(draft, entry, { ...frame, allocated: frame.allocated - amount });

    case 'commitment': {
      if (frame.status !== 'open') return { code: 'frame_closed', frameId: frame.id };
      if (available < amount) return exhausted();
      const applicationId = isBlank(entry.applicationId) ? null : entry.applicationId!;
      const recipient = isBlank(entry.recipient) ? null : entry.recipient!;
      if (
        position &&
        (position.applicationId !== applicationId || (!applicationId && position.recipient !== recipient))
      ) {
        return { code: 'grant_mismatch', frameId: frame.id, grantId };
      }
      const base = position ?? { frameId: frame.id, grantId, applicationId, recipient, ...ZERO_COUNTERS };
      return store(
        draft,
        entry,
        { ...frame, committed: frame.committed + amount },
        { ...base, committed: base.committed + amount },
      );
    }

    case 'release':
      if (!position) return unknownGrant();
      if (outstanding < amount) return beyondOutstanding('release_exceeds_outstanding');
      return store(
        draft,
        entry,
        { ...frame, committed: frame.committed - amount },
        { ...position, released: position.released + amount },
      );

    case 'disbursement':
      if (!position) return unknownGrant();
      if (outstanding < amount) return beyondOutstanding('disbursement_exceeds_outstanding');
      return store(
        draft,
        entry,
        { ...frame, committed: frame.committed - amount, disbursed: frame.disbursed + amount },
        { ...position, disbursed: position.disbursed + amount },
      );

    case 'repayment': {
      if (!position) return unknownGrant();
      const repayable = position.disbursed - position.repaid;
      if (repayable < amount) {
        return {
          code: 'repayment_exceeds_disbursed',
          frameId: frame.id,
          grantId,
          repayable,
          requested: amount,
        };
      }
      return store(
        draft,
        entry,
        { ...frame, disbursed: frame.disbursed - amount },
        { ...position, repaid: position.repaid + amount },
      );
    }

    case 'carry_over': {
      // The money travels with the commitment: allocated and committed move together, so neither
      // frame's available money changes and the new year cannot be overspent by the old year's grants.
      if (entry.direction === 'out') {
        if (!position) return unknownGrant();
        if (outstanding < amount) return beyondOutstanding('carry_over_exceeds_outstanding');
        return store(
          draft,
          entry,
          { ...frame, allocated: frame.allocated - amount, committed: frame.committed - amount },
          { ...position, carriedOut: position.carriedOut + amount },
        );
      }
      if (frame.status !== 'open') return { code: 'frame_closed', frameId: frame.id };
      const source = pairOut && draft.positions.get(positionKey(pairOut.frameId, grantId));
      const applicationId = source?.applicationId ?? null;
      const recipient = source?.recipient ?? null;
      if (position && (position.applicationId !== applicationId || position.recipient !== recipient)) {
        return { code: 'grant_mismatch', frameId: frame.id, grantId };
      }
      const base = position ?? { frameId: frame.id, grantId, applicationId, recipient, ...ZERO_COUNTERS };
      return store(
        draft,
        entry,
        { ...frame, allocated: frame.allocated + amount, committed: frame.committed + amount },
        { ...base, carriedIn: base.carriedIn + amount },
      );
    }
  }
}

/** Writes the new frame totals (and grant counters), unless one would leave the safe integer range. */
function store(
  draft: Draft,
  entry: LedgerEntry,
  frame: FrameState,
  position?: GrantPosition,
): LedgerRefusal | undefined {
  const numbers = [frame.allocated, frame.committed, frame.disbursed];
  if (position) {
    numbers.push(position.committed, position.released, position.disbursed);
    numbers.push(position.repaid, position.carriedIn, position.carriedOut);
  }
  if (!numbers.every((n) => isSafeInteger(n))) return { code: 'invalid_amount', amount: entry.amount };
  draft.frames.set(frame.id, frame);
  if (position) draft.positions.set(positionKey(position.frameId, position.grantId), position);
  return undefined;
}
