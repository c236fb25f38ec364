import {
  COMMON_LIFECYCLE_VERSION,
  commonSnapshotMigrations,
  defineLifecycle,
  planAdvanceAndFinal,
  submissionPeriod,
  trainingCostPlanLines,
  type SchemeDefinition,
} from '@lib/engine';
import { BIO_ATTACHMENT_DEFAULTS } from './bio-attachments';
import {
  BioApplicationDto,
  BioFinalReportDto,
  type BioApplicationContent,
  type BioFinalReport,
} from './bio-application.dto';
import { BioCallParametersDto, type BioCallParameters } from './bio-call-parameters.dto';
import { computeFinalPayable, computeMaximumGrant } from './bio-grant';
import { checkBioCallParameters, checkBioEligibility, checkBioFinalReport } from './bio.rules';
import { BIO_SCHEME_ID } from './bio-vocabulary';
import { BIO_APPLICATION_FORM, BIO_REPORT_FORM, BIO_CALL_FORM } from './bio-form-ui';

/** The lifecycle of BIO cases: the common one, with the final report due 30 days after the project ends. */
const bioLifecycle = defineLifecycle({
  id: 'bio',
  version: COMMON_LIFECYCLE_VERSION,
  migrations: commonSnapshotMigrations(),
  finalReportDue: { from: 'project_end', days: 30 },
});

/** BIO (bedriftsintern opplæring): grants for companies' internal training during restructuring. */
export const bioScheme: SchemeDefinition<BioCallParameters, BioApplicationContent, BioFinalReport> = {
  id: BIO_SCHEME_ID,
  referencePrefix: 'BIO',
  attachmentDefaults: BIO_ATTACHMENT_DEFAULTS,
  name: 'Bedriftsintern opplæring (BIO)',
  description:
    'Grants for companies that must restructure, towards training their own employees (wages during training and provider fees).',
  presentation: {
    purpose: {
      nb: 'Tilskudd til bedrifter som må omstille seg, til opplæring av egne ansatte: lønn i opplæringstiden og utgifter til kursleverandør.',
      en: 'Grants for companies that must restructure, towards training their own employees: wages during training and provider fees.',
    },
    applicants: {
      nb: 'Bedrifter i fylket som står i omstilling, for eksempel aksjeselskaper og enkeltpersonforetak. Utlysningen sier hvilke organisasjonsformer og hvilken størrelse som kan søke.',
      en: 'Companies in the county that are restructuring, such as limited companies and sole proprietorships. The call says which organisation forms and sizes may apply.',
    },
    applicationForm: BIO_APPLICATION_FORM,
    reportForm: BIO_REPORT_FORM,
    callForm: BIO_CALL_FORM,
  },
  lifecycle: bioLifecycle,
  callParametersDto: BioCallParametersDto,
  applicationDto: BioApplicationDto,
  reportDto: BioFinalReportDto,
  checkCallParameters: (params) => checkBioCallParameters(params),
  callWindow: ({ window }) => submissionPeriod(window),
  checkEligibility: ({ params, content, organisation, now, otherActiveGrant }) =>
    checkBioEligibility(params, content, organisation, { now, otherActiveBioGrant: otherActiveGrant }),
  maximumGrant: (params, content, organisation) =>
    computeMaximumGrant(params, content, organisation).maximumOre,
  requestedAmount: (content) => content.financingPlan.requestedGrantOre,
  // The last project day, at noon UTC: the same calendar day in Norway whatever the season.
  projectEndsAt: (content) => `${content.endDate}T12:00:00.000Z`,
  checkReport: (content, report) => checkBioFinalReport(content, report),
  // Paid at the intensity of the company's size (GBER art. 31) on the actual eligible costs.
  finalPayable: (params, grantedAmount, report, { organisation }) =>
    computeFinalPayable(params, grantedAmount, report.actualCosts, organisation).payableOre,
  paymentPlan: (params, grantedAmount) =>
    planAdvanceAndFinal(grantedAmount, params.advancePaymentBasisPoints, {
      advance: 'Forskudd',
      final: 'Sluttutbetaling',
    }),
  // Payout requests report the costs accumulated against the approved cost plan.
  costPlanLines: (content) => trainingCostPlanLines(content.costPlan),
};
