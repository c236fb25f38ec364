/**
 * Money in the engine is a `number` holding a whole number of øre (minor units of NOK), never a
 * fraction of a krone: every amount is checked with `Number.isSafeInteger`, which keeps it exact up to
 * about 90 billion kroner, far beyond any grant. The database stores it as `bigint`.
 */
export type Ore = number;

/** A non-negative whole number of øre. */
export const isOre = (value: unknown): value is Ore =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** `123456` → `"1234.56 kr"`, with integer arithmetic only (for reasons shown to people). */
export function formatOre(amount: Ore): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const kroner = (abs - (abs % 100)) / 100;
  return `${sign}${kroner}.${String(abs % 100).padStart(2, '0')} kr`;
}
