/**
 * Money is a whole number of minor units (øre) everywhere: `number` in code (checked with
 * Number.isSafeInteger), `bigint` in PostgreSQL. This caps any single amount at 10 billion kroner,
 * far above any grant or frame and far below 2^53.
 */
export const MAX_AMOUNT_ORE = 1_000_000_000_000;
