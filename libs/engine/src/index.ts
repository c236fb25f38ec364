/**
 * @lib/engine: the pure, scheme-agnostic lifecycle engine. It decides and returns effects as data;
 * the transition runner (database, ledger, outbox) carries them out. See ../README.md.
 */
export * from './appeal';
export * from './context';
export * from './effects';
export * from './engine-actor';
export * from './events';
export * from './lifecycle.definition';
export * from './lifecycle.machine';
export * from './lifecycle.options';
export { eventReasons, preconditionReasons } from './lifecycle.rules';
export * from './roles';
export * from './snapshot-migrations';
export * from './state-view';
export * from './tags';
export * from './time';
export * from './transition';
export * from './scheme-definition';
export * from './form-layout';
export * from './call-form-layout';
export * from './eligibility';
export * from './submission-window';
export * from './call-parameters';
export * from './scheme-kit';
