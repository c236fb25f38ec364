import { applyMovement, emptyLedger, openFrame, setFrameStatus } from '../ledger.model';
import type { LedgerRefusal, LedgerResult } from '../ledger.refusals';
import type {
  CommitmentEntry,
  FrameDefinition,
  FrameStatus,
  LedgerEntry,
  LedgerState,
  MinorUnits,
} from '../ledger.types';

/** Factories with overrides for the ledger's unit tests; nothing shared and mutable. */

export const kr = (kroner: number): MinorUnits => kroner * 100;

const meta = { actor: 'finance-1', at: '2020-03-02T09:00:00.000Z', reason: 'test' } as const;

export const newFrame = (overrides: Partial<FrameDefinition> & { id: string }): FrameDefinition => ({
  schemeId: 'bio',
  countyId: 'trondelag',
  year: 2020,
  name: `frame ${overrides.id}`,
  currency: 'NOK',
  status: 'open',
  ...overrides,
});

export const allocation = (
  frameId: string,
  amount: MinorUnits,
  overrides: Partial<LedgerEntry> = {},
): LedgerEntry =>
  ({ ...meta, kind: 'allocation', frameId, amount, currency: 'NOK', ...overrides }) as LedgerEntry;

export const topUp = (
  frameId: string,
  amount: MinorUnits,
  overrides: Partial<LedgerEntry> = {},
): LedgerEntry =>
  ({
    ...meta,
    kind: 'top_up',
    frameId,
    amount,
    currency: 'NOK',
    caseReference: 'FU 161/20',
    ...overrides,
  }) as LedgerEntry;

export const commitment = (
  frameId: string,
  grantId: string,
  amount: MinorUnits,
  overrides: Partial<CommitmentEntry> = {},
): CommitmentEntry => ({
  ...meta,
  kind: 'commitment',
  frameId,
  grantId,
  applicationId: grantId,
  amount,
  currency: 'NOK',
  ...overrides,
});

export const onGrant =
  (kind: 'release' | 'disbursement' | 'repayment') =>
  (frameId: string, grantId: string, amount: MinorUnits, overrides: Partial<LedgerEntry> = {}): LedgerEntry =>
    ({ ...meta, kind, frameId, grantId, amount, currency: 'NOK', ...overrides }) as LedgerEntry;

export const release = onGrant('release');
export const disbursement = onGrant('disbursement');
export const repayment = onGrant('repayment');

export const movementMeta = { ...meta, caseReference: 'FU 12/20' } as const;

/** The state, or a thrown error naming the refusal: for set-up steps that must pass. */
export function must(result: LedgerResult): LedgerState {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusal)}`);
  return result.state;
}

/** The refusal, or a thrown error: for steps that must be refused. */
export function refusalOf(result: LedgerResult): LedgerRefusal {
  if (result.ok) throw new Error('accepted, but a refusal was expected');
  return result.refusal;
}

/** A ledger with the given frames opened and each one's allocation (in øre) applied. */
export function ledgerWith(
  frames: Array<Partial<FrameDefinition> & { id: string; allocate?: MinorUnits; status?: FrameStatus }>,
): LedgerState {
  let state = emptyLedger();
  for (const { allocate, status, ...frame } of frames) {
    state = must(openFrame(state, newFrame(frame)));
    if (allocate)
      state = must(
        applyMovement(state, [allocation(frame.id, allocate, { currency: frame.currency ?? 'NOK' })]),
      );
    if (status) state = must(setFrameStatus(state, frame.id, status));
  }
  return state;
}
