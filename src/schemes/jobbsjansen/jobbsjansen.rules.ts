import {
  formatBasisPoints,
  formatKroner,
  formatNok,
  formatNorwegianDate,
  formatNorwegianDateTime,
  isAtLeastRatio,
  isIsoDate,
  FULL_BASIS_POINTS,
  sumOre,
} from '@lib/common';
import {
  checkEligibilityRules,
  fail as failWith,
  ok,
  runRules,
  type SchemeRule,
  type EligibilityRule,
  type SchemeOrganisation,
  type SchemeReason,
} from '@lib/engine';
import type { JobbsjansenApplicationContent, JobbsjansenFinalReport } from './jobbsjansen-application.dto';
import type { JobbsjansenCallParameters } from './jobbsjansen-call-parameters.dto';
import {
  computeJobbsjansenMaximumGrant,
  requiredOwnFinancingOre,
  summariseJobbsjansenCosts,
  totalParticipants,
} from './jobbsjansen-grant';
import {
  JOBBSJANSEN_OUTCOME_RESULT_FIELDS,
  JOBBSJANSEN_OUTCOMES,
  JOBBSJANSEN_PUBLIC_ORGANISATION_FORMS,
} from './jobbsjansen-vocabulary';

/*
 * Jobbsjansen del B as small pure rules (sources: domain research §2.2, IMDi's del B rules). Each
 * rule looks at one thing and returns the reasons it fails; `checkJobbsjansenEligibility` runs them
 * all, because a refused submit lists every reason at once. Advisories are the same kind of
 * reason, but only shown to the case officer: they never stop a submission.
 */

export type JobbsjansenReasonCode =
  | 'call_not_open'
  | 'call_closed'
  /** From the call's eligibility rules (kernel rule types). */
  | 'organisation_form_not_eligible'
  | 'outside_county'
  | 'outside_municipalities'
  | 'too_few_employees'
  | 'too_many_employees'
  | 'project_period_invalid'
  | 'project_outside_call_period'
  | 'no_participants'
  | 'too_few_participants'
  | 'ordinary_operations_not_eligible'
  | 'no_eligible_costs'
  | 'own_financing_missing'
  | 'own_share_too_low'
  | 'financing_plan_unbalanced'
  | 'requested_grant_missing'
  | 'grant_exceeds_project_cap'
  /** Advisory only. */
  | 'two_school_years'
  /** Report. */
  | 'participant_rows_mismatch'
  | 'outcome_counts_mismatch'
  | 'duplicate_participant_code'
  /** Call parameters. */
  | 'invalid_call_window'
  | 'invalid_project_period'
  | 'invalid_payment_dates'
  | 'invalid_call_eligibility';

export interface JobbsjansenReason extends SchemeReason {
  readonly code: JobbsjansenReasonCode;
}

export interface JobbsjansenEligibilityInput {
  readonly params: JobbsjansenCallParameters;
  readonly application: JobbsjansenApplicationContent;
  readonly organisation: SchemeOrganisation;
  /** The moment of submission. */
  readonly now: Date;
}

export type JobbsjansenRule = SchemeRule<JobbsjansenEligibilityInput, JobbsjansenReason>;

/** A rule that fails, with this scheme's reason codes. */
const fail = failWith<JobbsjansenReasonCode>;

// ── The call and the applicant ──────────────────────────────────────────────────────────────

/** Applications are taken from the opening until the deadline (søknadsfrist), if there is one. */
export const callIsOpen: JobbsjansenRule = ({ params, now }) => {
  const { opensAt, closesAt } = params.window;
  if (now.getTime() < Date.parse(opensAt))
    return fail('call_not_open', {
      nb: `Utlysningen åpner ${formatNorwegianDateTime(opensAt)}`,
      en: `The call opens at ${opensAt}`,
    });
  if (closesAt !== undefined && now.getTime() > Date.parse(closesAt))
    return fail('call_closed', {
      nb: `Utlysningen stengte ${formatNorwegianDateTime(closesAt)}`,
      en: `The call closed at ${closesAt}`,
    });
  return ok;
};

/** Who may apply is the call's data: organisation forms (KOMM, FYLK, KF, IKS), county … */
export const applicantEligible: JobbsjansenRule = ({ params, organisation }) =>
  checkEligibilityRules(params.eligibility, organisation) as JobbsjansenReason[];

// ── Project period ──────────────────────────────────────────────────────────────────────────

const periodIsValid = (a: JobbsjansenApplicationContent) =>
  isIsoDate(a.startDate) && isIsoDate(a.endDate) && a.endDate >= a.startDate;

export const projectPeriodValid: JobbsjansenRule = ({ application }) =>
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

/** The project lies inside the call's period (its budget year), first and last day included. */
export const projectInsideCallPeriod: JobbsjansenRule = ({ params, application }) => {
  if (!periodIsValid(application)) return ok;
  const { earliestStart, latestEnd } = params.projectPeriod;
  const reasons: JobbsjansenReason[] = [];
  if (application.startDate < earliestStart)
    reasons.push(
      ...fail(
        'project_outside_call_period',
        {
          nb: `Prosjektet kan tidligst starte ${formatNorwegianDate(earliestStart)}`,
          en: `The project may start no earlier than ${earliestStart}`,
        },
        'startDate',
      ),
    );
  if (application.endDate > latestEnd)
    reasons.push(
      ...fail(
        'project_outside_call_period',
        {
          nb: `Prosjektet må avsluttes senest ${formatNorwegianDate(latestEnd)}`,
          en: `The project must end by ${latestEnd}`,
        },
        'endDate',
      ),
    );
  return reasons;
};

// ── Participants ────────────────────────────────────────────────────────────────────────────

export const hasParticipants: JobbsjansenRule = ({ application }) =>
  totalParticipants(application.participants) > 0
    ? ok
    : fail(
        'no_participants',
        {
          nb: 'Oppgi hvor mange deltakere prosjektet er for',
          en: 'State how many participants the project is for',
        },
        'participants',
      );

function tooFewParticipants(
  params: JobbsjansenCallParameters,
  application: JobbsjansenApplicationContent,
): JobbsjansenReason[] {
  const total = totalParticipants(application.participants);
  if (total === 0 || total >= params.minParticipants) return [];
  return fail(
    'too_few_participants',
    {
      nb: `Prosjektet har ${total} deltakere; ordningen forventer minst ${params.minParticipants}`,
      en: `The project has ${total} participants; the scheme expects at least ${params.minParticipants}`,
    },
    'participants',
  );
}

/** Fewer than the call's minimum refuses only where the call makes it a hard rule. */
export const enoughParticipantsIfHardRule: JobbsjansenRule = ({ params, application }) =>
  params.minParticipantsIsHardRule ? tooFewParticipants(params, application) : ok;

// ── Costs and financing ─────────────────────────────────────────────────────────────────────

/**
 * The grant may not fund ordinary operations (ordinær drift). Such a line is refused at submit
 * rather than silently earning nothing: if it stayed in the budget, the own-financing share would
 * be met with money the applicant spends anyway, which is exactly what the rule forbids; removing
 * it is a small edit for the applicant and no decision (vedtak) is needed.
 */
export const noOrdinaryOperations: JobbsjansenRule = ({ application }) =>
  application.costPlan.flatMap((line, i) =>
    line.category === 'ordinary_operations'
      ? fail(
          'ordinary_operations_not_eligible',
          {
            nb:
              `Kostnadslinje ${i + 1} (${formatKroner(line.amountOre)}) er ordinær drift, som tilskuddet ikke kan ` +
              'dekke; bare undervisningspersonell, læremidler, drift av tilbudet og prosjektpersonell',
            en:
              `Cost line ${i + 1} (${formatNok(line.amountOre)}) is ordinary operations, which the grant may not ` +
              'fund; only teaching staff, teaching materials, running the offer and project staff',
          },
          `costPlan.${i}.category`,
        )
      : [],
  );

export const hasEligibleCosts: JobbsjansenRule = ({ application }) =>
  summariseJobbsjansenCosts(application.costPlan).eligibleCostsOre > 0
    ? ok
    : fail(
        'no_eligible_costs',
        {
          nb: 'Kostnadsplanen har ingen støtteberettigede kostnader',
          en: 'The cost plan has no eligible costs',
        },
        'costPlan',
      );

/** Own financing above zero, and at least the call's share of total costs (compared exactly). */
export const ownFinancingSufficient: JobbsjansenRule = ({ params, application }) => {
  const own = application.financingPlan.ownFinancingOre;
  const field = 'financingPlan.ownFinancingOre';
  if (own === 0)
    return fail(
      'own_financing_missing',
      { nb: 'Prosjektet må ha egenfinansiering', en: 'The project must have own financing' },
      field,
    );
  const { totalCostsOre } = summariseJobbsjansenCosts(application.costPlan);
  const share = { numerator: params.minOwnShareBasisPoints, denominator: FULL_BASIS_POINTS };
  if (isAtLeastRatio(own, totalCostsOre, share)) return ok;
  return fail(
    'own_share_too_low',
    {
      nb:
        `Egenfinansieringen er ${formatKroner(own)}; det kreves minst ${formatBasisPoints(params.minOwnShareBasisPoints)} av ` +
        `samlede kostnader på ${formatKroner(totalCostsOre)} (${formatKroner(requiredOwnFinancingOre(params, totalCostsOre))})`,
      en:
        `Own financing is ${formatNok(own)}; at least ${formatBasisPoints(params.minOwnShareBasisPoints)} of ` +
        `total costs of ${formatNok(totalCostsOre)} (${formatNok(requiredOwnFinancingOre(params, totalCostsOre))}) is required`,
    },
    field,
  );
};

/** Own financing + other funding + requested grant = total costs, to the øre. */
export const financingPlanBalances: JobbsjansenRule = ({ application }) => {
  const { ownFinancingOre, otherFundingOre, requestedGrantOre } = application.financingPlan;
  const financing = sumOre([ownFinancingOre, otherFundingOre, requestedGrantOre]);
  const { totalCostsOre } = summariseJobbsjansenCosts(application.costPlan);
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

export const requestedGrantPositive: JobbsjansenRule = ({ application }) =>
  application.financingPlan.requestedGrantOre > 0
    ? ok
    : fail(
        'requested_grant_missing',
        { nb: 'Søk om et beløp over null', en: 'Apply for an amount above zero' },
        'financingPlan.requestedGrantOre',
      );

/**
 * The requested grant within the call's cap per project. (That it also leaves the required own
 * financing follows from the own-share rule and the balanced financing plan.)
 */
export const requestedGrantWithinCap: JobbsjansenRule = ({ params, application }) => {
  const requested = application.financingPlan.requestedGrantOre;
  const { projectCapOre } = computeJobbsjansenMaximumGrant(params, application);
  return requested <= projectCapOre
    ? ok
    : fail(
        'grant_exceeds_project_cap',
        {
          nb: `Omsøkt beløp på ${formatKroner(requested)} er mer enn maksimum på ${formatKroner(projectCapOre)} per prosjekt`,
          en: `The requested ${formatNok(requested)} exceeds the maximum of ${formatNok(projectCapOre)} per project`,
        },
        'financingPlan.requestedGrantOre',
      );
};

/** Every rule, in the order their reasons are listed. */
export const JOBBSJANSEN_ELIGIBILITY_RULES: readonly JobbsjansenRule[] = [
  callIsOpen,
  applicantEligible,
  projectPeriodValid,
  projectInsideCallPeriod,
  hasParticipants,
  enoughParticipantsIfHardRule,
  noOrdinaryOperations,
  hasEligibleCosts,
  ownFinancingSufficient,
  financingPlanBalances,
  requestedGrantPositive,
  requestedGrantWithinCap,
];

/** Every reason the application is not eligible under the call; empty = eligible. */
export function checkJobbsjansenEligibility(input: JobbsjansenEligibilityInput): JobbsjansenReason[] {
  return runRules(JOBBSJANSEN_ELIGIBILITY_RULES, input);
}

/**
 * What the case officer should weigh but that does not stop a submission: fewer participants than
 * the scheme expects (unless the call makes that a hard rule), and two school years per participant,
 * which IMDi allows only in special cases.
 */
export function jobbsjansenAdvisories(
  params: JobbsjansenCallParameters,
  application: JobbsjansenApplicationContent,
): JobbsjansenReason[] {
  return [
    ...(params.minParticipantsIsHardRule ? [] : tooFewParticipants(params, application)),
    ...(application.schoolYearsPerParticipant > 1
      ? fail(
          'two_school_years',
          {
            nb: 'To skoleår per deltaker er for særlige tilfeller; søknaden bør begrunne det',
            en: 'Two school years per participant is for special cases; the application should justify it',
          },
          'schoolYearsPerParticipant',
        )
      : []),
  ];
}

// ── The final report ────────────────────────────────────────────────────────────────────────

/** The outcomes as the bokmål reasons name them. */
const OUTCOME_NAMES_NB: Record<(typeof JOBBSJANSEN_OUTCOMES)[number], string> = {
  completed: 'fullførte',
  continued_upper_secondary: 'gikk videre til videregående',
  work: 'gikk ut i arbeid',
  dropped_out: 'avbrøt',
};

/**
 * Checks a final report (sluttrapport) before it is accepted for review: the participant rows
 * agree with the project-level results (one row per participant, and the outcomes tally), each
 * pseudonymous code appears once, and no actual cost is ordinary operations.
 */
export function checkJobbsjansenFinalReport(report: JobbsjansenFinalReport): JobbsjansenReason[] {
  const reasons: JobbsjansenReason[] = [];
  const { results, participants } = report;
  if (participants.length !== results.participants) {
    reasons.push(
      ...fail(
        'participant_rows_mismatch',
        {
          nb: `Rapporten lister opp ${participants.length} deltakere, men oppgir ${results.participants} på prosjektnivå`,
          en: `The report lists ${participants.length} participants but states ${results.participants} at project level`,
        },
        'participants',
      ),
    );
  }
  for (const outcome of JOBBSJANSEN_OUTCOMES) {
    const field = JOBBSJANSEN_OUTCOME_RESULT_FIELDS[outcome];
    const rows = participants.filter((p) => p.outcome === outcome).length;
    if (rows !== results[field]) {
      reasons.push(
        ...fail(
          'outcome_counts_mismatch',
          {
            nb: `${rows} deltakere har resultatet «${OUTCOME_NAMES_NB[outcome]}», men resultatet på prosjektnivå sier ${results[field]}`,
            en: `${rows} participants have the outcome ${outcome}, but the project-level result says ${results[field]}`,
          },
          `results.${field}`,
        ),
      );
    }
  }
  const firstIndex = new Map<string, number>();
  participants.forEach((p, i) => {
    const first = firstIndex.get(p.code);
    if (first === undefined) firstIndex.set(p.code, i);
    else
      reasons.push(
        ...fail(
          'duplicate_participant_code',
          {
            nb: `Deltakerkoden ${p.code} står mer enn én gang (rad ${first + 1} og ${i + 1})`,
            en: `Participant code ${p.code} appears more than once (rows ${first + 1} and ${i + 1})`,
          },
          `participants.${i}.code`,
        ),
      );
  });
  report.actualCosts.forEach((line, i) => {
    if (line.category === 'ordinary_operations')
      reasons.push(
        ...fail(
          'ordinary_operations_not_eligible',
          {
            nb: `Faktisk kostnadslinje ${i + 1} er ordinær drift, som tilskuddet ikke kan dekke`,
            en: `Actual cost line ${i + 1} is ordinary operations, which the grant may not fund`,
          },
          `actualCosts.${i}.category`,
        ),
      );
  });
  return reasons;
}

// ── The call's parameters ───────────────────────────────────────────────────────────────────

/**
 * Checks a call's parameters as a whole, beyond field shapes: run when a call is created or edited
 * (and at start-up for seeded calls). Empty list = consistent.
 */
export function checkJobbsjansenCallParameters(params: JobbsjansenCallParameters): JobbsjansenReason[] {
  const reasons: JobbsjansenReason[] = [];
  const { opensAt, closesAt } = params.window;
  if (closesAt !== undefined && Date.parse(closesAt) <= Date.parse(opensAt))
    reasons.push(
      ...fail(
        'invalid_call_window',
        { nb: 'Utlysningen må stenge etter at den åpner', en: 'The call must close after it opens' },
        'window.closesAt',
      ),
    );

  const { earliestStart, latestEnd } = params.projectPeriod;
  if (latestEnd < earliestStart)
    reasons.push(
      ...fail(
        'invalid_project_period',
        {
          nb: 'Seneste slutt må være lik eller senere enn tidligste start',
          en: 'The latest end must be on or after the earliest start',
        },
        'projectPeriod.latestEnd',
      ),
    );

  // One payment in each half of the year, both inside the project period.
  for (const [key, season, months] of [
    ['springDate', 'spring', [1, 6]],
    ['autumnDate', 'autumn', [7, 12]],
  ] as const) {
    const date = params.payments[key];
    const month = Number(date.slice(5, 7));
    if (month < months[0] || month > months[1])
      reasons.push(
        ...fail(
          'invalid_payment_dates',
          season === 'spring'
            ? {
                nb: 'Vårutbetalingen må falle i januar–juni',
                en: 'The spring payment must fall in January–June',
              }
            : {
                nb: 'Høstutbetalingen må falle i juli–desember',
                en: 'The autumn payment must fall in July–December',
              },
          `payments.${key}`,
        ),
      );
    if (date < earliestStart || date > latestEnd)
      reasons.push(
        ...fail(
          'invalid_payment_dates',
          {
            nb: `${season === 'spring' ? 'Vårutbetalingen' : 'Høstutbetalingen'} må falle innenfor prosjektperioden`,
            en: `The ${season} payment must fall inside the project period`,
          },
          `payments.${key}`,
        ),
      );
  }

  // The yearly report, when the call dates it, falls inside the project period too.
  const yearly = params.payments.yearlyReportDue;
  if (yearly !== undefined && (yearly < earliestStart || yearly > latestEnd))
    reasons.push(
      ...fail(
        'invalid_payment_dates',
        {
          nb: 'Fristen for årsrapporten må falle innenfor prosjektperioden',
          en: 'The yearly report must be due inside the project period',
        },
        'payments.yearlyReportDue',
      ),
    );

  // Del B is not a company grant: the call must say who may apply, and only the public sector may.
  const formRule = params.eligibility.find(
    (r): r is Extract<EligibilityRule, { rule: 'organisation_form' }> => r.rule === 'organisation_form',
  );
  if (!formRule) {
    reasons.push(
      ...fail(
        'invalid_call_eligibility',
        {
          nb: `Utlysningen må angi hvilke organisasjonsformer som kan søke (${JOBBSJANSEN_PUBLIC_ORGANISATION_FORMS.join(', ')})`,
          en: `The call must name the organisation forms that may apply (${JOBBSJANSEN_PUBLIC_ORGANISATION_FORMS.join(', ')})`,
        },
        'eligibility',
      ),
    );
  } else {
    const publicForms: readonly string[] = JOBBSJANSEN_PUBLIC_ORGANISATION_FORMS;
    const others = formRule.forms.filter((form) => !publicForms.includes(form));
    if (others.length)
      reasons.push(
        ...fail(
          'invalid_call_eligibility',
          {
            nb: `Bare kommuner og fylkeskommunale enheter kan søke; ikke ${others.join(', ')}`,
            en: `Only municipalities and county units may apply; not ${others.join(', ')}`,
          },
          'eligibility',
        ),
      );
  }
  return reasons;
}
