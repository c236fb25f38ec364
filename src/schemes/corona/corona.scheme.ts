import { addMonths } from '@lib/common';
import {
  COMMON_LIFECYCLE_VERSION,
  commonSnapshotMigrations,
  defineLifecycle,
  type SchemeDefinition,
} from '@lib/engine';
import { CORONA_ATTACHMENT_DEFAULTS } from './corona-attachments';
import {
  CoronaApplicationDto,
  CoronaFinalReportDto,
  type CoronaApplicationContent,
  type CoronaFinalReport,
} from './corona-application.dto';
import { CoronaCallParametersDto, type CoronaCallParameters } from './corona-call-parameters.dto';
import { computeApprenticeEntitlement, computeFagbrevEntitlement } from './corona-contracts';
import { computeBioExtraMaximumGrant, computeCoronaFinalPayable, planCoronaPayments } from './corona-grant';
import {
  checkCoronaCallParameters,
  checkCoronaEligibility,
  checkCoronaFinalReport,
  coronaAdvisories,
  coronaCallClosesAt,
  lastSigningDay,
} from './corona.rules';
import { CORONA_CONTRACT_FOLLOW_UP_MONTHS, CORONA_SCHEME_ID } from './corona-vocabulary';
import { CORONA_APPLICATION_FORM, CORONA_REPORT_FORM, CORONA_CALL_FORM } from './corona-form-ui';

/** The lifecycle of corona cases: the common one, with the final report due 30 days after the project ends. */
const coronaLifecycle = defineLifecycle({
  id: 'corona',
  version: COMMON_LIFECYCLE_VERSION,
  migrations: commonSnapshotMigrations(),
  finalReportDue: { from: 'project_end', days: 30 },
});

/** A calendar day as an instant at noon UTC: the same calendar day in Norway whatever the season. */
const noonUtc = (isoDate: string) => `${isoDate}T12:00:00.000Z`;

/**
 * The corona measures (koronatiltak, 2020–2021): one scheme whose call chooses the measure
 * (extraordinary BIO money, the apprentice package, or Fagbrev på jobb), so that each measure has
 * its own calls and frames while cases share one lifecycle and one reference series (KORONA-…).
 */
export const coronaScheme: SchemeDefinition<
  CoronaCallParameters,
  CoronaApplicationContent,
  CoronaFinalReport
> = {
  id: CORONA_SCHEME_ID,
  referencePrefix: 'KORONA',
  attachmentDefaults: CORONA_ATTACHMENT_DEFAULTS,
  name: 'Koronatiltak (BIO-ekstra, lærlingpakke, Fagbrev på jobb)',
  description:
    'Extraordinary corona measures: extra BIO money with its own frame and prioritised sectors, a fixed amount per new apprentice contract, and Fagbrev på jobb contracts. The call chooses the measure.',
  presentation: {
    purpose: {
      nb: 'Ekstraordinære koronatiltak: ekstra BIO-midler til prioriterte bransjer, et fast beløp per ny lærekontrakt og kontrakter i Fagbrev på jobb. Utlysningen sier hvilket tiltak den gjelder.',
      en: 'Extraordinary corona measures: extra BIO money for prioritised sectors, a fixed amount per new apprentice contract, and Fagbrev på jobb contracts. The call says which measure it is for.',
    },
    applicants: {
      nb: 'Bedrifter og lærebedrifter i fylket som er rammet av pandemien. Utlysningen sier hvilke organisasjonsformer og bransjer som kan søke.',
      en: 'Companies and apprentice employers in the county hit by the pandemic. The call says which organisation forms and sectors may apply.',
    },
    applicationForm: CORONA_APPLICATION_FORM,
    reportForm: CORONA_REPORT_FORM,
    callForm: CORONA_CALL_FORM,
  },
  lifecycle: coronaLifecycle,
  callParametersDto: CoronaCallParametersDto,
  applicationDto: CoronaApplicationDto,
  reportDto: CoronaFinalReportDto,
  checkCallParameters: (params) => checkCoronaCallParameters(params),
  callWindow: ({ window }) => ({ opensAt: window.opensAt, closesAt: coronaCallClosesAt(window) }),
  checkEligibility: ({ params, content, organisation, now }) =>
    // `otherActiveGrant` is not used: it covers every corona measure, and a company may hold an
    // apprentice grant and extra BIO money at once.
    checkCoronaEligibility({ params, content, organisation, now }),
  advisories: ({ params, content }) => coronaAdvisories(params, content),
  maximumGrant: (params, content, organisation) => {
    if (content.measure !== params.measure) return 0;
    if (params.bioExtra && content.bioExtra)
      return computeBioExtraMaximumGrant(params.bioExtra, content.bioExtra, organisation.employeeCount)
        .maximumOre;
    if (params.apprenticePackage && content.apprenticePackage)
      return computeApprenticeEntitlement(params.apprenticePackage, content.apprenticePackage).entitlementOre;
    if (params.fagbrevPaJobb && content.fagbrevPaJobb)
      return computeFagbrevEntitlement(params.fagbrevPaJobb, content.fagbrevPaJobb).entitlementOre;
    return 0;
  },
  requestedAmount: (content) =>
    content.bioExtra?.financingPlan.requestedGrantOre ??
    content.apprenticePackage?.requestedGrantOre ??
    content.fagbrevPaJobb?.requestedGrantOre ??
    0,
  // bio_extra: the project's last day. Flat-rate measures: the report confirms the contracts still
  // run some months after the last one was signed.
  projectEndsAt: (content) => {
    if (content.bioExtra) return noonUtc(content.bioExtra.endDate);
    const contracts = content.apprenticePackage?.contracts ?? content.fagbrevPaJobb?.contracts ?? [];
    return noonUtc(addMonths(lastSigningDay(contracts), CORONA_CONTRACT_FOLLOW_UP_MONTHS));
  },
  checkReport: (content, report) => checkCoronaFinalReport(content, report),
  finalPayable: (params, grantedAmount, report, { organisation }) =>
    computeCoronaFinalPayable(params, grantedAmount, report, organisation.employeeCount),
  paymentPlan: (params, grantedAmount) => planCoronaPayments(params, grantedAmount),
};
