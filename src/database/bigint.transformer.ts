import type { ValueTransformer } from 'typeorm';

/**
 * `pg` returns `bigint` columns as strings (they may exceed 2^53). Amounts in øre stay far below
 * Number.MAX_SAFE_INTEGER (90 trillion NOK), so they are read as numbers, refusing any that is not safe.
 */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null || value === undefined) return value;
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${value} does not fit a safe integer`);
    return n;
  },
};
