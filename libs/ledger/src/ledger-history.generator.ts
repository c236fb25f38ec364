import { carryOverEntries, reallocationEntries } from './ledger.entries';
import { applyOperation, availableOf, emptyLedger, outstandingOf } from './ledger.model';
import type { LedgerResult, RefusalCode } from './ledger.refusals';
import type {
  CommitmentEntry,
  FrameDefinition,
  FrameState,
  GrantPosition,
  LedgerEntry,
  LedgerOperation,
  LedgerState,
} from './ledger.types';
import { seededRandom, type SeededRandom } from './seeded-random';

/** One operation of a generated history, with what the generator meant by it. */
export interface LedgerStep {
  readonly operation: LedgerOperation;
  /** e.g. `commit.exact_available`; names the case in failure messages and coverage counts. */
  readonly intent: string;
  /**
   * Set on the boundary cases the generator built on purpose (exactly enough, one øre too much, …):
   * the outcome the step must have. Unset where the outcome is left to the model.
   */
  readonly expect?: 'accepted' | RefusalCode;
}

export interface LedgerHistory {
  readonly seed: number;
  readonly steps: readonly LedgerStep[];
}

export interface ReplayedStep {
  readonly index: number;
  readonly step: LedgerStep;
  readonly result: LedgerResult;
  /** The state after the step; unchanged when it was refused. */
  readonly state: LedgerState;
  /** The accepted entries so far, in order (the append-only log). Shared between steps: read only. */
  readonly log: readonly LedgerEntry[];
}

/** Replays a history through the model, one step at a time: what a database replay is compared with. */
export function* replayHistory(history: LedgerHistory): Generator<ReplayedStep> {
  let state = emptyLedger();
  const log: LedgerEntry[] = [];
  for (const [index, step] of history.steps.entries()) {
    const result = applyOperation(state, step.operation);
    if (result.ok) {
      state = result.state;
      if (step.operation.op === 'movement') log.push(...step.operation.entries);
    }
    yield { index, step, result, state, log };
  }
}

/** The state after a whole history, and its log of accepted entries. */
export function finalStateOf(history: LedgerHistory): { state: LedgerState; log: readonly LedgerEntry[] } {
  let last: { state: LedgerState; log: readonly LedgerEntry[] } = { state: emptyLedger(), log: [] };
  for (const replayed of replayHistory(history)) last = replayed;
  return { state: last.state, log: last.log };
}

const kroner = (amount: number) => amount * 100;
const RECIPIENTS = [
  'Fjordtre AS',
  'Nordlys Mekaniske AS',
  'Havbruk Trøndelag AS',
  'Snekker Berg ENK',
  'Vestkyst Regnskap AS',
];
const RELEASE_REASONS = [
  'lapsed: not accepted in time',
  'withdrawn after grant',
  'reduced at final report',
  'grant cancelled',
];
type StepKind =
  | 'commit'
  | 'disburse'
  | 'release'
  | 'repay'
  | 'top_up'
  | 'allocate'
  | 'reallocate'
  | 'carry_over'
  | 'release_and_commit'
  | 'set_status'
  | 'malformed';
const WEIGHTS: Record<StepKind, number> = {
  commit: 26,
  disburse: 16,
  release: 9,
  repay: 5,
  top_up: 4,
  allocate: 2,
  reallocate: 8,
  carry_over: 5,
  release_and_commit: 3,
  set_status: 3,
  malformed: 6,
};

/** The malformed requests a history mixes in, each refused whatever the money. */
export const MALFORMED_VARIANTS = [
  'amount',
  'no_reason',
  'unknown_grant',
  'unknown_frame',
  'wrong_currency',
  'no_recipient',
  'same_frame',
  'lone_half',
  'overflow',
] as const;
export type MalformedVariant = (typeof MALFORMED_VARIANTS)[number];

const MALFORMED_WEIGHTS: Record<MalformedVariant, number> = {
  amount: 30,
  no_reason: 8,
  unknown_grant: 8,
  unknown_frame: 6,
  wrong_currency: 8,
  no_recipient: 8,
  same_frame: 8,
  lone_half: 8,
  overflow: 6,
};

/**
 * What a history may contain, for a replay against a store that lacks some of the model's concepts
 * (the PostgreSQL ledger has no sub-frames, and its typed commands cannot express a lone half).
 */
export interface HistoryOptions {
  /** Now and then split the 2020 frame into BIO1/BIO2 sub-frames (default true). */
  readonly subFrames?: boolean;
  /** The malformed requests to mix in (default all of `MALFORMED_VARIANTS`). */
  readonly malformed?: readonly MalformedVariant[];
}

/**
 * A realistic, deterministic ledger history: a county's BIO frame for 2020 (sometimes split into BIO1
 * and BIO2 sub-frames), the 2021 frame, sometimes a Swedish frame in SEK, their allocations, then
 * `steps` operations of grants, payments, releases, repayments, top-ups, reallocations, carry-overs and
 * status changes, with boundary cases and malformed requests mixed in so that every refusal occurs.
 * The same seed and options give the same history (for this version of the generator and the model).
 */
export function generateLedgerHistory(
  seed: number,
  steps: number,
  options: HistoryOptions = {},
): LedgerHistory {
  return new HistoryWriter(seededRandom(seed), options).write(steps);
}

class HistoryWriter {
  private state = emptyLedger();
  private readonly steps: LedgerStep[] = [];
  private clock = Date.UTC(2020, 0, 6, 8);
  private readonly county: string;
  private readonly finance: string[];
  private readonly officers: string[];
  /** Frames that take allocations (no parent); definitions only, read totals from `state`. */
  private readonly roots: FrameDefinition[] = [];

  private readonly subFrames: boolean;
  private readonly malformedWeights: Partial<Record<MalformedVariant, number>>;

  constructor(
    private readonly rng: SeededRandom,
    options: HistoryOptions,
  ) {
    this.subFrames = options.subFrames ?? true;
    const malformed = options.malformed ?? MALFORMED_VARIANTS;
    this.malformedWeights = Object.fromEntries(malformed.map((v) => [v, MALFORMED_WEIGHTS[v]]));
    this.county = rng.uuid();
    this.finance = [rng.uuid(), rng.uuid()];
    this.officers = [rng.uuid(), rng.uuid(), rng.uuid()];
  }

  write(count: number): LedgerHistory {
    this.setUp();
    for (let i = 0; i < count; i++) {
      // A kind that finds nothing to act on (no grant to pay yet) falls back to a commitment.
      const kind = this.rng.weighted(WEIGHTS);
      if (!this.stepOf(kind)) this.commit();
    }
    return { seed: this.rng.seed, steps: this.steps };
  }

  private stepOf(kind: StepKind): boolean {
    switch (kind) {
      case 'commit':
        return this.commit();
      case 'disburse':
        return this.disburse();
      case 'release':
        return this.release();
      case 'repay':
        return this.repay();
      case 'top_up':
        return this.topUp();
      case 'allocate':
        return this.allocate();
      case 'reallocate':
        return this.reallocate();
      case 'carry_over':
        return this.carryOver();
      case 'release_and_commit':
        return this.releaseAndCommit();
      case 'set_status':
        return this.setStatus();
      case 'malformed':
        return this.malformed();
    }
  }

  // ── Set-up ───────────────────────────────────────────────────────────────────────────────

  private setUp(): void {
    const bio2020 = this.openFrame({ name: 'BIO 2020', year: 2020, currency: 'NOK' });
    this.allocation(
      bio2020.id,
      kroner(this.rng.int(2_000, 6_000) * 1_000) + this.rng.int(0, 99),
      'setup.allocation',
    );
    if (this.subFrames && this.rng.chance(0.5)) {
      // Trøndelag split its year's frame: BIO1 small firms, BIO2 medium, the rest kept on the parent.
      const bio1 = this.openFrame({
        name: 'BIO1 små bedrifter',
        year: 2020,
        currency: 'NOK',
        parentId: bio2020.id,
      });
      const bio2 = this.openFrame({
        name: 'BIO2 mellomstore bedrifter',
        year: 2020,
        currency: 'NOK',
        parentId: bio2020.id,
      });
      const total = this.frame(bio2020.id).allocated;
      this.reallocation(bio2020.id, bio1.id, Math.floor(total * 0.55), 'setup.split');
      this.reallocation(bio2020.id, bio2.id, Math.floor(total * 0.2), 'setup.split');
    }
    const bio2021 = this.openFrame({ name: 'BIO 2021', year: 2021, currency: 'NOK' });
    this.allocation(bio2021.id, kroner(this.rng.int(1_000, 4_000) * 1_000), 'setup.allocation');
    if (this.rng.chance(0.4)) {
      const sek = this.openFrame({
        name: 'Kompetensstöd 2020',
        year: 2020,
        currency: 'SEK',
        schemeId: 'se-kompetens',
      });
      this.allocation(sek.id, kroner(this.rng.int(500, 2_000) * 1_000), 'setup.allocation');
    }
  }

  private openFrame(
    input: Pick<FrameDefinition, 'name' | 'year' | 'currency' | 'parentId'> & { schemeId?: string },
  ) {
    const frame: FrameDefinition = {
      id: this.rng.uuid(),
      schemeId: input.schemeId ?? 'bio',
      countyId: this.county,
      year: input.year,
      name: input.name,
      currency: input.currency,
      status: 'open',
      ...(input.parentId === undefined ? {} : { parentId: input.parentId }),
    };
    this.emit({ op: 'open_frame', frame }, 'setup.open_frame', 'accepted');
    if (input.parentId === undefined) this.roots.push(frame);
    return frame;
  }

  private allocation(frameId: string, amount: number, intent: string): void {
    this.emitEntries(
      [
        {
          ...this.meta('finance'),
          kind: 'allocation',
          frameId,
          amount,
          currency: this.frame(frameId).currency,
        },
      ],
      intent,
      'accepted',
    );
  }

  private reallocation(fromFrameId: string, toFrameId: string, amount: number, intent: string): void {
    const entries = reallocationEntries({
      ...this.meta('finance'),
      caseReference: this.caseReference(),
      fromFrameId,
      toFrameId,
      amount,
      currency: this.frame(fromFrameId).currency,
    });
    this.emitEntries(entries, intent, 'accepted');
  }

  // ── Grants ───────────────────────────────────────────────────────────────────────────────

  private commit(): boolean {
    const frames = [...this.state.frames.values()];
    const open = frames.filter((f) => f.status === 'open');
    const frame = this.rng.pick(open.length > 0 && this.rng.chance(0.9) ? open : frames);
    const available = availableOf(frame);
    let variant = this.rng.weighted({ normal: 70, exact_available: 12, one_ore_too_much: 10, direct: 8 });
    if (variant === 'exact_available' && available === 0) variant = 'normal';
    let amount = this.grantAmount();
    let expect: LedgerStep['expect'];
    if (variant === 'exact_available') {
      amount = available;
      expect = 'accepted';
    } else if (variant === 'one_ore_too_much') {
      amount = available + 1;
      expect = 'frame_exhausted';
    }
    if (frame.status === 'closed') expect = 'frame_closed';
    this.emitEntries([this.commitment(frame, amount, variant === 'direct')], `commit.${variant}`, expect);
    return true;
  }

  private commitment(frame: FrameState, amount: number, direct = false): CommitmentEntry {
    const grantId = this.rng.uuid();
    const base = {
      ...this.meta('officer'),
      kind: 'commitment' as const,
      frameId: frame.id,
      amount,
      currency: frame.currency,
      grantId,
    };
    return direct
      ? {
          ...base,
          recipient: this.rng.pick(RECIPIENTS),
          caseReference: this.caseReference(),
          reason: 'direct allocation (forenklet tilsagn)',
        }
      : { ...base, applicationId: grantId };
  }

  private disburse(): boolean {
    const position = this.pickPosition((p) => outstandingOf(p) > 0);
    if (!position) return false;
    const outstanding = outstandingOf(position);
    const variant = this.rng.weighted({ advance: 45, rest: 35, one_ore_too_much: 20 });
    const amount =
      variant === 'advance'
        ? Math.max(1, Math.floor((outstanding * this.rng.int(25, 75)) / 100))
        : variant === 'rest'
          ? outstanding
          : outstanding + 1;
    const expect = variant === 'one_ore_too_much' ? 'disbursement_exceeds_outstanding' : 'accepted';
    this.emitEntries(
      [this.onGrant('disbursement', position, amount, 'payment')],
      `disburse.${variant}`,
      expect,
    );
    return true;
  }

  private release(): boolean {
    const spent = this.rng.chance(0.1) ? this.pickPosition((p) => outstandingOf(p) === 0) : undefined;
    if (spent) {
      this.emitEntries(
        [this.onGrant('release', spent, 1, 'lapsed')],
        'release.nothing_outstanding',
        'release_exceeds_outstanding',
      );
      return true;
    }
    const position = this.pickPosition((p) => outstandingOf(p) > 0);
    if (!position) return false;
    const outstanding = outstandingOf(position);
    const variant = this.rng.weighted({ all: 40, part: 40, one_ore_too_much: 20 });
    const amount =
      variant === 'all' ? outstanding : variant === 'part' ? this.rng.int(1, outstanding) : outstanding + 1;
    const expect = variant === 'one_ore_too_much' ? 'release_exceeds_outstanding' : 'accepted';
    this.emitEntries(
      [this.onGrant('release', position, amount, this.rng.pick(RELEASE_REASONS))],
      `release.${variant}`,
      expect,
    );
    return true;
  }

  private repay(): boolean {
    const position = this.pickPosition((p) => p.disbursed - p.repaid > 0);
    if (!position) return false;
    const repayable = position.disbursed - position.repaid;
    const variant = this.rng.weighted({ part: 60, all: 20, one_ore_too_much: 20 });
    const amount =
      variant === 'all' ? repayable : variant === 'part' ? this.rng.int(1, repayable) : repayable + 1;
    const expect = variant === 'one_ore_too_much' ? 'repayment_exceeds_disbursed' : 'accepted';
    this.emitEntries(
      [this.onGrant('repayment', position, amount, 'repayment (tilbakebetaling)')],
      `repay.${variant}`,
      expect,
    );
    return true;
  }

  /** One decision that releases one grant and commits another: both or neither. */
  private releaseAndCommit(): boolean {
    const position = this.pickPosition(
      (p) => outstandingOf(p) > 0 && this.frame(p.frameId).status === 'open',
    );
    if (!position) return false;
    const frame = this.frame(position.frameId);
    const released = this.rng.int(1, outstandingOf(position));
    const fits = this.rng.chance(0.6);
    const amount = fits ? this.rng.int(1, availableOf(frame) + released) : availableOf(frame) + released + 1;
    const entries = [
      this.onGrant('release', position, released, 'reduced to fund another grant'),
      this.commitment(frame, amount),
    ];
    this.emitEntries(
      entries,
      fits ? 'release_and_commit.fits' : 'release_and_commit.too_much',
      fits ? 'accepted' : 'frame_exhausted',
    );
    return true;
  }

  // ── Frame money ──────────────────────────────────────────────────────────────────────────

  private topUp(): boolean {
    const root = this.rng.pick(this.roots);
    const withReference = this.rng.chance(0.85);
    const entry: LedgerEntry = {
      ...this.meta('finance'),
      reason: 'extra money (tilleggsbevilgning)',
      ...(withReference ? { caseReference: this.caseReference() } : {}),
      kind: 'top_up',
      frameId: root.id,
      amount: kroner(this.rng.int(100, 3_000) * 1_000),
      currency: root.currency,
    };
    this.emitEntries(
      [entry],
      withReference ? 'top_up' : 'top_up.no_case_reference',
      withReference ? 'accepted' : 'case_reference_required',
    );
    return true;
  }

  private allocate(): boolean {
    const subFrames = [...this.state.frames.values()].filter((f) => f.parentId !== undefined);
    const frame =
      subFrames.length > 0 && this.rng.chance(0.3) ? this.rng.pick(subFrames) : this.rng.pick(this.roots);
    const entry: LedgerEntry = {
      ...this.meta('finance'),
      kind: 'allocation',
      frameId: frame.id,
      amount: kroner(this.rng.int(100, 1_000) * 1_000),
      currency: frame.currency,
    };
    const expect = frame.parentId === undefined ? 'accepted' : 'sub_frame_funded_by_parent';
    this.emitEntries([entry], frame.parentId === undefined ? 'allocate' : 'allocate.sub_frame', expect);
    return true;
  }

  private reallocate(): boolean {
    const frames = [...this.state.frames.values()];
    if (frames.length < 2) return false;
    const from = this.rng.pick(frames);
    const to = this.rng.pick(frames.filter((f) => f.id !== from.id));
    const available = availableOf(from);
    const variant = this.rng.weighted({ part: 60, exact_available: 15, one_ore_too_much: 25 });
    const amount =
      variant === 'part' && available > 0
        ? this.rng.int(1, available)
        : variant === 'exact_available' && available > 0
          ? available
          : available + 1;
    const fits = amount <= available;
    const expect =
      from.currency !== to.currency ? 'currency_mismatch' : fits ? 'accepted' : 'frame_exhausted';
    const entries = reallocationEntries({
      ...this.meta('finance'),
      reason: 'omdisponering',
      caseReference: this.caseReference(),
      fromFrameId: from.id,
      toFrameId: to.id,
      amount,
      currency: from.currency,
    });
    this.emitEntries(
      entries,
      `reallocate.${from.currency === to.currency ? (fits ? variant : 'one_ore_too_much') : 'currency'}`,
      expect,
    );
    return true;
  }

  /** Year-end: a 2020 grant's open commitment moves to the 2021 frame (now and then, wrongly, backwards). */
  private carryOver(): boolean {
    const backwards = this.rng.chance(0.1);
    const [fromYear, toYear] = backwards ? [2021, 2020] : [2020, 2021];
    const position = this.pickPosition((p) => {
      const frame = this.frame(p.frameId);
      return outstandingOf(p) > 0 && frame.year === fromYear && frame.currency === 'NOK';
    });
    if (!position) return false;
    const to = this.frame(
      this.rng.pick(this.roots.filter((r) => r.year === toYear && r.currency === 'NOK')).id,
    );
    const outstanding = outstandingOf(position);
    let variant: string = this.rng.weighted({ all: 60, part: 25, one_ore_too_much: 15 });
    const amount =
      variant === 'all' ? outstanding : variant === 'part' ? this.rng.int(1, outstanding) : outstanding + 1;
    let expect: LedgerStep['expect'] =
      variant === 'one_ore_too_much' ? 'carry_over_exceeds_outstanding' : 'accepted';
    if (backwards) [variant, expect] = ['backwards', 'carry_over_not_forward'];
    else if (expect === 'accepted' && to.status === 'closed')
      [variant, expect] = ['into_closed', 'frame_closed'];
    const entries = carryOverEntries({
      ...this.meta('finance'),
      reason: 'overføring av åpne tilsagn',
      caseReference: this.caseReference(),
      fromFrameId: position.frameId,
      toFrameId: to.id,
      grantId: position.grantId,
      amount,
      currency: 'NOK',
    });
    this.emitEntries(entries, `carry_over.${variant}`, expect);
    return true;
  }

  /** Frames close now and then (a round ends, the year is closed) and mostly reopen soon after. */
  private setStatus(): boolean {
    const frames = [...this.state.frames.values()];
    const closed = frames.filter((f) => f.status === 'closed');
    const open = frames.filter((f) => f.status === 'open');
    const reopen = closed.length > 0 && (open.length === 0 || this.rng.chance(0.6));
    const frame = this.rng.pick(reopen ? closed : open);
    const status = reopen ? 'open' : 'closed';
    this.emit({ op: 'set_frame_status', frameId: frame.id, status }, `set_status.${status}`, 'accepted');
    return true;
  }

  // ── Requests that must be refused whatever the money ─────────────────────────────────────

  private malformed(): boolean {
    const open = [...this.state.frames.values()].filter((f) => f.status === 'open');
    const frame = open.length > 0 ? this.rng.pick(open) : this.rng.pick([...this.state.frames.values()]);
    if (Object.keys(this.malformedWeights).length === 0) return false;
    const variant = this.rng.weighted(this.malformedWeights as Record<MalformedVariant, number>);
    const valid = this.commitment(frame, 100);
    const invalidAmount = this.rng.pick([0, -kroner(1_000), 12.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2]);
    switch (variant) {
      case 'amount':
        return this.refused([{ ...valid, amount: invalidAmount }], variant, 'invalid_amount');
      case 'no_reason':
        return this.refused([{ ...valid, reason: '  ' }], variant, 'reason_required');
      case 'unknown_grant':
        return this.refused(
          [
            {
              ...this.meta('finance'),
              kind: 'disbursement',
              frameId: frame.id,
              grantId: this.rng.uuid(),
              amount: 100,
              currency: frame.currency,
            },
          ],
          variant,
          'unknown_grant',
        );
      case 'unknown_frame':
        return this.refused([{ ...valid, frameId: this.rng.uuid() }], variant, 'unknown_frame');
      case 'wrong_currency':
        return this.refused(
          [{ ...valid, currency: frame.currency === 'NOK' ? 'SEK' : 'NOK' }],
          variant,
          'currency_mismatch',
        );
      case 'no_recipient': {
        const { applicationId: _ignored, ...direct } = valid;
        return this.refused(
          [{ ...direct, caseReference: this.caseReference() }],
          variant,
          'recipient_required',
        );
      }
      case 'same_frame': {
        const meta = { ...this.meta('finance'), caseReference: this.caseReference() };
        return this.refused(
          reallocationEntries({
            ...meta,
            fromFrameId: frame.id,
            toFrameId: frame.id,
            amount: 100,
            currency: frame.currency,
          }),
          variant,
          'same_frame',
        );
      }
      case 'lone_half': {
        const [out] = reallocationEntries({
          ...this.meta('finance'),
          caseReference: this.caseReference(),
          fromFrameId: frame.id,
          toFrameId: this.roots[0].id,
          amount: 100,
          currency: frame.currency,
        });
        return this.refused([out], variant, 'unbalanced_movement');
      }
      case 'overflow': {
        // A safe amount whose sum with the frame's total is not safe any more.
        const root = this.frame(this.rng.pick(this.roots).id);
        if (root.allocated === 0) return false;
        const entry: LedgerEntry = {
          ...this.meta('finance'),
          kind: 'allocation',
          frameId: root.id,
          amount: Number.MAX_SAFE_INTEGER,
          currency: root.currency,
        };
        return this.refused([entry], variant, 'invalid_amount');
      }
    }
  }

  private refused(entries: LedgerEntry[], variant: string, expect: RefusalCode | undefined): boolean {
    this.emitEntries(entries, `malformed.${variant}`, expect);
    return true;
  }

  // ── Helpers ──────────────────────────────────────────────────────────────────────────────

  private emitEntries(entries: LedgerEntry[], intent: string, expect?: LedgerStep['expect']): void {
    const movementId = this.rng.uuid();
    this.emit({ op: 'movement', entries: entries.map((e) => ({ ...e, movementId })) }, intent, expect);
  }

  private emit(operation: LedgerOperation, intent: string, expect?: LedgerStep['expect']): void {
    this.steps.push(expect === undefined ? { operation, intent } : { operation, intent, expect });
    const result = applyOperation(this.state, operation);
    if (result.ok) this.state = result.state;
  }

  private frame(id: string): FrameState {
    return this.state.frames.get(id)!;
  }

  private pickPosition(test: (p: GrantPosition) => boolean): GrantPosition | undefined {
    const candidates = [...this.state.positions.values()].filter(test);
    return candidates.length > 0 ? this.rng.pick(candidates) : undefined;
  }

  private onGrant(
    kind: 'release' | 'disbursement' | 'repayment',
    p: GrantPosition,
    amount: number,
    reason: string,
  ): LedgerEntry {
    const frame = this.frame(p.frameId);
    return {
      ...this.meta(kind === 'release' ? 'officer' : 'finance'),
      reason,
      kind,
      frameId: p.frameId,
      grantId: p.grantId,
      amount,
      currency: frame.currency,
    };
  }

  /** Grants of 20 000–500 000 kr, a third of them with odd øre (a computed share of a cost). */
  private grantAmount(): number {
    return kroner(this.rng.int(20, 500) * 1_000) + (this.rng.chance(0.33) ? this.rng.int(1, 99) : 0);
  }

  private caseReference(): string {
    return `FU ${this.rng.int(1, 250)}/${this.rng.pick(['20', '21'])}`;
  }

  private meta(role: 'finance' | 'officer') {
    this.clock += this.rng.int(10, 2 * 24 * 60) * 60_000;
    return {
      actor: this.rng.pick(role === 'finance' ? this.finance : this.officers),
      at: new Date(this.clock).toISOString(),
      reason: role === 'finance' ? 'finance decision' : 'grant decision (vedtak)',
    };
  }
}
