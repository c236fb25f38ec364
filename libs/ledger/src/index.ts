/**
 * @lib/ledger: the budget ledger (ramme, tilsagn, utbetaling …) as a pure model. It is the
 * specification the PostgreSQL store must agree with, and the oracle a randomised database test replays
 * histories against. See ../README.md.
 */
export * from './ledger.types';
export * from './ledger.refusals';
export * from './ledger.model';
export * from './ledger.entries';
export * from './ledger.rebuild';
export * from './ledger.invariants';
export * from './seeded-random';
export * from './ledger-history.generator';
export * from './settlement';
