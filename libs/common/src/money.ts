/**
 * The one money module. Money is a whole number of minor units (øre) everywhere: `number` in code
 * (checked with Number.isSafeInteger), `bigint` in PostgreSQL. This caps any single amount at 10 billion
 * kroner, far above any grant or frame and far below 2^53.
 */
export const MAX_AMOUNT_ORE = 1_000_000_000_000;

/** A whole number of øre (1 NOK = 100 øre), never a fraction of a krone. */
export type Ore = number;

/** A non-negative whole number of øre. */
export const isOre = (value: unknown): value is Ore =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Integer money arithmetic for the schemes. Every amount is a whole number of øre (1 NOK = 100 øre); shares
 * are basis points (1 % = 100 bp) or exact ratios. Products go through BigInt so that
 * `amount × basis points` can never lose precision, and results are rounded down to whole øre.
 */

/** 100 % in basis points. */
export const FULL_BASIS_POINTS = 10_000;

/** An exact share such as 1/3, which basis points cannot express. */
export interface Ratio {
  numerator: number;
  denominator: number;
}

/** `floor(amount × numerator / denominator)` on integers, exact for any safe-integer inputs. */
export function mulDivFloor(amount: number, numerator: number, denominator: number): number {
  assertInteger(amount, 'amount');
  assertInteger(numerator, 'numerator');
  assertInteger(denominator, 'denominator');
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  const product = BigInt(amount) * BigInt(numerator);
  const quotient = product / BigInt(denominator);
  // BigInt division truncates towards zero; step down for negative non-exact results.
  const floored = product < 0n && quotient * BigInt(denominator) !== product ? quotient - 1n : quotient;
  return toSafeNumber(floored);
}

/** `floor(amount × basisPoints / 10 000)`: a percentage of an amount, rounded down to whole øre. */
export function applyBasisPoints(amountOre: number, basisPoints: number): number {
  return mulDivFloor(amountOre, basisPoints, FULL_BASIS_POINTS);
}

/** Whether `part ≤ whole × basisPoints / 10 000`, compared exactly (no rounding at the boundary). */
export function isWithinBasisPoints(partOre: number, wholeOre: number, basisPoints: number): boolean {
  return BigInt(partOre) * BigInt(FULL_BASIS_POINTS) <= BigInt(wholeOre) * BigInt(basisPoints);
}

/** Whether `part ≥ whole × ratio`, compared exactly (1/3 of 300 øre is 100 øre, not 99.99…). */
export function isAtLeastRatio(partOre: number, wholeOre: number, ratio: Ratio): boolean {
  return BigInt(partOre) * BigInt(ratio.denominator) >= BigInt(wholeOre) * BigInt(ratio.numerator);
}

/** Sum of integer amounts; throws rather than silently losing precision. */
export function sumOre(amounts: readonly number[]): number {
  let total = 0n;
  for (const amount of amounts) {
    assertInteger(amount, 'amount');
    total += BigInt(amount);
  }
  return toSafeNumber(total);
}

/** Whole NOK to øre, for readable constants: `nok(300_000)` → 30 000 000. */
export function nok(kroner: number): number {
  assertInteger(kroner, 'kroner');
  return kroner * 100;
}

/**
 * "300 000 NOK" or "1 234,56 NOK": for messages shown to applicants and case officers. Written by
 * hand so that output does not depend on the ICU data of the running Node.
 */
export function formatNok(amountOre: number): string {
  assertInteger(amountOre, 'amountOre');
  const sign = amountOre < 0 ? '-' : '';
  const abs = Math.abs(amountOre);
  const kroner = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const ore = abs % 100;
  return `${sign}${kroner}${ore === 0 ? '' : ',' + ore.toString().padStart(2, '0')} NOK`;
}

/**
 * "900 000 kr" or "1 234,56 kr": kroner the Norwegian way, for bokmål sentences shown to applicants
 * and case officers (the English sentences use `formatNok`). Written by hand like `formatNok`.
 */
export function formatKroner(amountOre: number): string {
  return `${formatNok(amountOre).slice(0, -' NOK'.length)} kr`;
}

/** `123456` → `"1234.56 kr"`, with integer arithmetic only (the engine's reasons shown to people). */
export function formatOre(amount: Ore): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const kroner = (abs - (abs % 100)) / 100;
  return `${sign}${kroner}.${String(abs % 100).padStart(2, '0')} kr`;
}

/** Øre as kroner with two decimals and a decimal comma, no thousands separator: 123456 → "1234,56" (CSV). */
export function oreAsKroner(ore: number): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`${ore} is not a whole number of øre`);
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

// Built once: an Intl formatter costs more to make than to use (measured on the decision path).
const WHOLE_KRONER = new Intl.NumberFormat('nb-NO');

/** Whole kroner (rounded down) in Norwegian grouping, for message templates; undefined when there is no amount. */
export const formatWholeKroner = (ore: number | null | undefined): string | undefined =>
  ore === null || ore === undefined ? undefined : WHOLE_KRONER.format(Math.floor(ore / 100));

/** "50 %" or "33,33 %" from basis points. */
export function formatBasisPoints(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const rest = basisPoints % 100;
  return `${whole}${rest === 0 ? '' : ',' + rest.toString().padStart(2, '0')} %`;
}

function assertInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${value}`);
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`amount ${value} is outside the safe integer range`);
  }
  return Number(value);
}
