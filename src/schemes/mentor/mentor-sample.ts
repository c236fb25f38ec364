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
