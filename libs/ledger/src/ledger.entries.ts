import type {
  CarryOverEntry,
  CurrencyCode,
  FrameId,
  GrantId,
  MinorUnits,
  ReallocationEntry,
} from './ledger.types';

/** Who, when and why: what every entry of a movement shares. */
export interface MovementMeta {
  readonly actor: string;
  readonly at: string;
  readonly reason: string;
  readonly caseReference?: string;
  readonly movementId?: string;
}

interface Between extends MovementMeta {
  readonly fromFrameId: FrameId;
  readonly toFrameId: FrameId;
  readonly amount: MinorUnits;
  /** The currency the movement is stated in; each frame must keep it. */
  readonly currency: CurrencyCode;
}

/** Omdisponering: the out-half on the source frame and the in-half on the target, to apply together. */
export function reallocationEntries(input: Between): [ReallocationEntry, ReallocationEntry] {
  const { fromFrameId, toFrameId, ...shared } = input;
  return [
    { kind: 'reallocation', direction: 'out', frameId: fromFrameId, ...shared },
    { kind: 'reallocation', direction: 'in', frameId: toFrameId, ...shared },
  ];
}

/** Overføring: a grant's open commitment out of one year's frame and into a later year's. */
export function carryOverEntries(
  input: Between & { readonly grantId: GrantId },
): [CarryOverEntry, CarryOverEntry] {
  const { fromFrameId, toFrameId, ...shared } = input;
  return [
    { kind: 'carry_over', direction: 'out', frameId: fromFrameId, ...shared },
    { kind: 'carry_over', direction: 'in', frameId: toFrameId, ...shared },
  ];
}
