import type { SchemeOrganisation } from '@lib/engine';
import type { EtablererFinalReport } from './etablerer-application.dto';
import type { SampleCase } from '../scheme-plugin';
import { nok } from '@lib/common';
import type { EtablererApplicationContent } from './etablerer-application.dto';

/**
 * The application Etablerer registers as its sample (`sampleApplication` in etablerer.plugin.ts):
 * complete, realistic and eligible under Trøndelag's call. The conformance suite checks it and the
 * API documentation shows it; the test factories in etablerer-testing.ts start from it. A fresh
 * object on every call.
 */
export function sampleEtablererApplication(): EtablererApplicationContent {
  return {
    projectTitle: 'Start i Trondheim 2027',
    applicant: {
      category: 'public_body',
      expertise: 'Etablerertjenesten has run start-up courses for immigrants since 2005',
      registeredInVoluntaryRegister: false,
    },
    targetGroup: {
      description: 'Immigrants who want to start a business, including home-based women',
      includesHomeBasedWomen: true,
    },
    courseContent: 'Business plan, tax and VAT, accounting, permits and financing',
    implementationPlan:
      'Two courses of ten evenings, then individual guidance; with NAV and the adult education centre',
    startDate: '2027-02-01',
    endDate: '2027-12-15',
    plannedResults: { courseParticipants: 30, newBusinesses: 6, guidanceSessions: 60 },
    costPlan: [
      { category: 'trainer_personnel', description: 'Two course leaders', amountOre: nok(180_000) },
      { category: 'travel_accommodation', amountOre: nok(10_000) },
      { category: 'materials', description: 'Course books in four languages', amountOre: nok(20_000) },
      { category: 'advisory_services', description: 'Individual guidance', amountOre: nok(60_000) },
      { category: 'indirect_costs', amountOre: nok(30_000) },
      { category: 'other', description: 'Marketing and interpreting', amountOre: nok(20_000) },
    ],
    financingPlan: {
      ownFundsOre: nok(160_000),
      otherPublicFundingOre: nok(10_000),
      requestedGrantOre: nok(150_000),
    },
    declarations: { economicActivity: false, smeDeclared: false, notMandatoryTraining: true },
  };
}

/** A Monday in November 2026, inside the Trøndelag call before the 1 April 2027 deadline. */
export const ETABLERER_TEST_NOW = new Date('2026-11-23T10:00:00+01:00');

/** Trondheim kommune as the register has it. */
export function newEtablererOrganisation(overrides: Partial<SchemeOrganisation> = {}): SchemeOrganisation {
  return { form: 'KOMM', employeeCount: 14_000, municipalityNumber: '5001', countyCode: '50', ...overrides };
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

/** The case the conformance and journey runs take this scheme through (`sampleCase` in etablerer.plugin.ts). */
export function sampleEtablererCase(): SampleCase {
  return {
    applicant: newEtablererOrganisation(),
    submittedAt: ETABLERER_TEST_NOW.toISOString(),
    report: newEtablererReport(),
  };
}
