import { nok } from '@lib/common';
import type { SchemeOrganisation } from '@lib/engine';
import type { EtablererApplicationContent } from './etablerer-application.dto';
import {
  TRONDELAG_ETABLERER_CALL_PARAMETERS,
  type EtablererCallParameters,
} from './etablerer-call-parameters.dto';
import {
  sampleEtablererApplication,
  ETABLERER_TEST_NOW,
  newEtablererOrganisation,
  newEtablererReport,
} from './etablerer-sample';

// The sample case's applicant, submission time and report are the tests' defaults too.
export { ETABLERER_TEST_NOW, newEtablererOrganisation, newEtablererReport };

/*
 * Factories for tests: Trøndelag's call, Trondheim kommune, and an application eligible under that
 * call (the registered sample, etablerer-sample.ts), with overrides. Each call returns a fresh object.
 *
 * The default application: budget 320 000 NOK (300 000 in GBER art. 31 categories, 20 000 other);
 * 150 000 applied for, own funds 160 000, other public funding 10 000; no economic activity.
 */

export function newEtablererCallParameters(
  overrides: Partial<EtablererCallParameters> = {},
): EtablererCallParameters {
  return structuredClone({ ...TRONDELAG_ETABLERER_CALL_PARAMETERS, ...overrides });
}

/** A private training company with economic activity, 42 employees (an SME). */
export function newEtablererCompany(overrides: Partial<SchemeOrganisation> = {}): SchemeOrganisation {
  return { form: 'AS', employeeCount: 42, municipalityNumber: '5001', countyCode: '50', ...overrides };
}

export function newEtablererApplication(
  overrides: Partial<EtablererApplicationContent> = {},
): EtablererApplicationContent {
  return { ...sampleEtablererApplication(), ...overrides };
}

/**
 * A company's application with economic activity, declared an SME: eligible costs 200 000 NOK, 120
 * 000 applied for (60 %), own funds 120 000.
 */
export function newEtablererCompanyApplication(
  overrides: Partial<EtablererApplicationContent> = {},
): EtablererApplicationContent {
  return newEtablererApplication({
    applicant: {
      category: 'private_expert_organisation',
      expertise: 'Accounting firm with courses for new businesses',
      registeredInVoluntaryRegister: false,
    },
    costPlan: [
      { category: 'trainer_personnel', amountOre: nok(150_000) },
      { category: 'materials', amountOre: nok(20_000) },
      { category: 'participant_personnel', amountOre: nok(30_000) },
      { category: 'other', amountOre: nok(40_000) },
    ],
    financingPlan: { ownFundsOre: nok(120_000), otherPublicFundingOre: 0, requestedGrantOre: nok(120_000) },
    declarations: { economicActivity: true, smeDeclared: true, notMandatoryTraining: true },
    ...overrides,
  });
}

/** A JSON copy of `base` with dotted paths changed (`undefined` deletes), to build malformed bodies. */
export function patchEtablererJson(
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
