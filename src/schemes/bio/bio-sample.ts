import type { BioFinalReport } from './bio-application.dto';
import type { SchemeOrganisation } from '@lib/engine';
import type { SampleCase } from '../scheme-plugin';
import { nok } from '@lib/common';
import type { BioApplicationContent } from './bio-application.dto';

/**
 * The application BIO registers as its sample (`sampleApplication` in bio.plugin.ts):
 * complete, realistic and eligible under Trøndelag's 2026 call. The conformance suite checks it and the
 * API documentation shows it; the test factories in bio-testing.ts start from it. A fresh
 * object on every call.
 */
export function sampleBioApplication(): BioApplicationContent {
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
  };
}

/** A Monday morning in February, inside the Trøndelag call window. */
export const BIO_TEST_NOW = new Date('2026-02-02T09:00:00+01:00');

/** A Trondheim company with 12 employees, as the kernel passes it from the organisation register. */
export function newBioOrganisation(overrides: Partial<SchemeOrganisation> = {}): SchemeOrganisation {
  return { form: 'AS', employeeCount: 12, municipalityNumber: '5001', countyCode: '50', ...overrides };
}

/**
 * A final report on the default application: all four operators completed; actual costs 620 000 NOK
 * (wages 360 000, provider 240 000, travel 20 000).
 */
export function newBioReport(overrides: Partial<BioFinalReport> = {}): BioFinalReport {
  return {
    summary: 'All four operators completed the robot programming modules',
    participantsCompleted: 4,
    actualCosts: [
      { category: 'participant_wages', amountOre: nok(360_000) },
      { category: 'provider_fees', amountOre: nok(240_000) },
      { category: 'travel_subsistence', amountOre: nok(20_000) },
    ],
    ...overrides,
  };
}

/** The case the conformance and journey runs take this scheme through (`sampleCase` in bio.plugin.ts). */
export function sampleBioCase(): SampleCase {
  return {
    applicant: newBioOrganisation(),
    submittedAt: BIO_TEST_NOW.toISOString(),
    report: newBioReport(),
  };
}
