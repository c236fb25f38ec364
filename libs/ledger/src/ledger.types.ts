/**
 * The budget ledger's vocabulary. Everything here is plain data: the model (`ledger.model.ts`) folds
 * entries over a state, and the PostgreSQL store keeps the same running totals on the frame row.
 */

/**
 * A whole number of minor units of the frame's currency (øre for NOK, öre for SEK). Never a float:
 * every amount and every running total is a safe integer, which is exact up to about 90 billion kroner.
 */
export type MinorUnits = number;

export type FrameId = string;
/** The grant's key: the application id, or an id of its own for a direct allocation. */
export type GrantId = string;
/** ISO 4217, three capital letters. */
export type CurrencyCode = string;

/** `closed` stops new commitments only; payments, releases and repayments on old ones go on. */
export const FRAME_STATUSES = ['open', 'closed'] as const;
export type FrameStatus = (typeof FRAME_STATUSES)[number];

/** A frame (ramme): one scheme's money for one county and one budget year. */
export interface FrameDefinition {
  readonly id: FrameId;
  readonly schemeId: string;
  readonly countyId: string;
  readonly year: number;
  readonly name: string;
  readonly currency: CurrencyCode;
  readonly status: FrameStatus;
  /**
   * Set on a sub-frame (delramme, e.g. BIO1 small firms / BIO2 medium). One level only. Money enters a
   * family at its root; a sub-frame is funded by reallocation from its parent, so the sub-frames can never
   * hold more than the parent was given.
   */
  readonly parentId?: FrameId;
}

/** The running totals, exactly the three counters the frame row stores. */
export interface FrameTotals {
  /** Tildelt: allocations + top-ups ± reallocations ± carried-over commitments. */
  readonly allocated: MinorUnits;
  /** Rest tilsagn: committed and not yet paid, released or carried out. */
  readonly committed: MinorUnits;
  /** Utbetalt, net of repayments. */
  readonly disbursed: MinorUnits;
}

export interface FrameBalances extends FrameTotals {
  /** Disponibelt = allocated − committed − disbursed; never below zero. */
  readonly available: MinorUnits;
}

/** A frame as the ledger holds it: its definition and its running totals (one database row). */
export interface FrameState extends FrameDefinition, FrameTotals {}

/** The money counters of one grant on one frame (cumulative; each only grows). */
export interface GrantCounters {
  /** Tilsagt on this frame by commitments (not counting what was carried in). */
  readonly committed: MinorUnits;
  readonly released: MinorUnits;
  /** Utbetalt, gross. */
  readonly disbursed: MinorUnits;
  /** Tilbakebetalt. */
  readonly repaid: MinorUnits;
  /** Open commitment moved in from an earlier year's frame (overføring inn). */
  readonly carriedIn: MinorUnits;
  /** Open commitment moved out to a later year's frame (overføring ut). */
  readonly carriedOut: MinorUnits;
}

/** One grant on one frame. A carried-over grant has a position on each frame it has lived on. */
export interface GrantPosition extends GrantCounters {
  readonly frameId: FrameId;
  readonly grantId: GrantId;
  /** Null for a direct allocation (forenklet tilsagn) without an application. */
  readonly applicationId: string | null;
  readonly recipient: string | null;
}

export interface GrantBalances extends GrantCounters {
  readonly frameId: FrameId;
  readonly grantId: GrantId;
  /** committed + carriedIn − released − disbursed − carriedOut; never below zero. */
  readonly outstanding: MinorUnits;
  /** disbursed − repaid: the most that can still be paid back. */
  readonly repayable: MinorUnits;
}

/**
 * The whole ledger at one point: frames and grant positions, no entries (those are the caller's log).
 * Maps, not records: any id is a safe key, and copying one per movement stays cheap.
 */
export interface LedgerState {
  readonly frames: ReadonlyMap<FrameId, FrameState>;
  /** Keyed by `positionKey(frameId, grantId)`. */
  readonly positions: ReadonlyMap<string, GrantPosition>;
}

/** Every balance of a ledger, in one comparable shape: what the running totals and a rebuild must agree on. */
export interface LedgerBalances {
  readonly frames: ReadonlyMap<FrameId, FrameBalances>;
  /** Keyed by `positionKey(frameId, grantId)`. */
  readonly positions: ReadonlyMap<string, GrantBalances>;
}

// ── Entries ──────────────────────────────────────────────────────────────────────────────────

export const ENTRY_KINDS = [
  'allocation',
  'top_up',
  'reallocation',
  'commitment',
  'release',
  'disbursement',
  'repayment',
  'carry_over',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** The two halves of a reallocation or carry-over, one entry on each frame. */
export type Direction = 'out' | 'in';

/**
 * What every entry carries. Optional fields that some kinds require (case reference, recipient) are
 * optional in the type because entries arrive from outside: a missing one is a refusal, not a crash.
 */
interface EntryBase {
  readonly frameId: FrameId;
  /** Positive, in minor units of `currency`. */
  readonly amount: MinorUnits;
  /** Must equal the frame's currency. */
  readonly currency: CurrencyCode;
  /** Who made it (a user id, or `system`). */
  readonly actor: string;
  /** When, as an ISO 8601 instant. The model does not read the clock. */
  readonly at: string;
  readonly reason: string;
  /** Saksnummer of the decision behind it, e.g. "FU 161/20". */
  readonly caseReference?: string;
  /** Entries applied together share one; the store keeps it, the model does not need it. */
  readonly movementId?: string;
}

/** The year's frame (tildeling). */
export interface AllocationEntry extends EntryBase {
  readonly kind: 'allocation';
}

/** Extra money during the year (tilleggsbevilgning); needs a case reference. */
export interface TopUpEntry extends EntryBase {
  readonly kind: 'top_up';
}

/** Omdisponering: one half of a move between two frames; needs a case reference. */
export interface ReallocationEntry extends EntryBase {
  readonly kind: 'reallocation';
  readonly direction: Direction;
}

/**
 * Tilsagn. For an application, `grantId` is the application id and `applicationId` is set; a direct
 * allocation has no application and needs `recipient` and `caseReference` instead.
 */
export interface CommitmentEntry extends EntryBase {
  readonly kind: 'commitment';
  readonly grantId: GrantId;
  readonly applicationId?: string;
  readonly recipient?: string;
}

/** Committed, unpaid money back to the frame: lapse, withdrawal, reduction, cancellation. */
export interface ReleaseEntry extends EntryBase {
  readonly kind: 'release';
  readonly grantId: GrantId;
}

/** Utbetaling of committed money. */
export interface DisbursementEntry extends EntryBase {
  readonly kind: 'disbursement';
  readonly grantId: GrantId;
}

/** Tilbakebetaling: paid money coming back; it returns to the frame's available money. */
export interface RepaymentEntry extends EntryBase {
  readonly kind: 'repayment';
  readonly grantId: GrantId;
}

/** Overføring: one half of moving a grant's open commitment to a later year's frame. */
export interface CarryOverEntry extends EntryBase {
  readonly kind: 'carry_over';
  readonly direction: Direction;
  readonly grantId: GrantId;
}

export type LedgerEntry =
  | AllocationEntry
  | TopUpEntry
  | ReallocationEntry
  | CommitmentEntry
  | ReleaseEntry
  | DisbursementEntry
  | RepaymentEntry
  | CarryOverEntry;

/** Entries that only make sense as one half of a pair. */
export type PairedEntry = ReallocationEntry | CarryOverEntry;

/** Everything that changes a ledger: frame set-up and status, or a movement of one or more entries. */
export type LedgerOperation =
  | { readonly op: 'open_frame'; readonly frame: FrameDefinition }
  | { readonly op: 'set_frame_status'; readonly frameId: FrameId; readonly status: FrameStatus }
  | { readonly op: 'movement'; readonly entries: readonly LedgerEntry[] };
