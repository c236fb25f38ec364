import type { CurrencyCode, EntryKind, FrameId, GrantId, LedgerState, MinorUnits } from './ledger.types';

/**
 * Why the ledger said no. Refusals are values, not exceptions: the database store answers the same
 * request with the same code (a 4xx problem+json), which the replay test checks step by step.
 */
export type LedgerRefusal =
  /** Not a positive safe integer, or it would push a running total past the safe range. */
  | { readonly code: 'invalid_amount'; readonly amount: number }
  | { readonly code: 'reason_required'; readonly kind: EntryKind }
  | { readonly code: 'case_reference_required'; readonly kind: EntryKind }
  | { readonly code: 'grant_id_required'; readonly kind: EntryKind }
  /** A direct allocation (no application) must name its recipient. */
  | { readonly code: 'recipient_required'; readonly grantId: GrantId }
  /** A movement that is empty or whose halves do not pair up. */
  | { readonly code: 'unbalanced_movement'; readonly detail: string }
  | { readonly code: 'same_frame'; readonly frameId: FrameId }
  | { readonly code: 'unknown_frame'; readonly frameId: FrameId }
  | { readonly code: 'unknown_grant'; readonly frameId: FrameId; readonly grantId: GrantId }
  /** The grant already exists on this frame for another application or recipient. */
  | { readonly code: 'grant_mismatch'; readonly frameId: FrameId; readonly grantId: GrantId }
  | {
      readonly code: 'currency_mismatch';
      readonly frameId: FrameId;
      readonly expected: CurrencyCode;
      readonly actual: CurrencyCode;
    }
  | { readonly code: 'frame_closed'; readonly frameId: FrameId }
  /** Money enters a frame family at its root; a sub-frame is funded by reallocation. */
  | { readonly code: 'sub_frame_funded_by_parent'; readonly frameId: FrameId; readonly parentId: FrameId }
  | { readonly code: 'carry_over_not_forward'; readonly fromYear: number; readonly toYear: number }
  | {
      readonly code: 'frame_exhausted';
      readonly frameId: FrameId;
      readonly available: MinorUnits;
      readonly requested: MinorUnits;
    }
  | OutstandingRefusal
  | {
      readonly code: 'repayment_exceeds_disbursed';
      readonly frameId: FrameId;
      readonly grantId: GrantId;
      /** Paid out and not yet paid back. */
      readonly repayable: MinorUnits;
      readonly requested: MinorUnits;
    }
  // Frame set-up.
  | { readonly code: 'frame_exists'; readonly frameId: FrameId }
  | { readonly code: 'invalid_frame'; readonly frameId: FrameId; readonly detail: string }
  | { readonly code: 'invalid_currency'; readonly currency: string }
  | {
      readonly code: 'invalid_parent';
      readonly frameId: FrameId;
      readonly parentId: FrameId;
      readonly detail: string;
    };

/** Taking more from a grant than it has outstanding. */
export interface OutstandingRefusal {
  readonly code:
    'release_exceeds_outstanding' | 'disbursement_exceeds_outstanding' | 'carry_over_exceeds_outstanding';
  readonly frameId: FrameId;
  readonly grantId: GrantId;
  readonly outstanding: MinorUnits;
  readonly requested: MinorUnits;
}

export type RefusalCode = LedgerRefusal['code'];

export type LedgerResult =
  | { readonly ok: true; readonly state: LedgerState }
  | { readonly ok: false; readonly refusal: LedgerRefusal };

/** Every code, for exhaustive mappings (problem types, the database store's error translation). */
export const REFUSAL_CODES = [
  'invalid_amount',
  'reason_required',
  'case_reference_required',
  'grant_id_required',
  'recipient_required',
  'unbalanced_movement',
  'same_frame',
  'unknown_frame',
  'unknown_grant',
  'grant_mismatch',
  'currency_mismatch',
  'frame_closed',
  'sub_frame_funded_by_parent',
  'carry_over_not_forward',
  'frame_exhausted',
  'release_exceeds_outstanding',
  'disbursement_exceeds_outstanding',
  'carry_over_exceeds_outstanding',
  'repayment_exceeds_disbursed',
  'frame_exists',
  'invalid_frame',
  'invalid_currency',
  'invalid_parent',
] as const satisfies readonly RefusalCode[];

// Fails to compile when a refusal is added above and not listed in REFUSAL_CODES.
const _everyCodeListed: [Exclude<RefusalCode, (typeof REFUSAL_CODES)[number]>] extends [never]
  ? true
  : false = true;

export const refuse = (refusal: LedgerRefusal): LedgerResult => ({ ok: false, refusal });
