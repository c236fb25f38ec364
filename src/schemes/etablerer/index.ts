/**
 * Etablereropplæring for innvandrere: entrepreneurship training for immigrants. The pure parts of
 * the scheme: call parameters, application and final-report DTOs, rules and grant arithmetic. Test
 * factories live in `etablerer-testing.ts` and are deliberately not exported here.
 */
export * from './etablerer-application.dto';
export * from './etablerer-call-parameters.dto';
export * from './etablerer-grant';
export * from './etablerer-vocabulary';
export * from './etablerer.rules';
export * from './etablerer.scheme';
export * from './etablerer.plugin';
