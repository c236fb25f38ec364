import {
  COMMON_LIFECYCLE_VERSION,
  commonSnapshotMigrations,
  defineLifecycle,
  type SchemeDefinition,
} from '@lib/engine';
import { JOBBSJANSEN_ATTACHMENT_DEFAULTS } from './jobbsjansen-attachments';
import {
  JobbsjansenApplicationDto,
  JobbsjansenFinalReportDto,
  type JobbsjansenApplicationContent,
  type JobbsjansenFinalReport,
} from './jobbsjansen-application.dto';
import {
  JobbsjansenCallParametersDto,
  type JobbsjansenCallParameters,
} from './jobbsjansen-call-parameters.dto';
import {
  computeJobbsjansenFinalPayable,
  computeJobbsjansenMaximumGrant,
  jobbsjansenInterimReportsDue,
  planJobbsjansenPayments,
} from './jobbsjansen-grant';
import {
  checkJobbsjansenCallParameters,
  checkJobbsjansenEligibility,
  checkJobbsjansenFinalReport,
  jobbsjansenAdvisories,
} from './jobbsjansen.rules';
import { JOBBSJANSEN_SCHEME_ID } from './jobbsjansen-vocabulary';
import {
  JOBBSJANSEN_APPLICATION_FORM,
  JOBBSJANSEN_REPORT_FORM,
  JOBBSJANSEN_CALL_FORM,
  JOBBSJANSEN_YEARLY_REPORT_FORM,
} from './jobbsjansen-form-ui';
import {
  checkJobbsjansenYearlyReport,
  JOBBSJANSEN_YEARLY_REPORT,
  JobbsjansenYearlyReportDto,
  type JobbsjansenYearlyReport,
} from './jobbsjansen-yearly-report.dto';

/**
 * The lifecycle of Jobbsjansen cases: the common one, with the final report due 60 days after the
 * project ends (an assumption: no county deadline was found; a school year ending in June leaves
 * the summer for outcomes and accounts). IMDi asked for yearly reports at project and participant
 * level: the scheme asks for one interim yearly report (årsrapport) during the project, which the
 * second instalment waits for, and the final report completes the lifecycle.
 */
const jobbsjansenLifecycle = defineLifecycle({
  id: 'jobbsjansen',
  version: COMMON_LIFECYCLE_VERSION,
  migrations: commonSnapshotMigrations(),
  finalReportDue: { from: 'project_end', days: 60 },
});

/** Jobbsjansen del B: more primary-level schooling for immigrant youth aged 16–24 (§2.2). */
export const jobbsjansenScheme: SchemeDefinition<
  JobbsjansenCallParameters,
  JobbsjansenApplicationContent,
  JobbsjansenFinalReport
> = {
  id: JOBBSJANSEN_SCHEME_ID,
  referencePrefix: 'JOBB',
  attachmentDefaults: JOBBSJANSEN_ATTACHMENT_DEFAULTS,
  name: 'Jobbsjansen del B – mer grunnskoleopplæring for innvandrerungdom',
  description:
    'Grants for municipalities and county units that give immigrant youth aged 16–24 more primary-level ' +
    'schooling, so that they can complete upper secondary education. Own financing is required.',
  presentation: {
    purpose: {
      nb: 'Tilskudd til mer grunnskoleopplæring for innvandrerungdom mellom 16 og 24 år, så de kan fullføre videregående opplæring.',
      en: 'Grants for more primary-level schooling for immigrant youth aged 16–24, so that they can complete upper secondary education.',
    },
    applicants: {
      nb: 'Kommuner, fylkeskommuner og deres foretak og interkommunale selskaper. Egenfinansiering kreves.',
      en: 'Municipalities, county authorities and their enterprises and inter-municipal companies. Own funding is required.',
    },
    applicationForm: JOBBSJANSEN_APPLICATION_FORM,
    reportForm: JOBBSJANSEN_REPORT_FORM,
    callForm: JOBBSJANSEN_CALL_FORM,
  },
  lifecycle: jobbsjansenLifecycle,
  callParametersDto: JobbsjansenCallParametersDto,
  applicationDto: JobbsjansenApplicationDto,
  reportDto: JobbsjansenFinalReportDto,
  checkCallParameters: (params) => checkJobbsjansenCallParameters(params),
  callWindow: ({ window }) => ({ opensAt: window.opensAt, closesAt: window.closesAt ?? null }),
  // One municipality may run several offers, so another active grant does not bar a new one.
  checkEligibility: ({ params, content, organisation, now }) =>
    checkJobbsjansenEligibility({ params, application: content, organisation, now }),
  advisories: ({ params, content }) => jobbsjansenAdvisories(params, content),
  maximumGrant: (params, content) => computeJobbsjansenMaximumGrant(params, content).maximumOre,
  requestedAmount: (content) => content.financingPlan.requestedGrantOre,
  // The last project day, at noon UTC: the same calendar day in Norway whatever the season.
  projectEndsAt: (content) => `${content.endDate}T12:00:00.000Z`,
  // Pseudonymous participant rows are still personal data: the kernel shows them to the applicant
  // and the county's case officers only, not to approvers or finance (data minimisation, §4.4).
  personalDataInReport: ['participants'] satisfies ReadonlyArray<keyof JobbsjansenFinalReport>,
  checkReport: (_content, report) => checkJobbsjansenFinalReport(report),
  finalPayable: (params, grantedAmount, report) =>
    computeJobbsjansenFinalPayable(params, grantedAmount, report).payableOre,
  paymentPlan: (params, grantedAmount) => planJobbsjansenPayments(params, grantedAmount),
  interimReports: [
    {
      key: JOBBSJANSEN_YEARLY_REPORT,
      title: { nb: 'Årsrapport', en: 'Yearly report' },
      dto: JobbsjansenYearlyReportDto,
      form: JOBBSJANSEN_YEARLY_REPORT_FORM,
      check: (report) => checkJobbsjansenYearlyReport(report as JobbsjansenYearlyReport),
    },
  ],
  interimReportsDue: (params) => jobbsjansenInterimReportsDue(params),
  // Its applicants are municipalities, whose grants are probably not enkeltvedtak (domain research
  // §4.1, an assumption): no appeal section unless the call says its decisions may be appealed.
  appealableByDefault: false,
};
