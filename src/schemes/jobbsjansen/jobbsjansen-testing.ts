import type { JobbsjansenApplicationContent } from './jobbsjansen-application.dto';
import {
  TRONDELAG_JOBBSJANSEN_CALL_PARAMETERS,
  type JobbsjansenCallParameters,
} from './jobbsjansen-call-parameters.dto';
import {
  JOBBSJANSEN_TEST_NOW,
  newJobbsjansenOrganisation,
  newJobbsjansenReport,
  newParticipantRows,
  sampleJobbsjansenApplication,
} from './jobbsjansen-sample';

// The sample case's applicant, submission time and report are the tests' defaults too.
export { JOBBSJANSEN_TEST_NOW, newJobbsjansenOrganisation, newParticipantRows, newJobbsjansenReport };

/*
 * Factories for tests: a Trøndelag call and an application that is eligible under it (the registered
 * sample, jobbsjansen-sample.ts), with overrides. Each call returns a fresh object, so tests never
 * share mutable fixtures.
 *
 * The default application: 18 participants (6 + 8 + 4), one school year, costs 900 000 NOK
 * (teaching staff 600 000, materials 50 000, running the offer 100 000, project staff 150 000),
 * own financing 180 000 NOK (exactly 20 %), 720 000 NOK requested (also the computed maximum).
 */

export function newJobbsjansenCallParameters(
  overrides: Partial<JobbsjansenCallParameters> = {},
): JobbsjansenCallParameters {
  return structuredClone({ ...TRONDELAG_JOBBSJANSEN_CALL_PARAMETERS, ...overrides });
}

export function newJobbsjansenApplication(
  overrides: Partial<JobbsjansenApplicationContent> = {},
): JobbsjansenApplicationContent {
  return { ...sampleJobbsjansenApplication(), ...overrides };
}

/**
 * A JSON copy of `base` with dotted paths changed (`'costPlan.1.amountOre': -1`; `undefined`
 * deletes), to build the malformed bodies a client might send.
 */
export function patchJson(base: object, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const copy = structuredClone(base) as Record<string, unknown>;
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let node = copy;
    for (const key of keys) node = node[key] as Record<string, unknown>;
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return copy;
}
