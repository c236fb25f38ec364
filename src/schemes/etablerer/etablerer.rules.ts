import {
  addMonths,
  formatBasisPoints,
  formatKroner,
  formatNok,
  formatNorwegianDate,
  isIsoDate,
  isWithinBasisPoints,
  sumOre,
} from '@lib/common';
import {
  checkEligibilityRules,
  checkSubmissionWindow,
  classifyEnterpriseSize,
  fail as failWith,
  gberTrainingAidCeiling,
  ok,
  runRules,
  unknownOrganisationForms,
  type SchemeRule,
  submissionRefusals,
  type SchemeOrganisation,
  type SchemeReason,
  schemeReason,
} from '@lib/engine';
import { ORGANISATION_FORM_CODES } from '@lib/common';
import type { EtablererApplicationContent } from './etablerer-application.dto';
import type { EtablererCallParameters } from './etablerer-call-parameters.dto';
import {
  isSme,
  ownFundsSufficient,
  requiredOwnFundsOre,
  summariseEtablererCosts,
  supportShareBasisPoints,
} from './etablerer-grant';
import { ETABLERER_CATEGORY_FORMS } from './etablerer-vocabulary';

/*
 * Etablereropplæring's rules as small pure functions returning reasons (none = passes), all run at
 * once by `checkEtablererEligibility`. Who may apply is data (the call's `eligibility` rules); the
 * applicant category, own funds and the GBER art. 31 support share are the scheme's own (domain
 * research §2.4, §4.5).
 */

export type EtablererReasonCode =
  | 'call_not_open'
  | 'call_closed'
  | 'applicant_category_mismatch'
  | 'voluntary_register_missing'
  | 'project_period_invalid'
  | 'project_duration_exceeded'
  | 'requested_grant_missing'
  | 'grant_exceeds_call_cap'
  | 'own_funds_too_low'
  | 'financing_plan_unbalanced'
  | 'no_eligible_costs'
  | 'support_share_exceeded'
  | 'sme_declaration_inconsistent'
  | 'mandatory_training_not_eligible'
  | 'invalid_call_window'
  | 'invalid_call_eligibility'
  | 'invalid_call_amounts';

export interface EtablererEligibilityInput {
  readonly params: EtablererCallParameters;
  readonly application: EtablererApplicationContent;
  readonly organisation: SchemeOrganisation;
  /** The moment of submission. */
  readonly now: Date;
}

export type EtablererRule = SchemeRule<EtablererEligibilityInput, SchemeReason>;

/** A rule that fails, with this scheme's reason codes. */
const fail = failWith<EtablererReasonCode>;

// ── The call and the applicant ─────────────────────────────────────────────────────────────

export const callIsOpen: EtablererRule = ({ params, now }) => submissionRefusals(params.window, now);

/** Who may apply, as the call says. */
export const applicantEligible: EtablererRule = ({ params, organisation }) =>
  checkEligibilityRules(params.eligibility, organisation);

/** The applicant categories as the reasons name them. */
const CATEGORY_NAMES: Record<
  keyof typeof ETABLERER_CATEGORY_FORMS,
  { readonly nb: string; readonly en: string }
> = {
  public_body: { nb: 'offentlig virksomhet', en: 'public body' },
  private_expert_organisation: { nb: 'privat fagmiljø', en: 'private expert organisation' },
  voluntary_organisation: { nb: 'frivillig organisasjon', en: 'voluntary organisation' },
};

/** The category the applicant gives must fit its registered organisation form (a municipality is a public body). */
export const applicantCategoryFitsForm: EtablererRule = ({ application, organisation }) => {
  const { category } = application.applicant;
  const forms = ETABLERER_CATEGORY_FORMS[category];
  return forms.includes(organisation.form)
    ? ok
    : fail(
        'applicant_category_mismatch',
        {
          nb:
            `En virksomhet med organisasjonsform ${organisation.form} kan ikke søke som ${CATEGORY_NAMES[category].nb} ` +
            `(organisasjonsformer: ${forms.join(', ')})`,
          en:
            `An organisation of form ${organisation.form} cannot apply as ${CATEGORY_NAMES[category].en} ` +
            `(forms: ${forms.join(', ')})`,
        },
        'applicant.category',
      );
};

/** Voluntary organisations must be registered in Frivillighetsregisteret. */
export const voluntaryOrganisationRegistered: EtablererRule = ({ application }) =>
  application.applicant.category === 'voluntary_organisation' &&
  !application.applicant.registeredInVoluntaryRegister
    ? fail(
        'voluntary_register_missing',
        {
          nb: 'Frivillige organisasjoner må være registrert i Frivillighetsregisteret',
          en: 'Voluntary organisations must be registered in Frivillighetsregisteret',
        },
        'applicant.registeredInVoluntaryRegister',
      )
    : ok;

// ── Time plan ───────────────────────────────────────────────────────────────────────────────

function periodIsValid(application: EtablererApplicationContent): boolean {
  return (
    isIsoDate(application.startDate) &&
    isIsoDate(application.endDate) &&
    application.endDate >= application.startDate
  );
}

export const projectPeriodValid: EtablererRule = ({ application }) =>
  periodIsValid(application)
    ? ok
    : fail(
        'project_period_invalid',
        {
          nb: 'Sluttdatoen må være lik eller senere enn startdatoen',
          en: 'The end date must be on or after the start date',
        },
        'endDate',
      );

export const projectDurationWithinLimit: EtablererRule = ({ params, application }) => {
  if (!periodIsValid(application)) return ok;
  const latestEnd = addMonths(application.startDate, params.maxProjectMonths);
  return application.endDate <= latestEnd
    ? ok
    : fail(
        'project_duration_exceeded',
        {
          nb: `Prosjektet må avsluttes innen ${params.maxProjectMonths} måneder etter start, det vil si senest ${formatNorwegianDate(latestEnd)}`,
          en: `The project must end within ${params.maxProjectMonths} months of its start, i.e. by ${latestEnd}`,
        },
        'endDate',
      );
};

// ── Grant and financing ─────────────────────────────────────────────────────────────────────

export const requestedGrantPositive: EtablererRule = ({ application }) =>
  application.financingPlan.requestedGrantOre > 0
    ? ok
    : fail(
        'requested_grant_missing',
        { nb: 'Søk om et beløp over null', en: 'Apply for an amount above zero' },
        'financingPlan.requestedGrantOre',
      );

export const requestedGrantWithinCap: EtablererRule = ({ params, application }) => {
  const requested = application.financingPlan.requestedGrantOre;
  return requested <= params.maxGrantOre
    ? ok
    : fail(
        'grant_exceeds_call_cap',
        {
          nb: `Omsøkt beløp på ${formatKroner(requested)} er mer enn utlysningens maksimum på ${formatKroner(params.maxGrantOre)} per prosjekt`,
          en: `The requested ${formatNok(requested)} exceeds the call's maximum of ${formatNok(params.maxGrantOre)} per project`,
        },
        'financingPlan.requestedGrantOre',
      );
};

/** Own funds at least equal to the amount applied for (the call's share of it), compared exactly. */
export const ownFundsAtLeastRequested: EtablererRule = ({ params, application }) => {
  const { ownFundsOre, requestedGrantOre } = application.financingPlan;
  if (ownFundsSufficient(params, ownFundsOre, requestedGrantOre)) return ok;
  const required = requiredOwnFundsOre(params, requestedGrantOre);
  return fail(
    'own_funds_too_low',
    {
      nb:
        `Egenfinansieringen er ${formatKroner(ownFundsOre)}; det kreves minst ${formatKroner(required)} ` +
        `(${formatBasisPoints(params.minOwnFundsBasisPoints)} av omsøkte ${formatKroner(requestedGrantOre)})`,
      en:
        `Own funds are ${formatNok(ownFundsOre)}; at least ${formatNok(required)} ` +
        `(${formatBasisPoints(params.minOwnFundsBasisPoints)} of the ${formatNok(requestedGrantOre)} applied for) are required`,
    },
    'financingPlan.ownFundsOre',
  );
};

/** Own funds + other public funding + grant = the budget, to the øre. */
export const financingPlanBalances: EtablererRule = ({ application }) => {
  const { ownFundsOre, otherPublicFundingOre, requestedGrantOre } = application.financingPlan;
  const financing = sumOre([ownFundsOre, otherPublicFundingOre, requestedGrantOre]);
  const { totalCostsOre } = summariseEtablererCosts(application.costPlan);
  if (financing === totalCostsOre) return ok;
  return fail(
    'financing_plan_unbalanced',
    {
      nb:
        `Finansieringsplanen summerer seg til ${formatKroner(financing)}, men budsjettet er ${formatKroner(totalCostsOre)} ` +
        `(${financing > totalCostsOre ? 'for mye' : 'for lite'} med ${formatKroner(Math.abs(financing - totalCostsOre))})`,
      en:
        `The financing plan adds up to ${formatNok(financing)} but the budget is ${formatNok(totalCostsOre)} ` +
        `(${financing > totalCostsOre ? 'over' : 'short'} by ${formatNok(Math.abs(financing - totalCostsOre))})`,
    },
    'financingPlan',
  );
};

// ── State aid (only with economic activity) ─────────────────────────────────────────────────

/** With economic activity the budget must have costs in the GBER art. 31 categories. */
export const hasEligibleCosts: EtablererRule = ({ application }) => {
  if (!application.declarations.economicActivity) return ok;
  return summariseEtablererCosts(application.costPlan).eligibleCostsOre > 0
    ? ok
    : fail(
        'no_eligible_costs',
        {
          nb: 'Budsjettet har ingen kostnader som er støtteberettigede etter GBER art. 31',
          en: 'The budget has no costs eligible under GBER art. 31',
        },
        'costPlan',
      );
};

/** An SME declaration must fit the register: fewer employees than the call's boundary (250). */
export const smeDeclarationConsistent: EtablererRule = ({ params, application, organisation }) => {
  const { economicActivity, smeDeclared } = application.declarations;
  if (!economicActivity || !smeDeclared || isSme(params, true, organisation.employeeCount)) return ok;
  return fail(
    'sme_declaration_inconsistent',
    {
      nb:
        `Søkeren erklærer at den er en SMB, men har ${organisation.employeeCount} registrerte ansatte; ` +
        `en SMB har færre enn ${params.aidIntensity.smeBelowEmployees}`,
      en:
        `The applicant declares it is an SME but has ${organisation.employeeCount} registered employees; ` +
        `an SME has fewer than ${params.aidIntensity.smeBelowEmployees}`,
    },
    'declarations.smeDeclared',
  );
};

/**
 * With economic activity: grant + other public funding ≤ the support share (50 %, 60 % for SMEs) of
 * eligible costs, compared exactly. Without economic activity the own-funds rule alone applies.
 */
export const supportShareWithinLimit: EtablererRule = ({ params, application, organisation }) => {
  const { economicActivity, smeDeclared } = application.declarations;
  if (!economicActivity) return ok;
  const sme = isSme(params, smeDeclared, organisation.employeeCount);
  const share = supportShareBasisPoints(params, sme);
  const { eligibleCostsOre } = summariseEtablererCosts(application.costPlan);
  const { requestedGrantOre, otherPublicFundingOre } = application.financingPlan;
  const aid = sumOre([requestedGrantOre, otherPublicFundingOre]);
  if (isWithinBasisPoints(aid, eligibleCostsOre, share)) return ok;
  return fail(
    'support_share_exceeded',
    {
      nb:
        `Tilskuddet på ${formatKroner(requestedGrantOre)}` +
        (otherPublicFundingOre > 0
          ? ` pluss annen offentlig finansiering på ${formatKroner(otherPublicFundingOre)}`
          : '') +
        ` er mer enn ${formatBasisPoints(share)} av støtteberettigede kostnader på ${formatKroner(eligibleCostsOre)}` +
        (sme ? ' (SMB)' : ''),
      en:
        `The grant of ${formatNok(requestedGrantOre)}` +
        (otherPublicFundingOre > 0
          ? ` plus other public funding of ${formatNok(otherPublicFundingOre)}`
          : '') +
        ` exceeds ${formatBasisPoints(share)} of eligible costs of ${formatNok(eligibleCostsOre)}` +
        (sme ? ' (SME)' : ''),
    },
    'financingPlan.requestedGrantOre',
  );
};

/** GBER gives no aid for training needed to meet mandatory national standards. */
export const notMandatoryTraining: EtablererRule = ({ application }) =>
  application.declarations.economicActivity && !application.declarations.notMandatoryTraining
    ? fail(
        'mandatory_training_not_eligible',
        {
          nb: 'Opplæring for å oppfylle obligatoriske nasjonale standarder kan ikke få støtte',
          en: 'Training needed to meet mandatory national standards cannot be supported',
        },
        'declarations.notMandatoryTraining',
      )
    : ok;

export const ETABLERER_RULES: readonly EtablererRule[] = [
  callIsOpen,
  applicantEligible,
  applicantCategoryFitsForm,
  voluntaryOrganisationRegistered,
  projectPeriodValid,
  projectDurationWithinLimit,
  requestedGrantPositive,
  requestedGrantWithinCap,
  ownFundsAtLeastRequested,
  financingPlanBalances,
  hasEligibleCosts,
  smeDeclarationConsistent,
  supportShareWithinLimit,
  notMandatoryTraining,
];

/** Every reason the application is not eligible under the call, all at once; empty = eligible. */
export function checkEtablererEligibility(input: EtablererEligibilityInput): SchemeReason[] {
  return runRules(ETABLERER_RULES, input);
}

// ── Advisories (never blocking) ─────────────────────────────────────────────────────────────

/** What the case officer should weigh: a state-aid grant, and planned results that do not add up. */
export function etablererAdvisories(application: EtablererApplicationContent): SchemeReason[] {
  const advisories: SchemeReason[] = [];
  if (application.declarations.economicActivity)
    advisories.push(
      schemeReason(
        'state_aid_gber31',
        {
          nb: 'Søkeren har økonomisk aktivitet: tilskuddet er opplæringsstøtte etter GBER art. 31 (registrer det for ESA-rapporten)',
          en: 'The applicant has economic activity: the grant is training aid under GBER art. 31 (record it for the ESA report)',
        },
        'declarations.economicActivity',
      ),
    );
  const { courseParticipants, newBusinesses } = application.plannedResults;
  if (newBusinesses > courseParticipants)
    advisories.push(
      schemeReason(
        'results_unrealistic',
        {
          nb: `${newBusinesses} nye bedrifter er planlagt fra ${courseParticipants} kursdeltakere`,
          en: `${newBusinesses} new businesses planned from ${courseParticipants} course participants`,
        },
        'plannedResults.newBusinesses',
      ),
    );
  return advisories;
}

// ── The call ────────────────────────────────────────────────────────────────────────────────

/** What spans several call-parameter fields: the window, known organisation forms, shares and amounts. */
export function checkEtablererCallParameters(params: EtablererCallParameters): SchemeReason[] {
  const reasons: SchemeReason[] = [];
  reasons.push(...checkSubmissionWindow(params.window));
  reasons.push(...unknownOrganisationForms(params.eligibility, ORGANISATION_FORM_CODES));
  if (params.aidIntensity.smeBasisPoints < params.aidIntensity.basisPoints)
    reasons.push(
      ...fail(
        'invalid_call_amounts',
        {
          nb: 'Støtteandelen for SMB kan ikke være lavere enn den ordinære',
          en: 'The SME support share cannot be below the ordinary one',
        },
        'aidIntensity.smeBasisPoints',
      ),
    );
  // GBER art. 31 grades training aid by size (50 %, +10 points medium, +20 small): the ordinary share
  // also reaches large enterprises, the SME share the largest SME the call admits.
  const { basisPoints, smeBasisPoints, smeBelowEmployees } = params.aidIntensity;
  const ordinaryCeiling = gberTrainingAidCeiling('large');
  if (basisPoints > ordinaryCeiling)
    reasons.push(
      ...fail(
        'invalid_call_amounts',
        {
          nb: `GBER art. 31 tillater høyst ${formatBasisPoints(ordinaryCeiling)} for foretak som ikke er SMB`,
          en: `GBER art. 31 allows enterprises that are not SMEs at most ${formatBasisPoints(ordinaryCeiling)}`,
        },
        'aidIntensity.basisPoints',
      ),
    );
  const smeCeiling = gberTrainingAidCeiling(classifyEnterpriseSize(Math.max(0, smeBelowEmployees - 1)));
  if (smeBasisPoints > smeCeiling)
    reasons.push(
      ...fail(
        'invalid_call_amounts',
        {
          nb: `GBER art. 31 tillater høyst ${formatBasisPoints(smeCeiling)} for foretak med opptil ${smeBelowEmployees - 1} ansatte`,
          en: `GBER art. 31 allows enterprises of up to ${smeBelowEmployees - 1} employees at most ${formatBasisPoints(smeCeiling)}`,
        },
        'aidIntensity.smeBasisPoints',
      ),
    );
  if (params.maxGrantOre === 0)
    reasons.push(
      ...fail(
        'invalid_call_amounts',
        { nb: 'Tilskuddstaket må være over null', en: 'The grant cap must be above zero' },
        'maxGrantOre',
      ),
    );
  return reasons;
}
