import { nok } from '@lib/common';
import type { JobbsjansenApplicationContent } from './jobbsjansen-application.dto';

/**
 * The application Jobbsjansen registers as its sample (`sampleApplication` in jobbsjansen.plugin.ts):
 * complete, realistic and eligible under Trøndelag's call. The conformance suite checks it and the
 * API documentation shows it; the test factories in jobbsjansen-testing.ts start from it. A fresh
 * object on every call.
 */
export function sampleJobbsjansenApplication(): JobbsjansenApplicationContent {
  return {
    projectTitle: 'Grunnskole for ungdom – Trondheim 2026/27',
    projectDescription:
      'Two combined classes in Norwegian, English, mathematics and social studies for newly arrived ' +
      'youth without primary school completed in Norway, 25 hours a week, leading to the ' +
      'primary-school exam and admission to upper secondary.',
    cooperation: 'Trondheim voksenopplæring, Thora Storm vgs and NAV Trondheim: joint intake and follow-up',
    startDate: '2026-08-17',
    endDate: '2027-06-18',
    participants: { aged16to18: 6, aged19to21: 8, aged22to24: 4 },
    schoolYearsPerParticipant: 1,
    costPlan: [
      { category: 'teaching_staff', description: 'Two teachers, 80 %', amountOre: nok(600_000) },
      { category: 'teaching_materials', amountOre: nok(50_000) },
      { category: 'running_costs', description: 'Premises and bus cards', amountOre: nok(100_000) },
      { category: 'project_staff', description: 'Coordinator, 20 %', amountOre: nok(150_000) },
    ],
    financingPlan: { ownFinancingOre: nok(180_000), otherFundingOre: 0, requestedGrantOre: nok(720_000) },
  };
}
