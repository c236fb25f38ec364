import { nok } from '@lib/common';
import type { SchemePlugin } from '../scheme-plugin';
import { TRONDELAG_BIO_CALL_PARAMETERS } from './bio-call-parameters.dto';
import { sampleBioApplication, sampleBioCase } from './bio-sample';
import { bioScheme } from './bio.scheme';

/** BIO as registered: the scheme, and Trøndelag's 2026 call on a 23.3 MNOK frame (domain research §2.1.5). */
export const bioPlugin: SchemePlugin = {
  scheme: bioScheme,
  demoCalls: [
    {
      countyCode: '50',
      year: 2026,
      title: 'Bedriftsintern opplæring (BIO) 2026 – Trøndelag',
      frame: {
        name: 'BIO 2026',
        allocationOre: nok(23_300_000),
        reason: 'Budsjett 2026: kompetansetiltak, BIO',
        caseReference: 'FT 2025/42',
      },
      parameters: TRONDELAG_BIO_CALL_PARAMETERS,
    },
  ],
  sampleApplication: sampleBioApplication(),
  sampleCase: sampleBioCase(),
};
