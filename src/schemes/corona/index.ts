/**
 * The corona measures (koronatiltak): extraordinary BIO money, the apprentice package and Fagbrev på
 * jobb as one scheme whose call chooses the measure. Test factories live in `corona-testing.ts` and
 * are deliberately not exported here.
 */
export * from './corona-application.dto';
export * from './corona-call-parameters.dto';
export * from './corona-contracts';
export * from './corona-demo-calls';
export * from './corona-grant';
export * from './corona-validation';
export * from './corona-vocabulary';
export * from './corona.rules';
export * from './corona.scheme';
export * from './corona.plugin';
