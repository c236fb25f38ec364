import {
  addMonths,
  formatBasisPoints,
  formatKroner,
  formatNok,
  formatNorwegianDate,
  isIsoDate,
  sumOre,
} from '@lib/common';
import {
  checkEligibilityRules,
  checkSubmissionWindow,
  fail as failWith,
  ok,
  runRules,
  unknownOrganisationForms,
  type SchemeRule,
  submissionRefusals,
  type SchemeOrganisation,
  type SchemeReason,
  schemeReason,
  type LocalizedText,
} from '@lib/engine';
import { ORGANISATION_FORM_CODES } from '@lib/common';
import type { MentorApplicationContent, MentorFinalReport } from './mentor-application.dto';
import type { MentorCallParameters } from './mentor-call-parameters.dto';
import {
  otherPublicFundingOre,
  ownShareSufficient,
  requiredOwnShareOre,
  summariseOwnShare,
  totalCostsOre,
} from './mentor-grant';

/*
 * The mentor scheme's rules as small pure functions. Each looks at one thing and returns the
 * reasons it fails (none = passes); `checkMentorEligibility` runs them all, because a refused submit
 * lists every reason at once. Who may apply is data (the call's `eligibility` rules, evaluated by
 * the engine); the rest is the scheme's own (domain research §2.3, §4.5).
 */

export type MentorReasonCode =
  | 'call_not_open'
  | 'call_closed'
  | 'project_period_invalid'
  | 'project_duration_exceeded'
  | 'milestone_outside_period'
  | 'requested_grant_missing'
  | 'grant_exceeds_call_cap'
  | 'own_share_too_low'
  | 'timesheets_missing'
  | 'financing_plan_unbalanced'
  | 'double_funding_not_excluded'
  | 'de_minimis_ceiling_exceeded'
  | 'leader_signature_missing'
  | 'own_share_not_documented'
  | 'goal_results_incomplete'
  | 'invalid_call_window'
  | 'invalid_call_eligibility'
  | 'invalid_call_amounts';

/** Advisory codes: shown to the case officer, never blocking. */
export type MentorAdvisoryCode = 'few_participants' | 'state_aid_assessment' | 'other_public_funding';

export interface MentorEligibilityInput {
  readonly params: MentorCallParameters;
  readonly application: MentorApplicationContent;
  readonly organisation: SchemeOrganisation;
  /** The moment of submission. */
  readonly now: Date;
}

export type MentorRule = SchemeRule<MentorEligibilityInput, SchemeReason>;

/** A rule that fails, with this scheme's reason codes. */
const fail = failWith<MentorReasonCode>;

// ── The call and the applicant ─────────────────────────────────────────────────────────────

/** Applications are taken from the opening until the closing time (rolling) or the last deadline (fixed). */
export const callIsOpen: MentorRule = ({ params, now }) => submissionRefusals(params.window, now);

/** Who may apply, as the call says (Trøndelag: KOMM, KF, IKS in county 50; Rogaland: most forms in 11). */
export const applicantEligible: MentorRule = ({ params, organisation }) =>
  checkEligibilityRules(params.eligibility, organisation);

// ── Time plan ───────────────────────────────────────────────────────────────────────────────

function periodIsValid({ timePlan }: MentorApplicationContent): boolean {
  return (
    isIsoDate(timePlan.startDate) && isIsoDate(timePlan.endDate) && timePlan.endDate >= timePlan.startDate
  );
}

export const projectPeriodValid: MentorRule = ({ application }) =>
  periodIsValid(application)
    ? ok
    : fail(
        'project_period_invalid',
        {
          nb: 'Sluttdatoen må være lik eller senere enn startdatoen',
          en: 'The end date must be on or after the start date',
        },
        'timePlan.endDate',
      );

/** The project ends no later than `maxProjectMonths` after it starts (that day allowed). */
export const projectDurationWithinLimit: MentorRule = ({ params, application }) => {
  if (!periodIsValid(application)) return ok;
  const latestEnd = addMonths(application.timePlan.startDate, params.maxProjectMonths);
  return application.timePlan.endDate <= latestEnd
    ? ok
    : fail(
        'project_duration_exceeded',
        {
          nb: `Prosjektet må avsluttes innen ${params.maxProjectMonths} måneder etter start, det vil si senest ${formatNorwegianDate(latestEnd)}`,
          en: `The project must end within ${params.maxProjectMonths} months of its start, i.e. by ${latestEnd}`,
        },
        'timePlan.endDate',
      );
};

/** Every milestone of the time plan lies inside the project period. */
export const milestonesWithinPeriod: MentorRule = ({ application }) => {
  if (!periodIsValid(application)) return ok;
  const { startDate, endDate, milestones } = application.timePlan;
  return milestones.flatMap((m, i) =>
    m.date < startDate || m.date > endDate
      ? fail(
          'milestone_outside_period',
          {
            nb: `Milepælen «${m.activity}» ${formatNorwegianDate(m.date)} er utenfor prosjektperioden ${formatNorwegianDate(startDate)}–${formatNorwegianDate(endDate)}`,
            en: `Milestone "${m.activity}" on ${m.date} is outside the project period ${startDate}–${endDate}`,
          },
          `timePlan.milestones.${i}.date`,
        )
      : [],
  );
};

// ── Grant, own share and financing ──────────────────────────────────────────────────────────

export const requestedGrantPositive: MentorRule = ({ application }) =>
  application.financingPlan.requestedGrantOre > 0
    ? ok
    : fail(
        'requested_grant_missing',
        { nb: 'Søk om et beløp over null', en: 'Apply for an amount above zero' },
        'financingPlan.requestedGrantOre',
      );

export const requestedGrantWithinCap: MentorRule = ({ params, application }) => {
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

/**
 * Own share (egenandel) ≥ the call's share of the amount applied for (50 %), compared exactly; staff
 * time counts at the call's hourly rate.
 */
export const ownShareAtLeastMinimum: MentorRule = ({ params, application }) => {
  const requested = application.financingPlan.requestedGrantOre;
  const own = summariseOwnShare(params.staffTimeRate, application.financingPlan.ownShare).totalOre;
  if (ownShareSufficient(params, own, requested)) return ok;
  return fail(
    'own_share_too_low',
    {
      nb:
        `Egenandelen er ${formatKroner(own)}; det kreves minst ${formatBasisPoints(params.minOwnShareBasisPoints)} av ` +
        `omsøkte ${formatKroner(requested)} (${formatKroner(requiredOwnShareOre(params, requested))})`,
      en:
        `The own share is ${formatNok(own)}; at least ${formatBasisPoints(params.minOwnShareBasisPoints)} of the ` +
        `${formatNok(requested)} applied for (${formatNok(requiredOwnShareOre(params, requested))}) is required`,
    },
    'financingPlan.ownShare',
  );
};

/** Staff time in the own share must be documented with timesheets, when the call requires it. */
export const staffTimeDocumented: MentorRule = ({ params, application }) => {
  if (!params.timesheetsRequired) return ok;
  const { includesStaffTime } = summariseOwnShare(params.staffTimeRate, application.financingPlan.ownShare);
  return includesStaffTime && !application.declarations.staffTimeDocumentedWithTimesheets
    ? fail(
        'timesheets_missing',
        {
          nb: 'Egen arbeidstid i egenandelen må dokumenteres med timelister; bekreft at den blir det',
          en: 'Staff time in the own share must be documented with timesheets; confirm that it will be',
        },
        'declarations.staffTimeDocumentedWithTimesheets',
      )
    : ok;
};

/** Grant + own share + other public funding = the budget, to the øre. */
export const financingPlanBalances: MentorRule = ({ params, application }) => {
  const own = summariseOwnShare(params.staffTimeRate, application.financingPlan.ownShare).totalOre;
  const financing = sumOre([
    application.financingPlan.requestedGrantOre,
    own,
    otherPublicFundingOre(application),
  ]);
  const costs = totalCostsOre(application.costPlan);
  if (financing === costs) return ok;
  return fail(
    'financing_plan_unbalanced',
    {
      nb:
        `Tilskudd, egenandel og annen offentlig finansiering summerer seg til ${formatKroner(financing)}, men budsjettet er ` +
        `${formatKroner(costs)} (${financing > costs ? 'for mye' : 'for lite'} med ${formatKroner(Math.abs(financing - costs))})`,
      en:
        `Grant, own share and other public funding add up to ${formatNok(financing)} but the budget is ` +
        `${formatNok(costs)} (${financing > costs ? 'over' : 'short'} by ${formatNok(Math.abs(financing - costs))})`,
    },
    'financingPlan',
  );
};

// ── Declarations ────────────────────────────────────────────────────────────────────────────

export const noDoubleFunding: MentorRule = ({ application }) =>
  application.declarations.noDoubleFunding
    ? ok
    : fail(
        'double_funding_not_excluded',
        {
          nb: 'Bekreft at ingen kostnad i budsjettet er dobbeltfinansiert (annen offentlig finansiering oppgis i finansieringsplanen)',
          en: 'Confirm that no cost in the budget is funded twice (other public funding is disclosed in the financing plan)',
        },
        'declarations.noDoubleFunding',
      );

/** With economic activity the grant is de minimis aid: received in three fiscal years + this grant ≤ the ceiling. */
export const deMinimisWithinCeiling: MentorRule = ({ params, application }) => {
  const { economicActivity, deMinimisReceivedOre } = application.declarations;
  if (!economicActivity) return ok;
  const requested = application.financingPlan.requestedGrantOre;
  const total = sumOre([deMinimisReceivedOre, requested]);
  return total <= params.deMinimisCeilingOre
    ? ok
    : fail(
        'de_minimis_ceiling_exceeded',
        {
          nb:
            `Mottatt bagatellmessig støtte (${formatKroner(deMinimisReceivedOre)}) pluss omsøkte ${formatKroner(requested)} ` +
            `er mer enn taket på ${formatKroner(params.deMinimisCeilingOre)} over tre regnskapsår`,
          en:
            `De minimis aid received (${formatNok(deMinimisReceivedOre)}) plus the ${formatNok(requested)} applied for ` +
            `exceeds the ceiling of ${formatNok(params.deMinimisCeilingOre)} over three fiscal years`,
        },
        'declarations.deMinimisReceivedOre',
      );
};

export const signedByLeader: MentorRule = ({ application }) =>
  application.declarations.leaderSignature.confirmed
    ? ok
    : fail(
        'leader_signature_missing',
        {
          nb: 'Søknaden må være forankret i ledelsen og signert av leder',
          en: 'The application must be anchored in management and signed by the leader',
        },
        'declarations.leaderSignature.confirmed',
      );

export const MENTOR_RULES: readonly MentorRule[] = [
  callIsOpen,
  applicantEligible,
  projectPeriodValid,
  projectDurationWithinLimit,
  milestonesWithinPeriod,
  requestedGrantPositive,
  requestedGrantWithinCap,
  ownShareAtLeastMinimum,
  staffTimeDocumented,
  financingPlanBalances,
  noDoubleFunding,
  deMinimisWithinCeiling,
  signedByLeader,
];

/** Every reason the application is not eligible under the call, all at once; empty = eligible. */
export function checkMentorEligibility(input: MentorEligibilityInput): SchemeReason[] {
  return runRules(MENTOR_RULES, input);
}

// ── Advisories (never blocking) ─────────────────────────────────────────────────────────────

/** What the case officer should weigh: lower priority below the call's participant count, state aid, other funding. */
export function mentorAdvisories(
  params: MentorCallParameters,
  application: MentorApplicationContent,
): SchemeReason[] {
  const advisories: SchemeReason[] = [];
  const add = (code: MentorAdvisoryCode, text: LocalizedText, field?: string) =>
    advisories.push(schemeReason(code, text, field));
  const count = application.targetGroup.participantCount;
  if (count < params.priorityMinParticipants)
    add(
      'few_participants',
      {
        nb: `${count} deltakere er planlagt; prosjekter med minst ${params.priorityMinParticipants} prioriteres`,
        en: `${count} participants planned; projects with at least ${params.priorityMinParticipants} are prioritised`,
      },
      'targetGroup.participantCount',
    );
  if (application.declarations.economicActivity)
    add(
      'state_aid_assessment',
      {
        nb: 'Søkeren oppgir økonomisk aktivitet: vurder tilskuddet etter statsstøttereglene (bagatellmessig støtte)',
        en: 'The applicant declares economic activity: assess the grant under the state-aid rules (de minimis)',
      },
      'declarations.economicActivity',
    );
  const other = otherPublicFundingOre(application);
  if (other > 0)
    add(
      'other_public_funding',
      {
        nb: `Annen offentlig finansiering på ${formatKroner(other)} er oppgitt: kontroller at ingen kostnad er dobbeltfinansiert`,
        en: `Other public funding of ${formatNok(other)} is disclosed: check that no cost is funded twice`,
      },
      'financingPlan.otherPublicFunding',
    );
  return advisories;
}

// ── The final report ────────────────────────────────────────────────────────────────────────

/** The report answers every goal of the application and documents the own share. */
export function checkMentorFinalReport(
  application: MentorApplicationContent,
  report: MentorFinalReport,
): SchemeReason[] {
  const reasons: SchemeReason[] = [];
  const goals = 1 + application.goals.subGoals.length;
  if (report.goalResults.length < goals)
    reasons.push(
      ...fail(
        'goal_results_incomplete',
        {
          nb:
            `Rapporter et resultat for hovedmålet og hvert av de ${application.goals.subGoals.length} delmålene ` +
            `(${goals} i alt; ${report.goalResults.length} oppgitt)`,
          en:
            `Report a result for the main goal and each of the ${application.goals.subGoals.length} sub-goals ` +
            `(${goals} in all; ${report.goalResults.length} given)`,
        },
        'goalResults',
      ),
    );
  if (!report.ownShareDocumented)
    reasons.push(
      ...fail(
        'own_share_not_documented',
        {
          nb: 'Egenandelen må dokumenteres (regnskap, og timelister for egen arbeidstid)',
          en: 'The own share must be documented (accounts, and timesheets for staff time)',
        },
        'ownShareDocumented',
      ),
    );
  return reasons;
}

// ── The call ────────────────────────────────────────────────────────────────────────────────

/** What spans several call-parameter fields: the window's order, known organisation forms, usable amounts. */
export function checkMentorCallParameters(params: MentorCallParameters): SchemeReason[] {
  const reasons: SchemeReason[] = [];
  reasons.push(...checkSubmissionWindow(params.window));
  reasons.push(...unknownOrganisationForms(params.eligibility, ORGANISATION_FORM_CODES));
  if (params.maxGrantOre === 0)
    reasons.push(
      ...fail(
        'invalid_call_amounts',
        { nb: 'Tilskuddstaket må være over null', en: 'The grant cap must be above zero' },
        'maxGrantOre',
      ),
    );
  if (params.staffTimeRate.basisPointsOfAnnualSalary > 0 && params.staffTimeRate.maxHourlyRateOre === 0)
    reasons.push(
      ...fail(
        'invalid_call_amounts',
        { nb: 'Taket for timesats må være over null', en: 'The hourly-rate cap must be above zero' },
        'staffTimeRate.maxHourlyRateOre',
      ),
    );
  return reasons;
}
