import {
  addMonths,
  daysBetween,
  formatBasisPoints,
  formatKroner,
  formatNok,
  formatNorwegianDate,
  formatNorwegianDateTime,
  isAtLeastRatio,
  isIsoDate,
  isWithinBasisPoints,
  mulDivFloor,
  norwegianDate,
  sumOre,
} from '@lib/common';
import {
  checkEligibilityRules,
  GBER_TRAINING_AID_MAX_BASIS_POINTS,
  summariseTrainingCosts,
  type LocalizedText,
  type SchemeOrganisation,
} from '@lib/engine';
import type {
  CoronaApplicationContent,
  CoronaApprenticeApplication,
  CoronaBioExtraApplication,
  CoronaContract,
  CoronaContractStatus,
  CoronaFagbrevApplication,
  CoronaFinalReport,
} from './corona-application.dto';
import type {
  CoronaApprenticePackageParameters,
  CoronaBioExtraParameters,
  CoronaCallParameters,
  CoronaCallWindow,
  CoronaContractPeriod,
  CoronaFagbrevParameters,
} from './corona-call-parameters.dto';
import {
  apprenticeContractReasons,
  computeApprenticeEntitlement,
  computeFagbrevEntitlement,
  contractReference,
  describeEntitlement,
  fagbrevContractReasons,
  futureContractReasons,
  reason,
  type CoronaFlatRateEntitlement,
  type CoronaReason,
} from './corona-contracts';
import { computeBioExtraMaximumGrant } from './corona-grant';
import {
  CORONA_MEASURE_NAMES,
  CORONA_MEASURES,
  CORONA_SECTION_OF,
  type CoronaContractOutcome,
  type CoronaMeasure,
} from './corona-vocabulary';

/*
 * The corona measures' rules, pure, each returning every reason at once (a refused submit lists them
 * all). The call's measure decides which rules run; an application of another measure is refused
 * before anything else is looked at.
 */

export interface CoronaEligibilityInput {
  readonly params: CoronaCallParameters;
  readonly content: CoronaApplicationContent;
  readonly organisation: SchemeOrganisation;
  /** The moment of submission; its date in Norway is the application date. */
  readonly now: Date;
}

// ── The call ────────────────────────────────────────────────────────────────────────────────

/** The call's closing: the last extension, else the original deadline, else none (until the money is used). */
export function coronaCallClosesAt(window: CoronaCallWindow): string | null {
  return window.extensions?.at(-1) ?? window.closesAt ?? null;
}

/** Applications are taken from the opening to the (possibly extended) deadline, both instants inclusive. */
export function callOpenReasons(window: CoronaCallWindow, now: Date): CoronaReason[] {
  if (now.getTime() < Date.parse(window.opensAt))
    return [
      reason('call_not_open', {
        nb: `Utlysningen åpner ${formatNorwegianDateTime(window.opensAt)}`,
        en: `The call opens at ${window.opensAt}`,
      }),
    ];
  const closesAt = coronaCallClosesAt(window);
  if (closesAt !== null && now.getTime() > Date.parse(closesAt)) {
    const extendedFrom = window.extensions?.length ? window.closesAt : undefined;
    return [
      reason('call_closed', {
        nb: `Utlysningen stengte ${formatNorwegianDateTime(closesAt)}${extendedFrom === undefined ? '' : ` (forlenget fra ${formatNorwegianDateTime(extendedFrom)})`}`,
        en: `The call closed at ${closesAt}${extendedFrom === undefined ? '' : ` (extended from ${extendedFrom})`}`,
      }),
    ];
  }
  return [];
}

/** The application must be for the call's measure: an apprentice form cannot be sent to a BIO call. */
export function measureMatchesCall(
  params: CoronaCallParameters,
  content: { measure: CoronaMeasure },
): CoronaReason[] {
  return content.measure === params.measure
    ? []
    : [
        reason(
          'measure_mismatch',
          {
            nb: `Denne utlysningen gjelder ${MEASURE_NAMES_NB[params.measure]} (tiltak ${params.measure}); søknaden gjelder ${content.measure}`,
            en: `This call is for ${CORONA_MEASURE_NAMES[params.measure]} (measure ${params.measure}); the application is for ${content.measure}`,
          },
          'measure',
        ),
      ];
}

/** The measures as the bokmål reasons name them. */
const MEASURE_NAMES_NB: Readonly<Record<CoronaMeasure, string>> = {
  bio_extra: 'ekstraordinære BIO-midler',
  apprentice_package: 'lærlingpakken',
  fagbrev_pa_jobb: 'Fagbrev på jobb',
};

/** How a contract stands, as the bokmål reasons say it. */
const OUTCOME_NB: Readonly<Record<CoronaContractOutcome, string>> = {
  running: 'løpende',
  completed: 'fullført',
  ended: 'hevet',
};

const capApplies = (entitlement: LocalizedText): LocalizedText => ({
  nb: `Taket per bedrift gjelder: ${entitlement.nb}`,
  en: `The per-company cap applies: ${entitlement.en}`,
});

function missingSection(measure: CoronaMeasure, where: 'application' | 'call'): CoronaReason[] {
  return [
    reason(
      'measure_section_missing',
      {
        nb: `${where === 'call' ? 'Utlysningen' : 'Søknaden'} mangler delen ${CORONA_SECTION_OF[measure]}`,
        en: `The ${where} has no ${CORONA_SECTION_OF[measure]} section`,
      },
      CORONA_SECTION_OF[measure],
    ),
  ];
}

// ── bio_extra ───────────────────────────────────────────────────────────────────────────────

const B = 'bioExtra';

function periodIsValid(a: CoronaBioExtraApplication): boolean {
  return isIsoDate(a.startDate) && isIsoDate(a.endDate) && a.endDate >= a.startDate;
}

/** Every reason an extraordinary-BIO application fails, in the order they are listed. */
export function bioExtraReasons(
  params: CoronaBioExtraParameters,
  a: CoronaBioExtraApplication,
  organisation: SchemeOrganisation,
  now: Date,
): CoronaReason[] {
  const reasons: CoronaReason[] = [];
  const push = (code: string, text: LocalizedText, field: string) =>
    reasons.push(reason(code, text, `${B}.${field}`));

  // Participants: the company's own employees, not fully laid off (§2.1.1).
  if (a.participants.count > organisation.employeeCount) {
    push(
      'participants_exceed_employees',
      {
        nb: `${a.participants.count} deltakere, men virksomheten har ${organisation.employeeCount} ansatte`,
        en: `${a.participants.count} participants, but the organisation has ${organisation.employeeCount} employees`,
      },
      'participants.count',
    );
  }
  if (a.participants.fullyLaidOffCount > 0) {
    push(
      'fully_laid_off_participants',
      {
        nb: `${a.participants.fullyLaidOffCount} deltakere er 100 % permittert; bare ansatte som arbeider (også delvis permitterte, for tiden de arbeider) kan delta`,
        en: `${a.participants.fullyLaidOffCount} participants are 100 % laid off; only employees who work (also partly laid off, for the time they work) can take part`,
      },
      'participants.fullyLaidOffCount',
    );
  }

  // Time plan: the longer completion period of the extraordinary money.
  if (!periodIsValid(a)) {
    push(
      'project_period_invalid',
      {
        nb: 'Sluttdatoen må være lik eller senere enn startdatoen',
        en: 'The end date must be a date on or after the start date',
      },
      'endDate',
    );
  } else {
    const latestEnd = addMonths(a.startDate, params.completionMonths);
    if (a.endDate > latestEnd) {
      push(
        'project_duration_exceeded',
        {
          nb: `Prosjektet må være fullført innen ${params.completionMonths} måneder, det vil si senest ${formatNorwegianDate(latestEnd)}`,
          en: `The project must be completed within ${params.completionMonths} months, i.e. by ${latestEnd}`,
        },
        'endDate',
      );
    }
    const weeksInPeriod = Math.ceil((daysBetween(a.startDate, a.endDate) + 1) / 7);
    if (a.participants.weeksEach > weeksInPeriod) {
      push(
        'weeks_exceed_project_period',
        {
          nb: `${a.participants.weeksEach} uker per deltaker får ikke plass i en prosjektperiode på ${weeksInPeriod} uker`,
          en: `${a.participants.weeksEach} weeks per participant do not fit in a project period of ${weeksInPeriod} weeks`,
        },
        'participants.weeksEach',
      );
    }
  }
  if (params.startNotBeforeApplicationDate && isIsoDate(a.startDate) && a.startDate < norwegianDate(now)) {
    push(
      'start_before_application',
      {
        nb: `Prosjektet kan ikke starte før søknaden er sendt; tidligste start er ${formatNorwegianDate(norwegianDate(now))}`,
        en: `The project may not start before the application is sent; earliest start ${norwegianDate(now)}`,
      },
      'startDate',
    );
  }
  if (a.participants.weeksEach > params.maxWeeksPerParticipant) {
    push(
      'weeks_per_participant_exceeded',
      {
        nb: `${a.participants.weeksEach} uker per deltaker; høyst ${params.maxWeeksPerParticipant} er tillatt`,
        en: `${a.participants.weeksEach} weeks per participant; at most ${params.maxWeeksPerParticipant} are allowed`,
      },
      'participants.weeksEach',
    );
  }

  // Cost plan.
  const costs = summariseTrainingCosts(params.eligibleCostCategories, a.costPlan);
  if (costs.eligibleCostsOre === 0)
    push(
      'no_eligible_costs',
      {
        nb: 'Kostnadsplanen har ingen støtteberettigede kostnader',
        en: 'The cost plan has no eligible costs',
      },
      'costPlan',
    );
  const share = params.minTrainingCostShare;
  if (!isAtLeastRatio(costs.trainingCostsOre, costs.eligibleCostsOre, share)) {
    const required = -mulDivFloor(-costs.eligibleCostsOre, share.numerator, share.denominator);
    push(
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
  }
  const travelLimit = params.maxTravelAndAdministrationBasisPoints;
  if (!isWithinBasisPoints(costs.travelAndAdministrationOre, costs.totalCostsOre, travelLimit)) {
    push(
      'travel_administration_share_too_high',
      {
        nb:
          `Reise, opphold og administrasjon utgjør ${formatKroner(costs.travelAndAdministrationOre)}; høyst ` +
          `${formatBasisPoints(travelLimit)} av samlede kostnader på ${formatKroner(costs.totalCostsOre)} er tillatt`,
        en:
          `Travel, subsistence and administration are ${formatNok(costs.travelAndAdministrationOre)}; at most ` +
          `${formatBasisPoints(travelLimit)} of total costs of ${formatNok(costs.totalCostsOre)} is allowed`,
      },
      'costPlan',
    );
  }

  // Grant and financing.
  const requested = a.financingPlan.requestedGrantOre;
  const grantField = 'financingPlan.requestedGrantOre';
  const max = computeBioExtraMaximumGrant(params, a, organisation.employeeCount);
  if (requested <= 0)
    push(
      'requested_grant_missing',
      { nb: 'Søk om et beløp over null', en: 'Apply for an amount above zero' },
      grantField,
    );
  if (requested > max.sizeCapOre) {
    const below = params.maxGrantBySize.smallBelowEmployees;
    const size =
      max.sizeClass === 'small'
        ? { nb: `små bedrifter (under ${below} ansatte)`, en: `small companies (under ${below} employees)` }
        : {
            nb: `bedrifter med ${below} eller flere ansatte`,
            en: `companies with ${below} or more employees`,
          };
    push(
      'grant_exceeds_size_cap',
      {
        nb: `Omsøkt beløp på ${formatKroner(requested)} er mer enn maksimum på ${formatKroner(max.sizeCapOre)} for ${size.nb}`,
        en: `The requested ${formatNok(requested)} exceeds the maximum of ${formatNok(max.sizeCapOre)} for ${size.en}`,
      },
      grantField,
    );
  }
  if (requested > max.participantCapOre) {
    push(
      'grant_exceeds_participant_cap',
      {
        nb:
          `Omsøkt beløp på ${formatKroner(requested)} er mer enn ${formatKroner(params.maxGrantPerParticipantOre)} per deltaker × ` +
          `${a.participants.count} = ${formatKroner(max.participantCapOre)}`,
        en:
          `The requested ${formatNok(requested)} exceeds ${formatNok(params.maxGrantPerParticipantOre)} per participant × ` +
          `${a.participants.count} = ${formatNok(max.participantCapOre)}`,
      },
      grantField,
    );
  }
  const intensity = formatBasisPoints(max.intensityBasisPoints);
  if (requested > max.intensityOfEligibleCostsOre) {
    push(
      'aid_intensity_exceeded',
      {
        nb:
          `Omsøkt beløp på ${formatKroner(requested)} er mer enn ${intensity} av støtteberettigede kostnader på ${formatKroner(max.eligibleCostsOre)} = ` +
          formatKroner(max.intensityOfEligibleCostsOre),
        en:
          `The requested ${formatNok(requested)} exceeds ${intensity} of eligible costs of ${formatNok(max.eligibleCostsOre)} = ` +
          formatNok(max.intensityOfEligibleCostsOre),
      },
      grantField,
    );
  } else if (requested > max.intensityCapOre) {
    push(
      'aid_cumulation_exceeded',
      {
        nb:
          `Omsøkt beløp på ${formatKroner(requested)} pluss annen offentlig støtte på ${formatKroner(max.otherPublicSupportDeductedOre)} ` +
          `er mer enn ${intensity} av støtteberettigede kostnader (${formatKroner(max.intensityOfEligibleCostsOre)})`,
        en:
          `The requested ${formatNok(requested)} plus other public support of ${formatNok(max.otherPublicSupportDeductedOre)} ` +
          `exceeds ${intensity} of eligible costs (${formatNok(max.intensityOfEligibleCostsOre)})`,
      },
      grantField,
    );
  }
  const { ownContributionOre, otherPublicSupportOre } = a.financingPlan;
  const financing = sumOre([ownContributionOre, otherPublicSupportOre, requested]);
  if (financing !== costs.totalCostsOre) {
    push(
      'financing_plan_unbalanced',
      {
        nb: `Finansieringsplanen summerer seg til ${formatKroner(financing)}, men samlede kostnader er ${formatKroner(costs.totalCostsOre)}`,
        en: `The financing plan adds up to ${formatNok(financing)} but total costs are ${formatNok(costs.totalCostsOre)}`,
      },
      'financingPlan',
    );
  }

  // Declarations.
  const d = a.declarations;
  if (d.otherPublicSupportReceived !== d.otherPublicSupportAmountOre > 0) {
    push(
      'other_public_support_declaration_inconsistent',
      d.otherPublicSupportReceived
        ? { nb: 'Oppgi beløpet for annen offentlig støtte', en: 'State the amount of other public support' }
        : {
            nb: 'Det er oppgitt et beløp for annen offentlig støtte, men erklæringen sier at ingen er mottatt',
            en: 'An amount of other public support is given, but the declaration says none was received',
          },
      'declarations.otherPublicSupportAmountOre',
    );
  } else if (!d.otherPublicSupportReceived && otherPublicSupportOre > 0) {
    push(
      'other_public_support_declaration_inconsistent',
      {
        nb: 'Finansieringsplanen inneholder annen offentlig støtte; den må oppgis i erklæringen',
        en: 'The financing plan includes other public support; declare it',
      },
      'declarations.otherPublicSupportReceived',
    );
  }
  // The covid exception (§2.1.2, Innlandet 2021): a company not in difficulty on the reference date may apply.
  const exception = params.difficultyReferenceDate !== undefined && d.notInDifficultyOnReferenceDate;
  if (!d.notInEconomicDifficulty && !exception) {
    push(
      'economic_difficulty_declaration_missing',
      params.difficultyReferenceDate === undefined
        ? {
            nb: 'Bedriften må erklære at den ikke er i økonomiske vanskeligheter',
            en: 'The company must declare that it is not in economic difficulty',
          }
        : {
            nb: `Bedriften må erklære at den ikke er i økonomiske vanskeligheter, eller ikke var det ${formatNorwegianDate(params.difficultyReferenceDate)}`,
            en: `The company must declare that it is not in economic difficulty, or was not on ${params.difficultyReferenceDate}`,
          },
      'declarations.notInEconomicDifficulty',
    );
  }
  return reasons;
}

/** Whether a NACE code falls under a prioritised prefix (`56` covers `56.101`; `10.1` covers `10.13`). */
export function naceMatches(prefix: string, code: string): boolean {
  const digits = (value: string) => value.replace('.', '');
  return digits(code).startsWith(digits(prefix));
}

// ── Flat-rate measures ──────────────────────────────────────────────────────────────────────

function requestedWithinEntitlement(
  requested: number,
  entitlement: CoronaFlatRateEntitlement,
  field: string,
): CoronaReason[] {
  if (requested <= 0)
    return [
      reason(
        'requested_grant_missing',
        { nb: 'Søk om et beløp over null', en: 'Apply for an amount above zero' },
        field,
      ),
    ];
  if (requested > entitlement.entitlementOre) {
    const described = describeEntitlement(entitlement);
    return [
      reason(
        'grant_exceeds_entitlement',
        {
          nb: `Omsøkt beløp på ${formatKroner(requested)} er mer enn kontraktene gir: ${described.nb}`,
          en: `The requested ${formatNok(requested)} exceeds what the contracts give: ${described.en}`,
        },
        field,
      ),
    ];
  }
  return [];
}

/** Every reason an apprentice-package application fails. */
export function apprenticePackageReasons(
  params: CoronaApprenticePackageParameters,
  a: CoronaApprenticeApplication,
  now: Date,
): CoronaReason[] {
  const reasons = a.contracts.flatMap((_, index) => apprenticeContractReasons(params, a, index));
  reasons.push(...futureContractReasons(a.contracts, norwegianDate(now), 'apprenticePackage.contracts'));
  if (!a.declarations.fundsGoUndiminishedToEmployer) {
    reasons.push(
      reason(
        'undiminished_declaration_missing',
        {
          nb: 'Erklær at pengene går uavkortet til lærebedriften',
          en: 'Declare that the money goes undiminished to the employer',
        },
        'apprenticePackage.declarations.fundsGoUndiminishedToEmployer',
      ),
    );
  }
  if (!a.declarations.commitsToReporting) {
    reasons.push(
      reason(
        'reporting_commitment_missing',
        {
          nb: 'Bedriften må forplikte seg til å rapportere om bruken av pengene',
          en: 'The company must commit to reporting on the use of the money',
        },
        'apprenticePackage.declarations.commitsToReporting',
      ),
    );
  }
  reasons.push(
    ...requestedWithinEntitlement(
      a.requestedGrantOre,
      computeApprenticeEntitlement(params, a),
      'apprenticePackage.requestedGrantOre',
    ),
  );
  return reasons;
}

/** Every reason a Fagbrev på jobb application fails. */
export function fagbrevReasons(
  params: CoronaFagbrevParameters,
  a: CoronaFagbrevApplication,
  organisation: SchemeOrganisation,
  now: Date,
): CoronaReason[] {
  const reasons = a.contracts.flatMap((_, index) => fagbrevContractReasons(params, a, index));
  reasons.push(...futureContractReasons(a.contracts, norwegianDate(now), 'fagbrevPaJobb.contracts'));
  if (a.contracts.length > organisation.employeeCount) {
    reasons.push(
      reason(
        'contracts_exceed_employees',
        {
          nb: `${a.contracts.length} kontrakter, men virksomheten har ${organisation.employeeCount} ansatte`,
          en: `${a.contracts.length} contracts, but the organisation has ${organisation.employeeCount} employees`,
        },
        'fagbrevPaJobb.contracts',
      ),
    );
  }
  if (!a.declarations.commitsToReporting) {
    reasons.push(
      reason(
        'reporting_commitment_missing',
        {
          nb: 'Bedriften må forplikte seg til å rapportere om kontraktene',
          en: 'The company must commit to reporting on the contracts',
        },
        'fagbrevPaJobb.declarations.commitsToReporting',
      ),
    );
  }
  reasons.push(
    ...requestedWithinEntitlement(
      a.requestedGrantOre,
      computeFagbrevEntitlement(params, a),
      'fagbrevPaJobb.requestedGrantOre',
    ),
  );
  return reasons;
}

// ── The whole ───────────────────────────────────────────────────────────────────────────────

/**
 * Every reason the application is not eligible under the call; empty = eligible. An application
 * of another measure than the call's gets that one reason only: nothing else can be judged.
 */
export function checkCoronaEligibility({
  params,
  content,
  organisation,
  now,
}: CoronaEligibilityInput): CoronaReason[] {
  const mismatch = measureMatchesCall(params, content);
  if (mismatch.length) return mismatch;
  const reasons = [
    ...callOpenReasons(params.window, now),
    ...checkEligibilityRules(params.eligibility, organisation),
  ];
  switch (params.measure) {
    case 'bio_extra':
      return params.bioExtra && content.bioExtra
        ? [...reasons, ...bioExtraReasons(params.bioExtra, content.bioExtra, organisation, now)]
        : [...reasons, ...missingSection(params.measure, params.bioExtra ? 'application' : 'call')];
    case 'apprentice_package':
      return params.apprenticePackage && content.apprenticePackage
        ? [...reasons, ...apprenticePackageReasons(params.apprenticePackage, content.apprenticePackage, now)]
        : [...reasons, ...missingSection(params.measure, params.apprenticePackage ? 'application' : 'call')];
    case 'fagbrev_pa_jobb':
      return params.fagbrevPaJobb && content.fagbrevPaJobb
        ? [...reasons, ...fagbrevReasons(params.fagbrevPaJobb, content.fagbrevPaJobb, organisation, now)]
        : [...reasons, ...missingSection(params.measure, params.fagbrevPaJobb ? 'application' : 'call')];
  }
}

/**
 * What the case officer should weigh, never blocking: whether the company is in a prioritised
 * sector (bio_extra), contracts outside the prioritised programmes or without the statutory right
 * (apprentice package: "prioritised", not required, §2.5), laid-off candidates (Fagbrev på jobb),
 * and when the per-company cap cuts the grant.
 */
export function coronaAdvisories(
  params: CoronaCallParameters,
  content: CoronaApplicationContent,
): CoronaReason[] {
  if (content.measure !== params.measure) return [];
  if (params.measure === 'bio_extra' && params.bioExtra && content.bioExtra) {
    const sectors = params.bioExtra.prioritisedSectors;
    if (sectors.length === 0) return [];
    const code = content.bioExtra.naceCode;
    const sector = sectors.find((s) => naceMatches(s.naceCodePrefix, code));
    return [
      sector
        ? reason(
            'prioritised_sector',
            {
              nb: `NACE ${code} er i en prioritert bransje: ${sector.name}`,
              en: `NACE ${code} is in a prioritised sector: ${sector.name}`,
            },
            'bioExtra.naceCode',
          )
        : reason(
            'sector_not_prioritised',
            {
              nb: `NACE ${code} er ikke blant utlysningens prioriterte bransjer (${sectors.map((s) => s.name).join(', ')})`,
              en: `NACE ${code} is not in the call's prioritised sectors (${sectors.map((s) => s.name).join(', ')})`,
            },
            'bioExtra.naceCode',
          ),
    ];
  }
  if (params.measure === 'apprentice_package' && params.apprenticePackage && content.apprenticePackage) {
    const p = params.apprenticePackage;
    const a = content.apprenticePackage;
    const advisories: CoronaReason[] = [];
    a.contracts.forEach((contract, index) => {
      const at = `apprenticePackage.contracts.${index}`;
      const ref = contractReference(contract);
      const name = {
        nb: `Kontrakt ${index + 1} (${ref ?? 'uten referanse'})`,
        en: `Contract ${index + 1} (${ref ?? 'no reference'})`,
      };
      if (p.prioritisedProgrammes.length > 0 && !p.prioritisedProgrammes.includes(contract.programme)) {
        advisories.push(
          reason(
            'programme_not_prioritised',
            {
              nb: `${name.nb}: lærefaget ${contract.programme} er ikke blant de prioriterte ${p.prioritisedProgrammes.join(', ')}`,
              en: `${name.en}: programme ${contract.programme} is not among the prioritised ${p.prioritisedProgrammes.join(', ')}`,
            },
            `${at}.programme`,
          ),
        );
      }
      const pkg = p.packages.find((candidate) => candidate.code === contract.packageCode);
      if (!contract.statutoryRight && pkg?.requiresStatutoryRight !== true) {
        advisories.push(
          reason(
            'statutory_right_not_held',
            {
              nb: `${name.nb}: kandidaten har ikke ungdomsrett; kandidater med ungdomsrett prioriteres`,
              en: `${name.en}: the candidate has no statutory right (ungdomsrett); candidates with it are prioritised`,
            },
            `${at}.statutoryRight`,
          ),
        );
      }
    });
    const entitlement = computeApprenticeEntitlement(p, a);
    if (entitlement.uncappedOre > entitlement.capOre) {
      advisories.push(reason('company_cap_applies', capApplies(describeEntitlement(entitlement))));
    }
    return advisories;
  }
  if (params.measure === 'fagbrev_pa_jobb' && params.fagbrevPaJobb && content.fagbrevPaJobb) {
    const advisories: CoronaReason[] = [];
    const laidOff = content.fagbrevPaJobb.contracts.filter((c) => c.laidOff).length;
    if (params.fagbrevPaJobb.prioritiseLaidOffCandidates && laidOff > 0) {
      advisories.push(
        reason(
          'laid_off_candidates_prioritised',
          {
            nb: `${laidOff} av ${content.fagbrevPaJobb.contracts.length} kandidater er permittert: prioriteres`,
            en: `${laidOff} of ${content.fagbrevPaJobb.contracts.length} candidates are laid off (permittert): prioritised`,
          },
          'fagbrevPaJobb.contracts',
        ),
      );
    }
    const entitlement = computeFagbrevEntitlement(params.fagbrevPaJobb, content.fagbrevPaJobb);
    if (entitlement.uncappedOre > entitlement.capOre) {
      advisories.push(reason('company_cap_applies', capApplies(describeEntitlement(entitlement))));
    }
    return advisories;
  }
  return [];
}

// ── Call parameters ─────────────────────────────────────────────────────────────────────────

function contractPeriodProblems(period: CoronaContractPeriod, at: string): CoronaReason[] {
  return period.to < period.from
    ? [
        reason(
          'invalid_contract_period',
          {
            nb: 'Signeringsperioden må slutte samme dag som eller etter at den starter',
            en: 'The signing period must end on or after its first day',
          },
          `${at}.contractPeriod.to`,
        ),
      ]
    : [];
}

/**
 * Checks a call's parameters as a whole (run when a call is created or edited, and by the tests on
 * the demo calls). Empty list = consistent.
 */
export function checkCoronaCallParameters(params: CoronaCallParameters): CoronaReason[] {
  const reasons: CoronaReason[] = [];
  const { window } = params;
  const opens = Date.parse(window.opensAt);
  if (window.closesAt !== undefined && Date.parse(window.closesAt) <= opens) {
    reasons.push(
      reason(
        'invalid_call_window',
        { nb: 'Utlysningen må stenge etter at den åpner', en: 'The call must close after it opens' },
        'window.closesAt',
      ),
    );
  }
  if (window.extensions !== undefined) {
    if (window.closesAt === undefined) {
      reasons.push(
        reason(
          'invalid_call_window',
          {
            nb: 'Bare en utlysning med frist kan få fristen forlenget',
            en: 'Only a call with a deadline can have it extended',
          },
          'window.extensions',
        ),
      );
    } else {
      const all = [window.closesAt, ...window.extensions].map((d) => Date.parse(d));
      if (all.some((d, i) => i > 0 && d <= all[i - 1])) {
        reasons.push(
          reason(
            'invalid_call_window',
            {
              nb: 'Hver forlengelse må komme etter fristen før den, tidligste først',
              en: 'Each extension must come after the deadline before it, earliest first',
            },
            'window.extensions',
          ),
        );
      }
    }
  }
  for (const measure of CORONA_MEASURES) {
    const section = CORONA_SECTION_OF[measure];
    const present = params[section] !== undefined;
    if (measure === params.measure && !present) reasons.push(...missingSection(measure, 'call'));
    if (measure !== params.measure && present) {
      reasons.push(
        reason(
          'foreign_section',
          {
            nb: `${section} hører til tiltaket ${measure}; denne utlysningen gjelder ${params.measure}`,
            en: `${section} belongs to measure ${measure}; this call is for ${params.measure}`,
          },
          section,
        ),
      );
    }
  }
  const bio = params.measure === 'bio_extra' ? params.bioExtra : undefined;
  if (bio) {
    const share = bio.minTrainingCostShare;
    if (share.numerator > share.denominator) {
      reasons.push(
        reason(
          'invalid_call_shares',
          { nb: 'Opplæringsandelen kan ikke være større enn 1', en: 'The training share cannot exceed 1' },
          'bioExtra.minTrainingCostShare',
        ),
      );
    }
    if (share.numerator > 0 && !bio.eligibleCostCategories.includes('provider_fees')) {
      reasons.push(
        reason(
          'invalid_call_shares',
          {
            nb: 'En minste opplæringsandel krever at kursavgifter er blant de støtteberettigede kostnadskategoriene',
            en: 'A minimum training share needs provider fees among the eligible cost categories',
          },
          'bioExtra.eligibleCostCategories',
        ),
      );
    }
    if (
      bio.stateAidBasis === 'gber_art31' &&
      bio.aidIntensityBasisPoints > GBER_TRAINING_AID_MAX_BASIS_POINTS
    ) {
      reasons.push(
        reason(
          'invalid_call_shares',
          {
            nb: `GBER art. 31 tillater en støtteintensitet på høyst ${formatBasisPoints(GBER_TRAINING_AID_MAX_BASIS_POINTS)}`,
            en: `GBER art. 31 allows at most ${formatBasisPoints(GBER_TRAINING_AID_MAX_BASIS_POINTS)} aid intensity`,
          },
          'bioExtra.aidIntensityBasisPoints',
        ),
      );
    }
  }
  const apprentice = params.measure === 'apprentice_package' ? params.apprenticePackage : undefined;
  if (apprentice) {
    reasons.push(...contractPeriodProblems(apprentice.contractPeriod, 'apprenticePackage'));
    const codes = apprentice.packages.map((p) => p.code);
    if (new Set(codes).size !== codes.length) {
      reasons.push(
        reason(
          'duplicate_package_code',
          { nb: 'Pakkekodene må være unike', en: 'Package codes must be unique' },
          'apprenticePackage.packages',
        ),
      );
    }
    apprentice.packages.forEach((p, i) => {
      if (p.ratePerContractOre === 0) {
        reasons.push(
          reason(
            'invalid_rate',
            {
              nb: `Pakken ${p.code} gir ingenting per kontrakt`,
              en: `Package ${p.code} pays nothing per contract`,
            },
            `apprenticePackage.packages.${i}.ratePerContractOre`,
          ),
        );
      }
    });
    if (apprentice.maxPerCompanyOre === 0) {
      reasons.push(
        reason(
          'invalid_rate',
          { nb: 'Taket per bedrift må være over null', en: 'The per-company cap must be above zero' },
          'apprenticePackage.maxPerCompanyOre',
        ),
      );
    }
  }
  const fagbrev = params.measure === 'fagbrev_pa_jobb' ? params.fagbrevPaJobb : undefined;
  if (fagbrev) {
    reasons.push(...contractPeriodProblems(fagbrev.contractPeriod, 'fagbrevPaJobb'));
    if (fagbrev.ratePerContractOre === 0) {
      reasons.push(
        reason(
          'invalid_rate',
          { nb: 'Satsen per kontrakt må være over null', en: 'The rate per contract must be above zero' },
          'fagbrevPaJobb.ratePerContractOre',
        ),
      );
    }
    if (fagbrev.maxPerCompanyOre === 0) {
      reasons.push(
        reason(
          'invalid_rate',
          { nb: 'Taket per bedrift må være over null', en: 'The per-company cap must be above zero' },
          'fagbrevPaJobb.maxPerCompanyOre',
        ),
      );
    }
  }
  return reasons;
}

// ── Final report ────────────────────────────────────────────────────────────────────────────

/** Every application contract reported exactly once, nothing else; an ended contract says when. */
function contractStatusReasons(
  contracts: readonly CoronaContract[],
  statuses: readonly CoronaContractStatus[],
  at: string,
): CoronaReason[] {
  const reasons: CoronaReason[] = [];
  const seen = new Set<string>();
  statuses.forEach((status, index) => {
    const field = `${at}.${index}`;
    const contract = contracts.find(
      (c) => c.candidateReference === status.reference || c.vigoContractNumber === status.reference,
    );
    if (contract === undefined) {
      reasons.push(
        reason(
          'unknown_contract',
          {
            nb: `${status.reference} er ikke en kontrakt i søknaden`,
            en: `${status.reference} is not a contract of the application`,
          },
          `${field}.reference`,
        ),
      );
      return;
    }
    const key = contractReference(contract) ?? status.reference;
    if (seen.has(key)) {
      reasons.push(
        reason(
          'contract_reported_twice',
          { nb: `${status.reference} er rapportert to ganger`, en: `${status.reference} is reported twice` },
          `${field}.reference`,
        ),
      );
    }
    seen.add(key);
    if (status.outcome !== 'ended' && status.endedOn !== undefined) {
      reasons.push(
        reason(
          'ended_on_without_end',
          {
            nb: `${status.reference} er ${OUTCOME_NB[status.outcome]}; bare en hevet kontrakt har sluttdato`,
            en: `${status.reference} is ${status.outcome}; only an ended contract has an end date`,
          },
          `${field}.endedOn`,
        ),
      );
    }
    if (status.outcome === 'ended' && status.endedOn !== undefined && status.endedOn < contract.signedOn) {
      reasons.push(
        reason(
          'ended_before_signed',
          {
            nb: `${status.reference} kan ikke slutte (${formatNorwegianDate(status.endedOn)}) før den ble signert (${formatNorwegianDate(contract.signedOn)})`,
            en: `${status.reference} cannot end (${status.endedOn}) before it was signed (${contract.signedOn})`,
          },
          `${field}.endedOn`,
        ),
      );
    }
  });
  contracts.forEach((contract) => {
    const key = contractReference(contract);
    if (key !== undefined && !seen.has(key)) {
      reasons.push(
        reason(
          'contract_not_reported',
          {
            nb: `Rapporter hvordan kontrakt ${key} står (løper, fullført eller hevet)`,
            en: `Report how contract ${key} stands (running, completed or ended)`,
          },
          at,
        ),
      );
    }
  });
  return reasons;
}

/** Checks a final report (sluttrapport) against its application. */
export function checkCoronaFinalReport(
  content: CoronaApplicationContent,
  report: CoronaFinalReport,
): CoronaReason[] {
  if (report.measure !== content.measure) {
    return [
      reason(
        'report_measure_mismatch',
        {
          nb: `Søknaden gjelder tiltaket ${content.measure}; rapporten gjelder ${report.measure}`,
          en: `The application is for measure ${content.measure}; the report is for ${report.measure}`,
        },
        'measure',
      ),
    ];
  }
  switch (content.measure) {
    case 'bio_extra': {
      const planned = content.bioExtra?.participants.count ?? 0;
      const completed = report.bioExtra?.participantsCompleted ?? 0;
      return completed <= planned
        ? []
        : [
            reason(
              'participants_completed_exceed_planned',
              {
                nb: `${completed} deltakere fullførte, men det var planlagt ${planned}`,
                en: `${completed} participants completed, but ${planned} were planned`,
              },
              'bioExtra.participantsCompleted',
            ),
          ];
    }
    case 'apprentice_package':
      return contractStatusReasons(
        content.apprenticePackage?.contracts ?? [],
        report.apprenticePackage?.contracts ?? [],
        'apprenticePackage.contracts',
      );
    case 'fagbrev_pa_jobb':
      return contractStatusReasons(
        content.fagbrevPaJobb?.contracts ?? [],
        report.fagbrevPaJobb?.contracts ?? [],
        'fagbrevPaJobb.contracts',
      );
  }
}

/** The last signing day of a flat-rate application's contracts (for when its report falls due). */
export function lastSigningDay(contracts: readonly CoronaContract[]): string {
  return contracts.reduce(
    (latest, c) => (c.signedOn > latest ? c.signedOn : latest),
    contracts[0]?.signedOn ?? '',
  );
}
