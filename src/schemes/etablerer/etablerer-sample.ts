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
