/**
 * BIO (bedriftsintern opplæring): company-internal training grants. The pure parts of the scheme:
 * call parameters, application and final-report DTOs, eligibility rules and grant arithmetic.
 * Test factories live in `bio-testing.ts` and are deliberately not exported here.
 */
export * from './bio-application.dto';
export * from './bio-call-parameters.dto';
export * from './bio-grant';
export * from './bio-vocabulary';
export * from './bio.rules';
export * from './bio.scheme';
export * from './bio.plugin';
