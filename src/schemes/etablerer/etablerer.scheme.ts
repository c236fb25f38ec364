import {
  COMMON_LIFECYCLE_VERSION,
  commonSnapshotMigrations,
  defineLifecycle,
  submissionPeriod,
  type SchemeDefinition,
} from '@lib/engine';
import { ETABLERER_ATTACHMENT_DEFAULTS } from './etablerer-attachments';
import {
  EtablererApplicationDto,
  EtablererFinalReportDto,
  type EtablererApplicationContent,
  type EtablererFinalReport,
} from './etablerer-application.dto';
import { EtablererCallParametersDto, type EtablererCallParameters } from './etablerer-call-parameters.dto';
import {
  computeEtablererFinalPayable,
  etablererStateAidBasis,
  computeEtablererMaximumGrant,
  planEtablererPayments,
} from './etablerer-grant';
import {
  checkEtablererCallParameters,
  checkEtablererEligibility,
  etablererAdvisories,
} from './etablerer.rules';
import { ETABLERER_SCHEME_ID } from './etablerer-vocabulary';
import { ETABLERER_APPLICATION_FORM, ETABLERER_REPORT_FORM, ETABLERER_CALL_FORM } from './etablerer-form-ui';

/**
 * The lifecycle of etablerer cases: the common one, with the final report due 60 days after the
 * project ends ([ASSUMPTION]: the research gives no report deadline for this scheme).
 */
const etablererLifecycle = defineLifecycle({
  id: 'etablerer',
  version: COMMON_LIFECYCLE_VERSION,
  migrations: commonSnapshotMigrations(),
  finalReportDue: { from: 'project_end', days: 60 },
});

/**
 * Etablereropplæring for innvandrere: grants for entrepreneurship training for immigrants (courses,
 * guidance towards starting a business), to municipalities and public bodies, private organisations
 * with expertise and registered voluntary organisations (domain research §2.4).
 */
export const etablererScheme: SchemeDefinition<
  EtablererCallParameters,
  EtablererApplicationContent,
  EtablererFinalReport
> = {
  id: ETABLERER_SCHEME_ID,
  referencePrefix: 'ETAB',
  attachmentDefaults: ETABLERER_ATTACHMENT_DEFAULTS,
  name: 'Etablereropplæring for innvandrere',
  description:
    'Grants for entrepreneurship training for immigrants; own funds at least equal to the amount applied for, ' +
    'and for applicants with economic activity a support share of at most 50 % (60 % for SMEs) under GBER art. 31.',
  presentation: {
    purpose: {
      nb: 'Tilskudd til etablereropplæring for innvandrere: kurs og veiledning på veien mot å starte egen bedrift.',
      en: 'Grants for entrepreneurship training for immigrants: courses and guidance towards starting a business.',
    },
    applicants: {
      nb: 'Kommuner og andre offentlige virksomheter, private virksomheter med relevant kompetanse og registrerte frivillige organisasjoner. Egenfinansieringen må minst være like stor som beløpet det søkes om.',
      en: 'Municipalities and other public bodies, private organisations with relevant expertise and registered voluntary organisations. Own funding must at least equal the amount applied for.',
    },
    applicationForm: ETABLERER_APPLICATION_FORM,
    reportForm: ETABLERER_REPORT_FORM,
    callForm: ETABLERER_CALL_FORM,
  },
  lifecycle: etablererLifecycle,
  callParametersDto: EtablererCallParametersDto,
  applicationDto: EtablererApplicationDto,
  reportDto: EtablererFinalReportDto,
  checkCallParameters: (params) => checkEtablererCallParameters(params),
  callWindow: ({ window }) => submissionPeriod(window),
  checkEligibility: ({ params, content, organisation, now }) =>
    checkEtablererEligibility({ params, application: content, organisation, now }),
  advisories: ({ content }) => etablererAdvisories(content),
  maximumGrant: (params, content, organisation) =>
    computeEtablererMaximumGrant(params, content, organisation.employeeCount).maximumOre,
  requestedAmount: (content) => content.financingPlan.requestedGrantOre,
  // The last project day, at noon UTC: the same calendar day in Norway whatever the season.
  projectEndsAt: (content) => `${content.endDate}T12:00:00.000Z`,
  // The report carries figures only; the state-aid basis comes from the application.
  checkReport: () => [],
  finalPayable: (params, grantedAmount, report, { content, organisation }) =>
    computeEtablererFinalPayable(
      params,
      grantedAmount,
      report,
      etablererStateAidBasis(params, content, organisation.employeeCount),
    ).payableOre,
  paymentPlan: (params, grantedAmount) => planEtablererPayments(params, grantedAmount),
};
