import { nok } from '@lib/common';
import type {
  CoronaApplicationContent,
  CoronaApprenticeApplication,
  CoronaApprenticeContract,
  CoronaBioExtraApplication,
  CoronaFagbrevApplication,
  CoronaFagbrevContract,
} from './corona-application.dto';
import type {
  CoronaApprenticePackageParameters,
  CoronaBioExtraParameters,
  CoronaCallParameters,
  CoronaFagbrevParameters,
} from './corona-call-parameters.dto';
import {
  TRONDELAG_APPRENTICE_PACKAGE_PARAMETERS,
  TRONDELAG_BIO_EXTRA_PARAMETERS,
  TRONDELAG_FAGBREV_PARAMETERS,
} from './corona-demo-calls';
import {
  sampleApprenticeContract,
  sampleApprenticePackage,
  CORONA_TEST_NOW,
  newCoronaOrganisation,
  newApprenticeReport,
} from './corona-sample';

// The sample case's applicant, submission time and report are the tests' defaults too.
export { CORONA_TEST_NOW, newCoronaOrganisation, newApprenticeReport };

/*
 * Factories for tests (the apprentice application starts from the registered sample in
 * corona-sample.ts): each call returns a fresh object, so tests never share mutable fixtures. The
 * defaults are eligible under the Trøndelag demo calls at CORONA_TEST_NOW.
 */

const clone = <T>(value: T): T => structuredClone(value);

export function newApprenticeCallParameters(
  overrides: Partial<CoronaApprenticePackageParameters> = {},
  call: Partial<CoronaCallParameters> = {},
): CoronaCallParameters {
  const base = clone(TRONDELAG_APPRENTICE_PACKAGE_PARAMETERS);
  return { ...base, ...call, apprenticePackage: { ...base.apprenticePackage!, ...overrides } };
}

/**
 * The real 2020 round: applications and signed contracts from 01.07.2020 to 01.09.2020 (Trøndelag
 * Tiltakspakke formidling, §2.5), both days inclusive, Norwegian time.
 */
export function newApprentice2020CallParameters(
  overrides: Partial<CoronaApprenticePackageParameters> = {},
): CoronaCallParameters {
  return newApprenticeCallParameters(
    { contractPeriod: { from: '2020-07-01', to: '2020-09-01' }, ...overrides },
    { window: { opensAt: '2020-07-01T00:00:00+02:00', closesAt: '2020-09-01T23:59:59+02:00' } },
  );
}

export function newBioExtraCallParameters(
  overrides: Partial<CoronaBioExtraParameters> = {},
  call: Partial<CoronaCallParameters> = {},
): CoronaCallParameters {
  const base = clone(TRONDELAG_BIO_EXTRA_PARAMETERS);
  return { ...base, ...call, bioExtra: { ...base.bioExtra!, ...overrides } };
}

export function newFagbrevCallParameters(
  overrides: Partial<CoronaFagbrevParameters> = {},
  call: Partial<CoronaCallParameters> = {},
): CoronaCallParameters {
  const base = clone(TRONDELAG_FAGBREV_PARAMETERS);
  return { ...base, ...call, fagbrevPaJobb: { ...base.fagbrevPaJobb!, ...overrides } };
}

export function newApprenticeContract(
  overrides: Partial<CoronaApprenticeContract> = {},
): CoronaApprenticeContract {
  return { ...sampleApprenticeContract(), ...overrides };
}

/** The registered sample (corona-sample.ts): two contracts, 50 000 NOK requested. */
export function newApprenticeApplication(
  overrides: Partial<CoronaApprenticeApplication> = {},
): CoronaApplicationContent {
  return { measure: 'apprentice_package', apprenticePackage: { ...sampleApprenticePackage(), ...overrides } };
}

/**
 * A restaurant retraining six employees: costs 400 000 NOK (wages 200 000, provider 180 000, travel
 * 10 000, administration 10 000); 60 % = 240 000 NOK requested; 160 000 NOK own contribution.
 */
export function newBioExtraApplication(
  overrides: Partial<CoronaBioExtraApplication> = {},
): CoronaApplicationContent {
  return {
    measure: 'bio_extra',
    bioExtra: {
      naceCode: '56.101',
      coronaImpact: 'Turnover down 60 % since March; 8 of 14 employees partly laid off',
      restructuringNeed: 'Moving to take-away and online booking; staff must learn new systems',
      trainingPlan: {
        content: 'Eight half-days: booking system, online sales, food safety for take-away',
        providerName: 'Trøndelag fagskole',
      },
      startDate: '2026-12-07',
      endDate: '2027-06-30',
      participants: { count: 6, weeksEach: 12, fullyLaidOffCount: 0 },
      costPlan: [
        { category: 'participant_wages', description: '6 employees, 12 weeks', amountOre: nok(200_000) },
        { category: 'provider_fees', amountOre: nok(180_000) },
        { category: 'travel_subsistence', amountOre: nok(10_000) },
        { category: 'administration', amountOre: nok(10_000) },
      ],
      financingPlan: {
        ownContributionOre: nok(160_000),
        otherPublicSupportOre: 0,
        requestedGrantOre: nok(240_000),
      },
      declarations: {
        otherPublicSupportReceived: false,
        otherPublicSupportAmountOre: 0,
        notInEconomicDifficulty: true,
        notInDifficultyOnReferenceDate: true,
      },
      ...overrides,
    },
  };
}

export function newFagbrevContract(overrides: Partial<CoronaFagbrevContract> = {}): CoronaFagbrevContract {
  return {
    candidateReference: 'FPJ-2026-0032',
    vigoContractNumber: 'V-50-2026-20011',
    trade: 'Industrimekanikerfaget',
    signedOn: '2026-11-12',
    employedByApplicant: true,
    laidOff: true,
    ...overrides,
  };
}

/** Two employees on Fagbrev på jobb contracts: 2 × 30 000 NOK. */
export function newFagbrevApplication(
  overrides: Partial<CoronaFagbrevApplication> = {},
): CoronaApplicationContent {
  return {
    measure: 'fagbrev_pa_jobb',
    fagbrevPaJobb: {
      contracts: [
        newFagbrevContract(),
        newFagbrevContract({
          candidateReference: 'FPJ-2026-0033',
          vigoContractNumber: 'V-50-2026-20019',
          trade: 'Sveisefaget',
          signedOn: '2026-11-18',
          laidOff: false,
        }),
      ],
      requestedGrantOre: nok(60_000),
      declarations: { commitsToReporting: true },
      ...overrides,
    },
  };
}

/**
 * A JSON copy of `base` with dotted paths changed (`'apprenticePackage.contracts.0.signedOn': …`;
 * `undefined` deletes), to build the malformed bodies a client might send.
 */
export function patchJson(base: object, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
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
