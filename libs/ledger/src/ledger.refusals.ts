import type { CurrencyCode, EntryKind, FrameId, GrantId, LedgerState, MinorUnits } from './ledger.types';

/**
 * Why the ledger said no. Refusals are values, not exceptions: the caller maps the code to a 4xx
 * problem+json and the database store must return the same code for the same request.
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

/** `123456, 'NOK'` → `"1234.56 NOK"`, with integer arithmetic only. */
export function formatMinorUnits(amount: MinorUnits, currency: CurrencyCode): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const major = (abs - (abs % 100)) / 100;
  return `${sign}${major}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}

/** A sentence for a person (the problem+json `detail`); amounts are shown in minor units' major form. */
export function describeRefusal(refusal: LedgerRefusal, currency: CurrencyCode = 'NOK'): string {
  const money = (amount: MinorUnits) => formatMinorUnits(amount, currency);
  switch (refusal.code) {
    case 'invalid_amount':
      return `The amount must be a positive whole number of minor units within the safe range, not ${refusal.amount}`;
    case 'reason_required':
      return `A ${refusal.kind} entry needs a reason`;
    case 'case_reference_required':
      return `A ${refusal.kind} needs the case reference of its decision, e.g. "FU 161/20"`;
    case 'grant_id_required':
      return `A ${refusal.kind} entry needs the id of its grant`;
    case 'recipient_required':
      return `Grant ${refusal.grantId} has no application, so it must name its recipient`;
    case 'unbalanced_movement':
      return `The entries do not form one movement: ${refusal.detail}`;
    case 'same_frame':
      return `A movement between frames needs two different frames, not ${refusal.frameId} twice`;
    case 'unknown_frame':
      return `There is no frame ${refusal.frameId}`;
    case 'unknown_grant':
      return `There is no grant ${refusal.grantId} on frame ${refusal.frameId}`;
    case 'grant_mismatch':
      return `Grant ${refusal.grantId} on frame ${refusal.frameId} belongs to another application or recipient`;
    case 'currency_mismatch':
      return `Frame ${refusal.frameId} keeps ${refusal.expected}; ${refusal.actual} cannot be mixed in`;
    case 'frame_closed':
      return `Frame ${refusal.frameId} is closed for new commitments`;
    case 'sub_frame_funded_by_parent':
      return `Frame ${refusal.frameId} is a sub-frame; fund it by reallocation from ${refusal.parentId}`;
    case 'carry_over_not_forward':
      return `A carry-over goes to a later year's frame, not from ${refusal.fromYear} to ${refusal.toYear}`;
    case 'frame_exhausted':
      return `Only ${money(refusal.available)} is available; ${money(refusal.requested)} was requested`;
    case 'release_exceeds_outstanding':
    case 'disbursement_exceeds_outstanding':
    case 'carry_over_exceeds_outstanding':
      return `Grant ${refusal.grantId} has ${money(refusal.outstanding)} outstanding; ${money(refusal.requested)} was requested`;
    case 'repayment_exceeds_disbursed':
      return `Only ${money(refusal.repayable)} was paid out and not yet paid back; ${money(refusal.requested)} cannot be repaid`;
    case 'frame_exists':
      return `Frame ${refusal.frameId} already exists`;
    case 'invalid_frame':
      return `Frame ${refusal.frameId} is not valid: ${refusal.detail}`;
    case 'invalid_currency':
      return `"${refusal.currency}" is not an ISO 4217 currency code`;
    case 'invalid_parent':
      return `Frame ${refusal.frameId} cannot be a sub-frame of ${refusal.parentId}: ${refusal.detail}`;
  }
}
