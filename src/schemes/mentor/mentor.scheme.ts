import {
  COMMON_LIFECYCLE_VERSION,
  commonSnapshotMigrations,
  defineLifecycle,
  submissionPeriod,
  type SchemeDefinition,
} from '@lib/engine';
import { MENTOR_ATTACHMENT_DEFAULTS } from './mentor-attachments';
import {
  MentorApplicationDto,
  MentorFinalReportDto,
  type MentorApplicationContent,
  type MentorFinalReport,
} from './mentor-application.dto';
import { MentorCallParametersDto, type MentorCallParameters } from './mentor-call-parameters.dto';
import { computeMentorFinalPayable, computeMentorMaximumGrant, planMentorPayments } from './mentor-grant';
import {
  checkMentorCallParameters,
  checkMentorEligibility,
  checkMentorFinalReport,
  mentorAdvisories,
} from './mentor.rules';
import { MENTOR_SCHEME_ID } from './mentor-vocabulary';
import { MENTOR_APPLICATION_FORM, MENTOR_REPORT_FORM, MENTOR_CALL_FORM } from './mentor-form-ui';

/**
 * The lifecycle of mentor cases: the common one, with the final report due 60 days after the
 * project ends ([ASSUMPTION]: the research gives no report deadline for this scheme).
 */
const mentorLifecycle = defineLifecycle({
  id: 'mentor',
  version: COMMON_LIFECYCLE_VERSION,
  migrations: commonSnapshotMigrations(),
  finalReportDue: { from: 'project_end', days: 60 },
});

/**
 * Mentor- og traineeordning for innvandrere: project grants to municipalities (and, where the call
 * allows, businesses and organisations) that match immigrants with mentors or trainee placements,
 * so they get work that fits their qualifications (domain research §2.3).
 */
export const mentorScheme: SchemeDefinition<
  MentorCallParameters,
  MentorApplicationContent,
  MentorFinalReport
> = {
  id: MENTOR_SCHEME_ID,
  referencePrefix: 'MENTOR',
  attachmentDefaults: MENTOR_ATTACHMENT_DEFAULTS,
  name: 'Mentor- og traineeordning for innvandrere',
  description:
    'Project grants for mentor and trainee schemes that help immigrants into work that fits their qualifications; ' +
    'own share at least half the amount applied for, staff time counted at an hourly rate.',
  presentation: {
    purpose: {
      nb: 'Prosjekttilskudd til mentor- og traineeordninger som hjelper innvandrere inn i arbeid som passer kvalifikasjonene deres.',
      en: 'Project grants for mentor and trainee schemes that help immigrants into work that fits their qualifications.',
    },
    applicants: {
      nb: 'Kommuner og kommunale foretak, og der utlysningen åpner for det, også bedrifter og organisasjoner. Egenandelen må være minst halvparten av beløpet det søkes om.',
      en: 'Municipalities and municipal enterprises, and where the call allows it, businesses and organisations too. The own share must be at least half the amount applied for.',
    },
    applicationForm: MENTOR_APPLICATION_FORM,
    reportForm: MENTOR_REPORT_FORM,
    callForm: MENTOR_CALL_FORM,
  },
  lifecycle: mentorLifecycle,
  callParametersDto: MentorCallParametersDto,
  applicationDto: MentorApplicationDto,
  reportDto: MentorFinalReportDto,
  checkCallParameters: (params) => checkMentorCallParameters(params),
  callWindow: ({ window }) => submissionPeriod(window),
  checkEligibility: ({ params, content, organisation, now }) =>
    checkMentorEligibility({ params, application: content, organisation, now }),
  advisories: ({ params, content }) => mentorAdvisories(params, content),
  maximumGrant: (params, content) => computeMentorMaximumGrant(params, content).maximumOre,
  requestedAmount: (content) => content.financingPlan.requestedGrantOre,
  // The last project day, at noon UTC: the same calendar day in Norway whatever the season.
  projectEndsAt: (content) => `${content.timePlan.endDate}T12:00:00.000Z`,
  checkReport: (content, report) => checkMentorFinalReport(content, report),
  finalPayable: (params, grantedAmount, report) =>
    computeMentorFinalPayable(params, grantedAmount, report).payableOre,
  paymentPlan: (params, grantedAmount) => planMentorPayments(params, grantedAmount),
  // Its applicants are municipalities, whose grants are probably not enkeltvedtak (domain research
  // §4.1, an assumption): no appeal section unless the call says its decisions may be appealed.
  appealableByDefault: false,
};
