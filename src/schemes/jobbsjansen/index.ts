/**
 * Jobbsjansen del B (mer grunnskoleopplæring til innvandrerungdom): grants to municipalities and
 * county units for more primary-level schooling for immigrant youth aged 16–24. The pure parts of
 * the scheme: call parameters, application and final-report DTOs, rules and grant arithmetic.
 * Test factories live in `jobbsjansen-testing.ts` and are deliberately not exported here.
 */
export * from './jobbsjansen-application.dto';
export * from './jobbsjansen-call-parameters.dto';
export * from './jobbsjansen-grant';
export * from './jobbsjansen-vocabulary';
export * from './jobbsjansen.rules';
export * from './jobbsjansen.scheme';
export * from './jobbsjansen.plugin';
