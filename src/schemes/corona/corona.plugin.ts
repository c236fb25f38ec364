import type { SchemePlugin } from '../scheme-plugin';
import { CORONA_DEMO_CALLS } from './corona-demo-calls';
import { sampleApprenticeApplication, sampleCoronaCase } from './corona-sample';
import { coronaScheme } from './corona.scheme';

/**
 * The corona measures as registered: the scheme, one Trøndelag call per measure (apprentice package,
 * Fagbrev på jobb, extraordinary BIO money) and Rogaland's extraordinary BIO money, each on its own
 * frame (domain research §2.5, §3). The sample application is for the first call, the apprentice package.
 */
export const coronaPlugin: SchemePlugin = {
  scheme: coronaScheme,
  demoCalls: CORONA_DEMO_CALLS,
  sampleApplication: sampleApprenticeApplication(),
  sampleCase: sampleCoronaCase(),
};
