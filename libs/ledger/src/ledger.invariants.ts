import { availableOf, outstandingOf } from './ledger.model';
import type { FrameId, GrantId, LedgerState } from './ledger.types';

export const INVARIANTS = [
  /** Every total and counter is a whole, safe number of minor units. */
  'not_safe_integer',
  /** allocated, committed and disbursed of a frame, and every grant counter, are ≥ 0. */
  'negative_total',
  /** available = allocated − committed − disbursed ≥ 0: the frame is never overspent. */
  'available_negative',
  /** Per grant: outstanding = committed + carried in − released − disbursed − carried out ≥ 0. */
  'outstanding_negative',
  /** Per grant: repaid ≤ disbursed. */
  'repaid_exceeds_disbursed',
  /** A frame's committed total equals the sum of its grants' outstanding amounts. */
  'frame_committed_mismatch',
  /** A frame's disbursed total equals the sum of its grants' disbursed − repaid. */
  'frame_disbursed_mismatch',
  /** A grant position belongs to a frame that exists. */
  'orphan_position',
  /** A sub-frame's parent exists, is a root, and keeps the same currency. */
  'invalid_sub_frame',
  /** The sub-frames together hold no more than their family was given (the parent's own allocated ≥ 0). */
  'sub_frames_exceed_parent',
] as const;
export type InvariantCode = (typeof INVARIANTS)[number];

export interface InvariantViolation {
  readonly invariant: InvariantCode;
  readonly frameId: FrameId;
  readonly grantId?: GrantId;
  readonly detail: string;
}

// Bound once: a global lookup is slow inside Jest's vm sandbox, and the randomised test calls this millions of times.
const { isSafeInteger } = Number;

const GRANT_COUNTERS = ['committed', 'released', 'disbursed', 'repaid', 'carriedIn', 'carriedOut'] as const;
const FRAME_TOTALS = ['allocated', 'committed', 'disbursed'] as const;

/** Every invariant the ledger promises, checked over a whole state. Empty when all hold. */
export function checkInvariants(state: LedgerState): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const fail = (invariant: InvariantCode, frameId: FrameId, detail: string, grantId?: GrantId) =>
    violations.push(
      grantId === undefined ? { invariant, frameId, detail } : { invariant, frameId, grantId, detail },
    );

  const sums = new Map<FrameId, { outstanding: number; netDisbursed: number }>();
  for (const p of state.positions.values()) {
    for (const name of GRANT_COUNTERS) {
      const value = p[name];
      if (!isSafeInteger(value)) fail('not_safe_integer', p.frameId, `${name} = ${value}`, p.grantId);
      else if (value < 0) fail('negative_total', p.frameId, `${name} = ${value}`, p.grantId);
    }
    const outstanding = outstandingOf(p);
    if (outstanding < 0) fail('outstanding_negative', p.frameId, `outstanding = ${outstanding}`, p.grantId);
    if (p.repaid > p.disbursed) {
      fail('repaid_exceeds_disbursed', p.frameId, `repaid ${p.repaid} > disbursed ${p.disbursed}`, p.grantId);
    }
    if (!state.frames.has(p.frameId)) fail('orphan_position', p.frameId, 'no such frame', p.grantId);
    const sum = sums.get(p.frameId);
    if (sum) {
      sum.outstanding += outstanding;
      sum.netDisbursed += p.disbursed - p.repaid;
    } else {
      sums.set(p.frameId, { outstanding, netDisbursed: p.disbursed - p.repaid });
    }
  }

  const frames = [...state.frames.values()];
  const distributed = new Map<FrameId, number>();
  for (const f of frames) {
    if (f.parentId !== undefined)
      distributed.set(f.parentId, (distributed.get(f.parentId) ?? 0) + f.allocated);
  }
  for (const f of frames) {
    for (const name of FRAME_TOTALS) {
      if (!isSafeInteger(f[name])) fail('not_safe_integer', f.id, `${name} = ${f[name]}`);
      else if (f[name] < 0) fail('negative_total', f.id, `${name} = ${f[name]}`);
    }
    const available = availableOf(f);
    if (available < 0) fail('available_negative', f.id, `available = ${available}`);
    const sum = sums.get(f.id) ?? { outstanding: 0, netDisbursed: 0 };
    if (sum.outstanding !== f.committed) {
      fail('frame_committed_mismatch', f.id, `committed ${f.committed} ≠ Σ outstanding ${sum.outstanding}`);
    }
    if (sum.netDisbursed !== f.disbursed) {
      fail('frame_disbursed_mismatch', f.id, `disbursed ${f.disbursed} ≠ Σ grants ${sum.netDisbursed}`);
    }
    if (f.parentId !== undefined) {
      const parent = state.frames.get(f.parentId);
      if (!parent) fail('invalid_sub_frame', f.id, `parent ${f.parentId} does not exist`);
      else if (parent.parentId !== undefined)
        fail('invalid_sub_frame', f.id, 'the parent is itself a sub-frame');
      else if (parent.currency !== f.currency)
        fail('invalid_sub_frame', f.id, 'the currency differs from the parent’s');
    } else {
      // Sub-frames are funded out of the parent: Σ children ≤ the family's total ⇔ the parent's own part ≥ 0.
      const toChildren = distributed.get(f.id);
      if (toChildren !== undefined && toChildren > toChildren + f.allocated) {
        fail(
          'sub_frames_exceed_parent',
          f.id,
          `sub-frames hold ${toChildren} of ${toChildren + f.allocated}`,
        );
      }
    }
  }
  return violations;
}
