import { applyBasisPoints } from '@lib/common';
import { defineLifecycle, submissionPeriod, type SchemeDefinition } from '@lib/engine';
import type { OrganisationForm } from '../../organisations/organisation-form';
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

/** The lifecycle of BIO cases: the common one, with the final report due 30 days after the project ends. */
const bioLifecycle = defineLifecycle({
  id: 'bio',
  version: 1,
  finalReportDue: { from: 'project_end', days: 30 },
});

/** BIO (bedriftsintern opplæring): grants for companies' internal training during restructuring. */
export const bioScheme: SchemeDefinition<BioCallParameters, BioApplicationContent, BioFinalReport> = {
  id: BIO_SCHEME_ID,
  referencePrefix: 'BIO',
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
  },
  lifecycle: bioLifecycle,
  callParametersDto: BioCallParametersDto,
  applicationDto: BioApplicationDto,
  reportDto: BioFinalReportDto,
  checkCallParameters: (params) => checkBioCallParameters(params),
  callWindow: ({ window }) => submissionPeriod(window),
  checkEligibility: ({ params, content, organisation, now, otherActiveGrant }) =>
    checkBioEligibility(
      params,
      content,
      {
        form: organisation.form as OrganisationForm,
        employeeCount: organisation.employeeCount,
        municipalityNumber: organisation.municipalityNumber,
        ...(organisation.countyCode ? { countyCode: organisation.countyCode } : {}),
      },
      { now, otherActiveBioGrant: otherActiveGrant },
    ),
  maximumGrant: (params, content, organisation) =>
    computeMaximumGrant(params, content, {
      form: organisation.form as OrganisationForm,
      employeeCount: organisation.employeeCount,
      municipalityNumber: organisation.municipalityNumber,
    }).maximumOre,
  requestedAmount: (content) => content.financingPlan.requestedGrantOre,
  // The last project day, at noon UTC: the same calendar day in Norway whatever the season.
  projectEndsAt: (content) => `${content.endDate}T12:00:00.000Z`,
  delegationLimit: (params) => params.delegationThresholdOre,
  acceptanceDays: (params) => params.acceptanceDays,
  checkReport: (content, report) => checkBioFinalReport(content, report),
  finalPayable: (params, grantedAmount, report) =>
    computeFinalPayable(params, grantedAmount, report.actualCosts).payableOre,
  paymentPlan: (params, grantedAmount) => {
    const advance = applyBasisPoints(grantedAmount, params.advancePaymentBasisPoints);
    return [
      ...(advance > 0 ? [{ label: 'Forskudd', amount: advance, on: 'acceptance' as const }] : []),
      { label: 'Sluttutbetaling', amount: grantedAmount - advance, on: 'final_report' as const },
    ];
  },
};
