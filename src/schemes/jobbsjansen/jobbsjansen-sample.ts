import type { SchemeOrganisation } from '@lib/engine';
import type { JobbsjansenFinalReport, JobbsjansenParticipantOutcome } from './jobbsjansen-application.dto';
import type { JobbsjansenAgeBand, JobbsjansenOutcome } from './jobbsjansen-vocabulary';
import type { SampleCase } from '../scheme-plugin';
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

/** A morning in early August 2026, inside the Trøndelag call window, before the school year starts. */
export const JOBBSJANSEN_TEST_NOW = new Date('2026-08-03T09:00:00+02:00');

/** Trondheim kommune as the register has it. */
export function newJobbsjansenOrganisation(overrides: Partial<SchemeOrganisation> = {}): SchemeOrganisation {
  return { form: 'KOMM', employeeCount: 14_000, municipalityNumber: '5001', countyCode: '50', ...overrides };
}

/** `n` participant rows with codes JB26K001…, outcomes as given (in that order), age bands cycling. */
export function newParticipantRows(
  outcomes: Partial<Record<JobbsjansenOutcome, number>>,
): JobbsjansenParticipantOutcome[] {
  const bands: JobbsjansenAgeBand[] = ['aged16to18', 'aged19to21', 'aged22to24'];
  const rows: JobbsjansenParticipantOutcome[] = [];
  for (const [outcome, n] of Object.entries(outcomes) as [JobbsjansenOutcome, number][]) {
    for (let i = 0; i < n; i++) {
      rows.push({
        code: `JB26K${String(rows.length + 1).padStart(3, '0')}`,
        ageBand: bands[rows.length % bands.length],
        outcome,
      });
    }
  }
  return rows;
}

/**
 * A final report that fits the default application: 18 participants (5 completed, 9 to upper
 * secondary, 2 to work, 2 dropped out), actual costs 850 000 NOK, own financing 180 000 NOK.
 */
export function newJobbsjansenReport(
  overrides: Partial<JobbsjansenFinalReport> = {},
): JobbsjansenFinalReport {
  return {
    summary: 'Two classes ran all year; 11 of 18 went on to upper secondary or work',
    results: { participants: 18, completed: 5, continuedUpperSecondary: 9, work: 2, droppedOut: 2 },
    participants: newParticipantRows({
      completed: 5,
      continued_upper_secondary: 9,
      work: 2,
      dropped_out: 2,
    }),
    actualCosts: [
      { category: 'teaching_staff', amountOre: nok(580_000) },
      { category: 'teaching_materials', amountOre: nok(40_000) },
      { category: 'running_costs', amountOre: nok(90_000) },
      { category: 'project_staff', amountOre: nok(140_000) },
    ],
    actualFinancing: { ownFinancingOre: nok(180_000), otherFundingOre: 0 },
    ...overrides,
  };
}

/** The case the conformance and journey runs take this scheme through (`sampleCase` in jobbsjansen.plugin.ts). */
export function sampleJobbsjansenCase(): SampleCase {
  return {
    applicant: newJobbsjansenOrganisation(),
    submittedAt: JOBBSJANSEN_TEST_NOW.toISOString(),
    report: newJobbsjansenReport(),
  };
}
