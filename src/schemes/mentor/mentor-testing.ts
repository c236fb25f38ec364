import type { MentorApplicationContent } from './mentor-application.dto';
import { TRONDELAG_MENTOR_CALL_PARAMETERS, type MentorCallParameters } from './mentor-call-parameters.dto';
import {
  MENTOR_TEST_NOW,
  newMentorOrganisation,
  newMentorReport,
  sampleMentorApplication,
} from './mentor-sample';

// The sample case's applicant, submission time and report are the tests' defaults too.
export { MENTOR_TEST_NOW, newMentorOrganisation, newMentorReport };

/*
 * Factories for tests: Trøndelag's call, Trondheim kommune, and an application eligible under that
 * call (the registered sample, mentor-sample.ts), with overrides. Each call returns a fresh object.
 *
 * The default application: budget 600 000 NOK; 300 000 applied for; own share 190 000 (cash 40 000,
 * coordinator 100 h at 780 NOK/h = 78 000, head of unit 50 h at the 800 NOK/h cap = 40 000,
 * premises 32 000); NAV 110 000.
 */

export function newMentorCallParameters(overrides: Partial<MentorCallParameters> = {}): MentorCallParameters {
  return structuredClone({ ...TRONDELAG_MENTOR_CALL_PARAMETERS, ...overrides });
}

export function newMentorApplication(
  overrides: Partial<MentorApplicationContent> = {},
): MentorApplicationContent {
  return { ...sampleMentorApplication(), ...overrides };
}

/**
 * A JSON copy of `base` with dotted paths changed (`'costPlan.1.amountOre': -1`; `undefined`
 * deletes), to build the malformed bodies a client might send.
 */
export function patchMentorJson(
  base: object,
  changes: Record<string, unknown> = {},
): Record<string, unknown> {
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
