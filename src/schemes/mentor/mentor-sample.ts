import type { SchemeOrganisation } from '@lib/engine';
import type { MentorFinalReport } from './mentor-application.dto';
import type { SampleCase } from '../scheme-plugin';
import { nok } from '@lib/common';
import type { MentorApplicationContent } from './mentor-application.dto';

/**
 * The application Mentor registers as its sample (`sampleApplication` in mentor.plugin.ts):
 * complete, realistic and eligible under Trøndelag's call. The conformance suite checks it and the
 * API documentation shows it; the test factories in mentor-testing.ts start from it. A fresh
 * object on every call.
 */
export function sampleMentorApplication(): MentorApplicationContent {
  return {
    projectTitle: 'Mentor Trondheim 2027',
    applicantCompetence: 'The refugee service has run mentor projects with local employers since 2019',
    goals: {
      mainGoal: 'More refugees with higher education get work that fits their qualifications',
      subGoals: ['20 participants matched with a mentor', '10 trainee placements in local businesses'],
      expectedResults: 'At least 8 participants in relevant work or further education within a year',
    },
    targetGroup: {
      description: 'Refugees with higher education who have finished the introduction programme',
      area: 'Trondheim, Malvik and Melhus',
      participantCount: 20,
    },
    mentorRecruitmentPlan:
      'Mentors recruited through the chamber of commerce, professional networks and seniors',
    implementationPlan: 'Monthly network meetings; coordination with NAV and the adult education centre',
    timePlan: {
      startDate: '2027-01-04',
      endDate: '2027-12-17',
      milestones: [
        { date: '2027-02-15', activity: 'Mentors recruited and trained' },
        { date: '2027-03-01', activity: 'First mentor pairs matched' },
        { date: '2027-12-10', activity: 'Closing conference' },
      ],
    },
    costPlan: [
      {
        category: 'project_management',
        description: 'Coordinator and steering group',
        amountOre: nok(200_000),
      },
      {
        category: 'mentor_activities',
        description: 'Recruiting and training mentors',
        amountOre: nok(150_000),
      },
      { category: 'participant_activities', amountOre: nok(150_000) },
      { category: 'premises', amountOre: nok(60_000) },
      { category: 'travel', amountOre: nok(20_000) },
      { category: 'administration', amountOre: nok(20_000) },
    ],
    financingPlan: {
      requestedGrantOre: nok(300_000),
      ownShare: [
        { kind: 'cash', description: 'Refugee service budget', amountOre: nok(40_000) },
        {
          kind: 'staff_time',
          description: 'Project coordinator',
          hours: 100,
          grossAnnualSalaryOre: nok(650_000),
        },
        {
          kind: 'staff_time',
          description: 'Head of unit, steering group',
          hours: 50,
          grossAnnualSalaryOre: nok(800_000),
        },
        {
          kind: 'premises',
          description: 'Meeting rooms at the library, 40 evenings',
          amountOre: nok(32_000),
        },
      ],
      otherPublicFunding: [{ source: 'NAV Trøndelag, tiltaksmidler', amountOre: nok(110_000) }],
    },
    declarations: {
      noDoubleFunding: true,
      economicActivity: false,
      deMinimisReceivedOre: 0,
      staffTimeDocumentedWithTimesheets: true,
      leaderSignature: { name: 'Mona Leder', position: 'Kommunedirektør', confirmed: true },
    },
  };
}

/** A Monday in November 2026, inside the Trøndelag call before the 1 April 2027 deadline. */
export const MENTOR_TEST_NOW = new Date('2026-11-23T10:00:00+01:00');

/** Trondheim kommune as the register has it. */
export function newMentorOrganisation(overrides: Partial<SchemeOrganisation> = {}): SchemeOrganisation {
  return { form: 'KOMM', employeeCount: 14_000, municipalityNumber: '5001', countyCode: '50', ...overrides };
}

/**
 * A final report on the default application: actual costs 520 000 NOK, own share 174 000 (the head
 * of unit gave 30 h, not 50), NAV 110 000 → 236 000 NOK left uncovered.
 */
export function newMentorReport(overrides: Partial<MentorFinalReport> = {}): MentorFinalReport {
  return {
    summary: '17 mentor pairs; 9 participants in relevant work by December',
    goalResults: [
      {
        goal: 'Work that fits qualifications',
        outcome: 'partly_achieved',
        result: '9 of 17 in relevant work',
      },
      { goal: '20 participants matched', outcome: 'partly_achieved', result: '17 pairs matched' },
      { goal: '10 trainee placements', outcome: 'achieved', result: '11 placements' },
    ],
    participantsReached: 17,
    mentorsRecruited: 15,
    actualCosts: [
      { category: 'project_management', amountOre: nok(180_000) },
      { category: 'mentor_activities', amountOre: nok(130_000) },
      { category: 'participant_activities', amountOre: nok(120_000) },
      { category: 'premises', amountOre: nok(50_000) },
      { category: 'travel', amountOre: nok(20_000) },
      { category: 'administration', amountOre: nok(20_000) },
    ],
    actualOwnShare: [
      { kind: 'cash', description: 'Refugee service budget', amountOre: nok(40_000) },
      {
        kind: 'staff_time',
        description: 'Project coordinator',
        hours: 100,
        grossAnnualSalaryOre: nok(650_000),
      },
      { kind: 'staff_time', description: 'Head of unit', hours: 30, grossAnnualSalaryOre: nok(800_000) },
      { kind: 'premises', description: 'Meeting rooms', amountOre: nok(32_000) },
    ],
    otherPublicFundingOre: nok(110_000),
    ownShareDocumented: true,
    ...overrides,
  };
}

/** The case the conformance and journey runs take this scheme through (`sampleCase` in mentor.plugin.ts). */
export function sampleMentorCase(): SampleCase {
  return {
    applicant: newMentorOrganisation(),
    submittedAt: MENTOR_TEST_NOW.toISOString(),
    report: newMentorReport(),
  };
}
