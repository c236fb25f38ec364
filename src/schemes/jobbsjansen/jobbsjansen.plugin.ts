import { nok } from '@lib/common';
import type { SchemePlugin } from '../scheme-plugin';
import { TRONDELAG_JOBBSJANSEN_CALL_PARAMETERS } from './jobbsjansen-call-parameters.dto';
import { sampleJobbsjansenApplication, sampleJobbsjansenCase } from './jobbsjansen-sample';
import { jobbsjansenScheme } from './jobbsjansen.scheme';

/**
 * Jobbsjansen del B as registered: the scheme, and Trøndelag's rolling call for the school year
 * 2026/27 on a 6 MNOK frame. The frame is an assumption of a realistic size: IMDi's whole
 * Jobbsjansen frame was 97 MNOK in 2016 for about 55 projects (domain research §2.2, §6), and a
 * county funds a handful of classes.
 */
export const jobbsjansenPlugin: SchemePlugin = {
  scheme: jobbsjansenScheme,
  demoCalls: [
    {
      countyCode: '50',
      year: 2026,
      title:
        'Jobbsjansen del B – mer grunnskoleopplæring for innvandrerungdom, skoleåret 2026/27 (Trøndelag)',
      frame: {
        name: 'Jobbsjansen del B 2026',
        allocationOre: nok(6_000_000),
        reason:
          'Budget 2026: integration, more primary-level schooling for immigrant youth (integreringsforskriften § 65)',
      },
      parameters: TRONDELAG_JOBBSJANSEN_CALL_PARAMETERS,
    },
  ],
  sampleApplication: sampleJobbsjansenApplication(),
  sampleCase: sampleJobbsjansenCase(),
};
