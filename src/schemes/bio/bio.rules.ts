import type { BioApplicationContent, BioFinalReport } from './bio-application.dto';
import type { BioCallParameters } from './bio-call-parameters.dto';
import { addDays, addMonths, daysBetween, formatNorwegianDate, isIsoDate, norwegianDate } from '@lib/common';
import {
  checkEligibilityRules,
  checkSubmissionWindow,
  fail as failWith,
  GBER_TRAINING_AID_MAX_BASIS_POINTS,
  ok,
  runRules,
  submissionRefusals,
  summariseTrainingCosts,
  unknownOrganisationForms,
  type SchemeOrganisation,
  type SchemeReason,
  type SchemeRule,
} from '@lib/engine';
import { ORGANISATION_FORM_CODES } from '@lib/common';
import { computeMaximumGrant } from './bio-grant';
import {
  formatBasisPoints,
  formatKroner,
  formatNok,
  isAtLeastRatio,
  isWithinBasisPoints,
  mulDivFloor,
  sumOre,
} from '@lib/common';

/*
 * BIO eligibility as small pure rules. Each rule looks at one thing and returns the reasons it fails
 * (none = passes); `checkBioEligibility` runs them all, because a refused submit lists every reason
 * at once. Facts that need the database (another active BIO grant) are looked up by the caller and
 * passed in through the context.
 */

/** The reasons BIO's own rules give (who may apply, and whether the call is open, are the kernel's). */
export type BioReasonCode =
  | 'participants_exceed_employees'
  | 'project_period_invalid'
  | 'project_duration_exceeded'
  | 'weeks_per_participant_exceeded'
  | 'weeks_exceed_project_period'
  | 'start_before_application'
  | 'no_eligible_costs'
  | 'training_share_too_low'
  | 'travel_administration_share_too_high'
  | 'requested_grant_missing'
  | 'grant_exceeds_size_cap'
  | 'grant_exceeds_participant_cap'
  | 'aid_intensity_exceeded'
  | 'aid_cumulation_exceeded'
  | 'financing_plan_unbalanced'
  | 'other_public_support_declaration_inconsistent'
  | 'economic_difficulty_declaration_missing'
  | 'other_active_bio_grant'
  | 'participants_completed_exceed_planned'
  | 'invalid_call_shares';

/** Facts about the moment of submission that the caller supplies. */
export interface BioEligibilityContext {
  /** The moment of submission; its date in Norway is the application date. */
  readonly now: Date;
  /** Whether the organisation already holds a BIO grant that is not yet closed (looked up by the caller). */
  readonly otherActiveBioGrant: boolean;
}

export interface BioEligibilityInput {
  readonly params: BioCallParameters;
  readonly application: BioApplicationContent;
  readonly organisation: SchemeOrganisation;
  readonly context: BioEligibilityContext;
}

export type BioEligibilityRule = SchemeRule<BioEligibilityInput>;

/** A rule that fails, with BIO's reason codes. */
const fail = failWith<BioReasonCode>;

// ── The call ────────────────────────────────────────────────────────────────────────────────

/** Applications are taken from the opening until the closing time (rolling) or the last deadline (fixed). */
export const callIsOpen: BioEligibilityRule = ({ params, context }) =>
  submissionRefusals(params.window, context.now);

// ── The organisation ────────────────────────────────────────────────────────────────────────

/** Who may apply: the call's eligibility rules (organisation forms, employees, county), checked by the kernel. */
export const applicantEligible: BioEligibilityRule = ({ params, organisation }) =>
  checkEligibilityRules(params.eligibility, organisation);

/** Only the company's own employees can be participants. */
export const participantsAreEmployees: BioEligibilityRule = ({ application, organisation }) =>
  application.participants.count <= organisation.employeeCount
    ? ok
    : fail(
        'participants_exceed_employees',
        {
          nb: `${application.participants.count} deltakere, men virksomheten har ${organisation.employeeCount} ansatte`,
          en: `${application.participants.count} participants, but the organisation has ${organisation.employeeCount} employees`,
        },
        'participants.count',
      );

/** One BIO project at a time per company. */
export const noOtherActiveBioGrant: BioEligibilityRule = ({ context }) =>
  context.otherActiveBioGrant
    ? fail('other_active_bio_grant', {
        nb: 'Virksomheten har allerede et aktivt BIO-tilskudd; det må avsluttes først',
        en: 'The organisation already has an active BIO grant; finish it first',
      })
    : ok;

// ── Time plan ───────────────────────────────────────────────────────────────────────────────

function periodIsValid(application: BioApplicationContent): boolean {
  return (
    isIsoDate(application.startDate) &&
    isIsoDate(application.endDate) &&
    application.endDate >= application.startDate
  );
}

export const projectPeriodValid: BioEligibilityRule = ({ application }) =>
  periodIsValid(application)
    ? ok
    : fail(
        'project_period_invalid',
        {
          nb: 'Sluttdatoen må være lik eller senere enn startdatoen',
          en: 'The end date must be a date on or after the start date',
        },
        'endDate',
      );

/** The project ends no later than `completionMonths` after it starts (deadline semantics: that day is allowed). */
export const projectDurationWithinLimit: BioEligibilityRule = ({ params, application }) => {
  if (!periodIsValid(application)) return ok;
  const latestEnd = addMonths(application.startDate, params.completionMonths);
  return application.endDate <= latestEnd
    ? ok
    : fail(
        'project_duration_exceeded',
        {
          nb: `Prosjektet må være fullført innen ${params.completionMonths} måneder, det vil si senest ${formatNorwegianDate(latestEnd)}`,
          en: `The project must be completed within ${params.completionMonths} months, i.e. by ${latestEnd}`,
        },
        'endDate',
      );
};

export const weeksPerParticipantWithinLimit: BioEligibilityRule = ({ params, application }) =>
  application.participants.weeksEach <= params.maxWeeksPerParticipant
    ? ok
    : fail(
        'weeks_per_participant_exceeded',
        {
          nb: `${application.participants.weeksEach} uker per deltaker; høyst ${params.maxWeeksPerParticipant} er tillatt`,
          en: `${application.participants.weeksEach} weeks per participant; at most ${params.maxWeeksPerParticipant} are allowed`,
        },
        'participants.weeksEach',
      );

/** Each participant's weeks must fit in the project period (a started week counts as a week). */
export const weeksFitProjectPeriod: BioEligibilityRule = ({ application }) => {
  if (!periodIsValid(application)) return ok;
  const weeksInPeriod = Math.ceil((daysBetween(application.startDate, application.endDate) + 1) / 7);
  return application.participants.weeksEach <= weeksInPeriod
    ? ok
    : fail(
        'weeks_exceed_project_period',
        {
          nb: `${application.participants.weeksEach} uker per deltaker får ikke plass i en prosjektperiode på ${weeksInPeriod} uker`,
          en: `${application.participants.weeksEach} weeks per participant do not fit in a project period of ${weeksInPeriod} weeks`,
        },
        'participants.weeksEach',
      );
};

/** If the call says so, the project may not start before the application date (plus any notice days). */
export const startNotBeforeApplication: BioEligibilityRule = ({ params, application, context }) => {
  if (!params.startNotBeforeApplicationDate || !isIsoDate(application.startDate)) return ok;
  const earliest = addDays(norwegianDate(context.now), params.minDaysFromApplicationToStart);
  if (application.startDate >= earliest) return ok;
  const notice = params.minDaysFromApplicationToStart;
  return fail(
    'start_before_application',
    notice === 0
      ? {
          nb: `Prosjektet kan ikke starte før søknaden er sendt; tidligste start er ${formatNorwegianDate(earliest)}`,
          en: `The project may not start before the application is sent; earliest start ${earliest}`,
        }
      : {
          nb: `Prosjektet kan tidligst starte ${notice} dager etter at søknaden er sendt, det vil si ${formatNorwegianDate(earliest)}`,
          en: `The project may start no earlier than ${notice} days after the application is sent, i.e. ${earliest}`,
        },
    'startDate',
  );
};

// ── Cost plan ───────────────────────────────────────────────────────────────────────────────

export const hasEligibleCosts: BioEligibilityRule = ({ params, application }) =>
  summariseTrainingCosts(params.eligibleCostCategories, application.costPlan).eligibleCostsOre > 0
    ? ok
    : fail(
        'no_eligible_costs',
        {
          nb: 'Kostnadsplanen har ingen støtteberettigede kostnader',
          en: 'The cost plan has no eligible costs',
        },
        'costPlan',
      );

/** Provider fees ≥ the minimum share (1/3) of eligible costs, compared exactly. */
export const trainingShareSufficient: BioEligibilityRule = ({ params, application }) => {
  const costs = summariseTrainingCosts(params.eligibleCostCategories, application.costPlan);
  const share = params.minTrainingCostShare;
  if (isAtLeastRatio(costs.trainingCostsOre, costs.eligibleCostsOre, share)) return ok;
  // Smallest whole-øre amount meeting the share: ceil(eligible × n / d).
  const required = -mulDivFloor(-costs.eligibleCostsOre, share.numerator, share.denominator);
  return fail(
    'training_share_too_low',
    {
      nb:
        `Kursavgiftene er ${formatKroner(costs.trainingCostsOre)}; det kreves minst ${share.numerator}/${share.denominator} av ` +
        `støtteberettigede kostnader på ${formatKroner(costs.eligibleCostsOre)} (${formatKroner(required)})`,
      en:
        `Provider fees are ${formatNok(costs.trainingCostsOre)}; at least ${share.numerator}/${share.denominator} of ` +
        `eligible costs of ${formatNok(costs.eligibleCostsOre)} (${formatNok(required)}) is required`,
    },
    'costPlan',
  );
};

/** Travel, subsistence and administration together ≤ the maximum share (10 %) of total costs. */
export const travelAndAdministrationWithinLimit: BioEligibilityRule = ({ params, application }) => {
  const costs = summariseTrainingCosts(params.eligibleCostCategories, application.costPlan);
  const limit = params.maxTravelAndAdministrationBasisPoints;
  if (isWithinBasisPoints(costs.travelAndAdministrationOre, costs.totalCostsOre, limit)) return ok;
  return fail(
    'travel_administration_share_too_high',
    {
      nb:
        `Reise, opphold og administrasjon utgjør ${formatKroner(costs.travelAndAdministrationOre)}; høyst ` +
        `${formatBasisPoints(limit)} av samlede kostnader på ${formatKroner(costs.totalCostsOre)} er tillatt`,
      en:
        `Travel, subsistence and administration are ${formatNok(costs.travelAndAdministrationOre)}; at most ` +
        `${formatBasisPoints(limit)} of total costs of ${formatNok(costs.totalCostsOre)} is allowed`,
    },
    'costPlan',
  );
};

// ── Grant and financing ─────────────────────────────────────────────────────────────────────

export const requestedGrantPositive: BioEligibilityRule = ({ application }) =>
  application.financingPlan.requestedGrantOre > 0
    ? ok
    : fail(
        'requested_grant_missing',
        { nb: 'Søk om et beløp over null', en: 'Apply for an amount above zero' },
        'financingPlan.requestedGrantOre',
      );

/**
 * The requested grant within the size cap and the per-participant cap. Together with
 * `requestedGrantWithinAidIntensity` this is exactly "requested ≤ computeMaximumGrant(…).maximumOre".
 */
export const requestedGrantWithinCaps: BioEligibilityRule = ({ params, application, organisation }) => {
  const max = computeMaximumGrant(params, application, organisation);
  const requested = application.financingPlan.requestedGrantOre;
  const field = 'financingPlan.requestedGrantOre';
  const reasons: SchemeReason[] = [];
  if (requested > max.sizeCapOre) {
    const below = params.maxGrantBySize.smallBelowEmployees;
    const size =
      max.sizeClass === 'small'
        ? { nb: `små bedrifter (under ${below} ansatte)`, en: `small companies (under ${below} employees)` }
        : {
            nb: `bedrifter med ${below} eller flere ansatte`,
            en: `companies with ${below} or more employees`,
          };
    reasons.push(
      ...fail(
        'grant_exceeds_size_cap',
        {
          nb: `Omsøkt beløp på ${formatKroner(requested)} er mer enn maksimum på ${formatKroner(max.sizeCapOre)} for ${size.nb}`,
          en: `The requested ${formatNok(requested)} exceeds the maximum of ${formatNok(max.sizeCapOre)} for ${size.en}`,
        },
        field,
      ),
    );
  }
  if (requested > max.participantCapOre) {
    reasons.push(
      ...fail(
        'grant_exceeds_participant_cap',
        {
          nb:
            `Omsøkt beløp på ${formatKroner(requested)} er mer enn ${formatKroner(params.maxGrantPerParticipantOre)} per ` +
            `deltaker × ${application.participants.count} = ${formatKroner(max.participantCapOre)}`,
          en:
            `The requested ${formatNok(requested)} exceeds ${formatNok(params.maxGrantPerParticipantOre)} per ` +
            `participant × ${application.participants.count} = ${formatNok(max.participantCapOre)}`,
        },
        field,
      ),
    );
  }
  return reasons;
};

/**
 * The requested grant ≤ aid intensity × eligible costs; under GBER, the requested grant plus other
 * public support for the same costs must also stay within it (cumulation).
 */
export const requestedGrantWithinAidIntensity: BioEligibilityRule = ({
  params,
  application,
  organisation,
}) => {
  const max = computeMaximumGrant(params, application, organisation);
  const requested = application.financingPlan.requestedGrantOre;
  const field = 'financingPlan.requestedGrantOre';
  const intensity = formatBasisPoints(max.intensityBasisPoints);
  if (requested > max.intensityOfEligibleCostsOre) {
    return fail(
      'aid_intensity_exceeded',
      {
        nb:
          `Omsøkt beløp på ${formatKroner(requested)} er mer enn ${intensity} av støtteberettigede kostnader på ` +
          `${formatKroner(max.eligibleCostsOre)} = ${formatKroner(max.intensityOfEligibleCostsOre)}`,
        en:
          `The requested ${formatNok(requested)} exceeds ${intensity} of eligible costs of ` +
          `${formatNok(max.eligibleCostsOre)} = ${formatNok(max.intensityOfEligibleCostsOre)}`,
      },
      field,
    );
  }
  if (requested > max.intensityCapOre) {
    return fail(
      'aid_cumulation_exceeded',
      {
        nb:
          `Omsøkt beløp på ${formatKroner(requested)} pluss annen offentlig støtte på ` +
          `${formatKroner(max.otherPublicSupportDeductedOre)} er mer enn ${intensity} av støtteberettigede kostnader ` +
          `(${formatKroner(max.intensityOfEligibleCostsOre)})`,
        en:
          `The requested ${formatNok(requested)} plus other public support of ` +
          `${formatNok(max.otherPublicSupportDeductedOre)} exceeds ${intensity} of eligible costs ` +
          `(${formatNok(max.intensityOfEligibleCostsOre)})`,
      },
      field,
    );
  }
  return ok;
};

/** Own contribution + other public support + requested grant = total costs, to the øre. */
export const financingPlanBalances: BioEligibilityRule = ({ params, application }) => {
  const { ownContributionOre, otherPublicSupportOre, requestedGrantOre } = application.financingPlan;
  const financing = sumOre([ownContributionOre, otherPublicSupportOre, requestedGrantOre]);
  const { totalCostsOre } = summariseTrainingCosts(params.eligibleCostCategories, application.costPlan);
  if (financing === totalCostsOre) return ok;
  return fail(
    'financing_plan_unbalanced',
    {
      nb:
        `Finansieringsplanen summerer seg til ${formatKroner(financing)}, men samlede kostnader er ${formatKroner(totalCostsOre)} ` +
        `(${financing > totalCostsOre ? 'for mye' : 'for lite'} med ${formatKroner(Math.abs(financing - totalCostsOre))})`,
      en:
        `The financing plan adds up to ${formatNok(financing)} but total costs are ${formatNok(totalCostsOre)} ` +
        `(${financing > totalCostsOre ? 'over' : 'short'} by ${formatNok(Math.abs(financing - totalCostsOre))})`,
    },
    'financingPlan',
  );
};

// ── Declarations ────────────────────────────────────────────────────────────────────────────

/** "Received other public support" must agree with its amount and with the financing plan. */
export const otherPublicSupportDeclared: BioEligibilityRule = ({ application }) => {
  const { otherPublicSupportReceived, otherPublicSupportAmountOre } = application.declarations;
  const field = 'declarations.otherPublicSupportAmountOre';
  if (otherPublicSupportReceived && otherPublicSupportAmountOre === 0) {
    return fail(
      'other_public_support_declaration_inconsistent',
      { nb: 'Oppgi beløpet for annen offentlig støtte', en: 'State the amount of other public support' },
      field,
    );
  }
  if (!otherPublicSupportReceived && otherPublicSupportAmountOre > 0) {
    return fail(
      'other_public_support_declaration_inconsistent',
      {
        nb: 'Det er oppgitt et beløp for annen offentlig støtte, men erklæringen sier at ingen er mottatt',
        en: 'An amount of other public support is given, but the declaration says none was received',
      },
      field,
    );
  }
  if (!otherPublicSupportReceived && application.financingPlan.otherPublicSupportOre > 0) {
    return fail(
      'other_public_support_declaration_inconsistent',
      {
        nb: 'Finansieringsplanen inneholder annen offentlig støtte; den må oppgis i erklæringen',
        en: 'The financing plan includes other public support; declare it',
      },
      'declarations.otherPublicSupportReceived',
    );
  }
  return ok;
};

/** Undertakings in difficulty cannot receive the aid; the applicant must declare it is not one. */
export const notInEconomicDifficulty: BioEligibilityRule = ({ application }) =>
  application.declarations.notInEconomicDifficulty
    ? ok
    : fail(
        'economic_difficulty_declaration_missing',
        {
          nb: 'Bedriften må erklære at den ikke er i økonomiske vanskeligheter',
          en: 'The company must declare that it is not in economic difficulty',
        },
        'declarations.notInEconomicDifficulty',
      );

/** Every rule, in the order their reasons are listed. */
export const BIO_ELIGIBILITY_RULES: readonly BioEligibilityRule[] = [
  callIsOpen,
  applicantEligible,
  noOtherActiveBioGrant,
  participantsAreEmployees,
  projectPeriodValid,
  projectDurationWithinLimit,
  startNotBeforeApplication,
  weeksPerParticipantWithinLimit,
  weeksFitProjectPeriod,
  hasEligibleCosts,
  trainingShareSufficient,
  travelAndAdministrationWithinLimit,
  requestedGrantPositive,
  requestedGrantWithinCaps,
  requestedGrantWithinAidIntensity,
  financingPlanBalances,
  otherPublicSupportDeclared,
  notInEconomicDifficulty,
];

/**
 * Runs every BIO eligibility rule and returns all reasons the application fails; an empty list
 * means eligible. Expects content that has passed `BioApplicationDto` validation.
 */
export function checkBioEligibility(
  params: BioCallParameters,
  application: BioApplicationContent,
  organisation: SchemeOrganisation,
  context: BioEligibilityContext,
): SchemeReason[] {
  return runRules(BIO_ELIGIBILITY_RULES, { params, application, organisation, context });
}

/**
 * Checks a call's parameters as a whole, beyond field shapes: run when a call is created or edited
 * (and at start-up for seeded calls). Empty list = consistent.
 */
export function checkBioCallParameters(params: BioCallParameters): SchemeReason[] {
  const reasons: SchemeReason[] = [];
  reasons.push(...checkSubmissionWindow(params.window));
  reasons.push(...unknownOrganisationForms(params.eligibility, ORGANISATION_FORM_CODES));
  const share = params.minTrainingCostShare;
  if (share.numerator > share.denominator) {
    reasons.push(
      ...fail(
        'invalid_call_shares',
        { nb: 'Opplæringsandelen kan ikke være større enn 1', en: 'The training share cannot exceed 1' },
        'minTrainingCostShare',
      ),
    );
  }
  if (share.numerator > 0 && !params.eligibleCostCategories.includes('provider_fees')) {
    reasons.push(
      ...fail(
        'invalid_call_shares',
        {
          nb: 'En minste opplæringsandel krever at kursavgifter er blant de støtteberettigede kostnadskategoriene',
          en: 'A minimum training share needs provider fees among the eligible cost categories',
        },
        'eligibleCostCategories',
      ),
    );
  }
  // GBER art. 31: 50 %, +10 points for medium and +20 for small enterprises. Each applicant is graded
  // down to the ceiling of its size; a call cannot go above the highest, 70 %.
  if (
    params.stateAidBasis === 'gber_art31' &&
    params.aidIntensityBasisPoints > GBER_TRAINING_AID_MAX_BASIS_POINTS
  ) {
    reasons.push(
      ...fail(
        'invalid_call_shares',
        {
          nb: `GBER art. 31 tillater en støtteintensitet på høyst ${formatBasisPoints(GBER_TRAINING_AID_MAX_BASIS_POINTS)}`,
          en: `GBER art. 31 allows at most ${formatBasisPoints(GBER_TRAINING_AID_MAX_BASIS_POINTS)} aid intensity`,
        },
        'aidIntensityBasisPoints',
      ),
    );
  }
  return reasons;
}

/** Checks a final report (sluttrapport) against its application before the settlement is computed. */
export function checkBioFinalReport(
  application: BioApplicationContent,
  report: BioFinalReport,
): SchemeReason[] {
  return report.participantsCompleted <= application.participants.count
    ? []
    : fail(
        'participants_completed_exceed_planned',
        {
          nb: `${report.participantsCompleted} deltakere fullførte, men det var planlagt ${application.participants.count}`,
          en: `${report.participantsCompleted} participants completed, but ${application.participants.count} were planned`,
        },
        'participantsCompleted',
      );
}
