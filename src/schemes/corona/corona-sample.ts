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
