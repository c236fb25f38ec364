import type { BioApplicationContent } from './bio-application.dto';
import { TRONDELAG_BIO_CALL_PARAMETERS, type BioCallParameters } from './bio-call-parameters.dto';
import { nok } from '@lib/common';
import type { SchemeOrganisation } from '@lib/engine';
import type { BioEligibilityContext } from './bio.rules';

/*
 * Factories for tests: a Trøndelag call and an application that is eligible under it, with
 * overrides. Each call returns a fresh object, so tests never share mutable fixtures.
 *
 * The default application: 4 participants × 20 weeks, costs 700 000 NOK (wages 400 000, provider
 * 250 000, travel 30 000, administration 20 000), 300 000 NOK requested (the small-company cap),
 * 400 000 NOK own contribution.
 */

/** A Monday morning in February, inside the Trøndelag call window. */
export const BIO_TEST_NOW = new Date('2026-02-02T09:00:00+01:00');

export function newBioCallParameters(overrides: Partial<BioCallParameters> = {}): BioCallParameters {
  return structuredClone({ ...TRONDELAG_BIO_CALL_PARAMETERS, ...overrides });
}

/** A Trondheim company with 12 employees, as the kernel passes it from the organisation register. */
export function newBioOrganisation(overrides: Partial<SchemeOrganisation> = {}): SchemeOrganisation {
  return { form: 'AS', employeeCount: 12, municipalityNumber: '5001', countyCode: '50', ...overrides };
}

export function newBioContext(overrides: Partial<BioEligibilityContext> = {}): BioEligibilityContext {
  return { now: BIO_TEST_NOW, otherActiveBioGrant: false, ...overrides };
}

export function newBioApplication(overrides: Partial<BioApplicationContent> = {}): BioApplicationContent {
  return {
    restructuringNeed: 'Moving from manual welding to robot cells; operators must learn programming',
    trainingPlan: {
      content: 'Six modules: robot programming, safety, lean production',
      providerName: 'NTNU Videre',
      providerType: 'university',
    },
    startDate: '2026-03-02',
    endDate: '2027-02-26',
    participants: { count: 4, weeksEach: 20 },
    costPlan: [
      { category: 'participant_wages', description: '4 operators, 20 weeks, 40 %', amountOre: nok(400_000) },
      { category: 'provider_fees', amountOre: nok(250_000) },
      { category: 'travel_subsistence', amountOre: nok(30_000) },
      { category: 'administration', amountOre: nok(20_000) },
    ],
    financingPlan: {
      ownContributionOre: nok(400_000),
      otherPublicSupportOre: 0,
      requestedGrantOre: nok(300_000),
    },
    declarations: {
      otherPublicSupportReceived: false,
      otherPublicSupportAmountOre: 0,
      notInEconomicDifficulty: true,
    },
    ...overrides,
  };
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
