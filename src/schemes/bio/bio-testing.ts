import type { BioApplicationContent } from './bio-application.dto';
import { TRONDELAG_BIO_CALL_PARAMETERS, type BioCallParameters } from './bio-call-parameters.dto';
import type { BioEligibilityContext } from './bio.rules';
import { sampleBioApplication, BIO_TEST_NOW, newBioOrganisation, newBioReport } from './bio-sample';

// The sample case's applicant, submission time and report are the tests' defaults too.
export { BIO_TEST_NOW, newBioOrganisation, newBioReport };

/*
 * Factories for tests: a Trøndelag call and an application that is eligible under it, with
 * overrides. Each call returns a fresh object, so tests never share mutable fixtures.
 *
 * The default application: 4 participants × 20 weeks, costs 700 000 NOK (wages 400 000, provider
 * 250 000, travel 30 000, administration 20 000), 300 000 NOK requested (the small-company cap),
 * 400 000 NOK own contribution.
 */

export function newBioCallParameters(overrides: Partial<BioCallParameters> = {}): BioCallParameters {
  return structuredClone({ ...TRONDELAG_BIO_CALL_PARAMETERS, ...overrides });
}

export function newBioContext(overrides: Partial<BioEligibilityContext> = {}): BioEligibilityContext {
  return { now: BIO_TEST_NOW, otherActiveBioGrant: false, ...overrides };
}

export function newBioApplication(overrides: Partial<BioApplicationContent> = {}): BioApplicationContent {
  return { ...sampleBioApplication(), ...overrides };
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
