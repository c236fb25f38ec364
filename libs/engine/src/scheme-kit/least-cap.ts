/** The smallest of several caps (whole øre) and which caps bind: several when they tie. */
export interface LeastCap<Cap extends string> {
  readonly amountOre: number;
  readonly limitedBy: readonly Cap[];
}

/**
 * The least of named caps, e.g. `leastCap([['size', 300_000_00], ['participants', 400_000_00]])`
 * → 300 000 NOK, limited by `size`. Needs at least one cap.
 */
export function leastCap<Cap extends string>(caps: readonly (readonly [Cap, number])[]): LeastCap<Cap> {
  if (caps.length === 0) throw new RangeError('leastCap needs at least one cap');
  const amountOre = Math.min(...caps.map(([, amount]) => amount));
  return { amountOre, limitedBy: caps.filter(([, amount]) => amount === amountOre).map(([cap]) => cap) };
}
