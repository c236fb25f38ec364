import { nok } from '@lib/common';
import type { SchemeOrganisation } from '@lib/engine';
import type { EtablererApplicationContent, EtablererFinalReport } from './etablerer-application.dto';
import {
  TRONDELAG_ETABLERER_CALL_PARAMETERS,
  type EtablererCallParameters,
} from './etablerer-call-parameters.dto';
import { sampleEtablererApplication } from './etablerer-sample';

/*
 * Factories for tests: Trøndelag's call, Trondheim kommune, and an application eligible under that
 * call (the registered sample, etablerer-sample.ts), with overrides. Each call returns a fresh object.
 *
 * The default application: budget 320 000 NOK (300 000 in GBER art. 31 categories, 20 000 other);
 * 150 000 applied for, own funds 160 000, other public funding 10 000; no economic activity.
 */

/** A Monday in November 2026, inside the Trøndelag call before the 1 April 2027 deadline. */
export const ETABLERER_TEST_NOW = new Date('2026-11-23T10:00:00+01:00');

export function newEtablererCallParameters(
  overrides: Partial<EtablererCallParameters> = {},
): EtablererCallParameters {
  return structuredClone({ ...TRONDELAG_ETABLERER_CALL_PARAMETERS, ...overrides });
}

/** Trondheim kommune as the register has it. */
export function newEtablererOrganisation(overrides: Partial<SchemeOrganisation> = {}): SchemeOrganisation {
  return { form: 'KOMM', employeeCount: 14_000, municipalityNumber: '5001', countyCode: '50', ...overrides };
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

/** A final report on the default application: actual costs 280 000 NOK, own funds 150 000, other 10 000. */
export function newEtablererReport(overrides: Partial<EtablererFinalReport> = {}): EtablererFinalReport {
  return {
    summary: 'Two courses held; 27 completed, 5 businesses registered by December',
    results: { courseParticipants: 27, newBusinesses: 5, guidanceSessions: 48 },
    actualCosts: [
      { category: 'trainer_personnel', amountOre: nok(170_000) },
      { category: 'materials', amountOre: nok(15_000) },
      { category: 'advisory_services', amountOre: nok(50_000) },
      { category: 'indirect_costs', amountOre: nok(30_000) },
      { category: 'other', amountOre: nok(15_000) },
    ],
    actualOwnFundsOre: nok(150_000),
    otherPublicFundingOre: nok(10_000),
    ...overrides,
  };
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
