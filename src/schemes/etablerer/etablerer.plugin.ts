import { nok } from '@lib/common';
import type { SchemePlugin } from '../scheme-plugin';
import { TRONDELAG_ETABLERER_CALL_PARAMETERS } from './etablerer-call-parameters.dto';
import { sampleEtablererApplication, sampleEtablererCase } from './etablerer-sample';
import { etablererScheme } from './etablerer.scheme';

/**
 * Etablereropplæring as registered, with Trøndelag's 2027 call (deadlines 1 April and 1 October
 * 2027; domain research §2.4). The research has no Rogaland call for this scheme. The frame is an
 * [ASSUMPTION] of the order found elsewhere (Vestland 2022: 630 000 NOK).
 */
export const etablererPlugin: SchemePlugin = {
  scheme: etablererScheme,
  demoCalls: [
    {
      countyCode: '50',
      year: 2027,
      title: 'Etablereropplæring for innvandrere 2027 – Trøndelag',
      frame: {
        name: 'Etablereropplæring 2027',
        allocationOre: nok(1_000_000),
        reason: 'Budsjett 2027: integreringstiltak (integreringsforskriften § 65), etablereropplæring',
      },
      parameters: TRONDELAG_ETABLERER_CALL_PARAMETERS,
    },
  ],
  sampleApplication: sampleEtablererApplication(),
  sampleCase: sampleEtablererCase(),
};
