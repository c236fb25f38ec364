import { nok } from '@lib/common';
import type { SchemePlugin } from '../scheme-plugin';
import {
  ROGALAND_MENTOR_CALL_PARAMETERS,
  TRONDELAG_MENTOR_CALL_PARAMETERS,
} from './mentor-call-parameters.dto';
import { sampleMentorApplication, sampleMentorCase } from './mentor-sample';
import { mentorScheme } from './mentor.scheme';

/**
 * The mentor and trainee scheme as registered, with two demo calls (domain research §2.3):
 * Trøndelag's 2027 rounds (deadlines 1 April and 1 October 2027, municipalities only) and Rogaland's
 * rolling 2026 call. The frames are [ASSUMPTION]s of the order of the figures found (Vestland 2023:
 * 1.02 MNOK; IMDi's national 2017 frame: 4.085 MNOK).
 */
export const mentorPlugin: SchemePlugin = {
  scheme: mentorScheme,
  demoCalls: [
    {
      countyCode: '50',
      year: 2027,
      title: 'Mentor- og traineeordning for innvandrere 2027 – Trøndelag',
      frame: {
        name: 'Mentor og trainee 2027',
        allocationOre: nok(2_000_000),
        reason: 'Budsjett 2027: integreringstiltak (integreringsforskriften § 65), mentor- og traineeordning',
      },
      parameters: TRONDELAG_MENTOR_CALL_PARAMETERS,
    },
    {
      countyCode: '11',
      year: 2026,
      title: 'Tilskudd til mentor- og traineeordning for innvandrere 2026 – Rogaland',
      frame: {
        name: 'Mentor og trainee 2026',
        allocationOre: nok(1_500_000),
        reason: 'Budsjett 2026: integreringstiltak, mentor- og traineeordning',
      },
      parameters: ROGALAND_MENTOR_CALL_PARAMETERS,
    },
  ],
  sampleApplication: sampleMentorApplication(),
  sampleCase: sampleMentorCase(),
};
