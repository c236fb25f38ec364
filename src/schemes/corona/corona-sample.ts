import type { SchemeOrganisation } from '@lib/engine';
import type { CoronaApprenticeReport, CoronaFinalReport } from './corona-application.dto';
import type { SampleCase } from '../scheme-plugin';
import { nok } from '@lib/common';
import type {
  CoronaApplicationContent,
  CoronaApprenticeApplication,
  CoronaApprenticeContract,
} from './corona-application.dto';

/*
 * The application the corona measures register as their sample (`sampleApplication` in
 * corona.plugin.ts): an apprentice package for the first demo call, complete, realistic and eligible
 * under it. The conformance suite checks it and the API documentation shows it; the test factories in
 * corona-testing.ts start from it. Each function returns a fresh object.
 */

/** A cook apprentice's contract, signed after a layoff. */
export function sampleApprenticeContract(): CoronaApprenticeContract {
  return {
    candidateReference: 'TFK-2026-0417',
    vigoContractNumber: 'V-50-2026-11873',
    trade: 'Kokkfaget',
    signedOn: '2026-11-10',
    packageCode: 'etter_permittering',
    programme: 'RM',
    statutoryRight: true,
    newPlacement: false,
    candidateResidesInCounty: true,
  };
}

/**
 * Two contracts: a cook apprentice after a layoff (35 000) and a waiter on a new place (25 000):
 * 60 000 NOK, capped at 50 000 NOK per company, which is what is requested.
 */
export function sampleApprenticePackage(): CoronaApprenticeApplication {
  return {
    contracts: [
      sampleApprenticeContract(),
      {
        ...sampleApprenticeContract(),
        candidateReference: 'TFK-2026-0422',
        vigoContractNumber: 'V-50-2026-11902',
        trade: 'Servitørfaget',
        signedOn: '2026-11-16',
        packageCode: 'ny_laereplass',
        newPlacement: true,
      },
    ],
    longestApprenticeLayoffWeeks: 3,
    requestedGrantOre: nok(50_000),
    declarations: { fundsGoUndiminishedToEmployer: true, commitsToReporting: true },
  };
}

export function sampleApprenticeApplication(): CoronaApplicationContent {
  return { measure: 'apprentice_package', apprenticePackage: sampleApprenticePackage() };
}

/** A Monday in the demo windows (all three Trøndelag calls are open). */
export const CORONA_TEST_NOW = new Date('2026-11-23T10:00:00+01:00');

/** A small Trondheim company, like the seeded Fjordverk Mekaniske AS but with 14 employees. */
export function newCoronaOrganisation(overrides: Partial<SchemeOrganisation> = {}): SchemeOrganisation {
  return { form: 'AS', employeeCount: 14, municipalityNumber: '5001', countyCode: '50', ...overrides };
}

/**
 * A final report on the default apprentice-package application, half a year on: both contracts
 * still run, and the grant went to the employer undiminished.
 */
export function newApprenticeReport(overrides: Partial<CoronaApprenticeReport> = {}): CoronaFinalReport {
  return {
    measure: 'apprentice_package',
    apprenticePackage: {
      contracts: [
        { reference: 'TFK-2026-0417', outcome: 'running' },
        { reference: 'TFK-2026-0422', outcome: 'running' },
      ],
      fundsPassedUndiminishedToEmployer: true,
      ...overrides,
    },
  };
}

/** The case the conformance and journey runs take this scheme through (`sampleCase` in corona.plugin.ts). */
export function sampleCoronaCase(): SampleCase {
  return {
    applicant: newCoronaOrganisation(),
    submittedAt: CORONA_TEST_NOW.toISOString(),
    report: newApprenticeReport(),
  };
}
