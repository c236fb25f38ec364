/**
 * A small deterministic pseudo-random generator (mulberry32): the same seed gives the same numbers on
 * every machine and Node version, so a failing randomised history can be replayed from its seed alone.
 * Not for anything secret.
 */
export interface SeededRandom {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights need not sum to 1. */
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T;
  /** A UUID-shaped id (version 4 layout), deterministic from the seed; fits a `uuid` column. */
  uuid(): string;
}

// Bound once: a global lookup is slow inside Jest's vm sandbox, and the randomised test calls these millions of times.
const { floor, imul } = Math;
const { entries } = Object;

export function seededRandom(seed: number): SeededRandom {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + floor(next() * (max - min + 1));
  const hex8 = (): string =>
    floor(next() * 4294967296)
      .toString(16)
      .padStart(8, '0');
  return {
    seed: seed >>> 0,
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)];
    },
    weighted: <T extends string>(weights: Readonly<Record<T, number>>): T => {
      const options = entries(weights) as [T, number][];
      const total = options.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [option, w] of options) {
        roll -= w;
        if (roll < 0) return option;
      }
      return options[options.length - 1][0];
    },
    uuid: () => {
      const h = hex8() + hex8() + hex8() + hex8();
      const variant = '89ab'[parseInt(h[16], 16) & 3];
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}
