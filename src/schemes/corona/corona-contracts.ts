import { formatKroner, formatNok, formatNorwegianDate as d, mulDivFloor, sumOre } from '@lib/common';
import { schemeReason, type LocalizedText } from '@lib/engine';
import type {
  CoronaApprenticeApplication,
  CoronaContract,
  CoronaFagbrevApplication,
} from './corona-application.dto';
import type {
  CoronaApprenticePackageParameters,
  CoronaContractPeriod,
  CoronaFagbrevParameters,
} from './corona-call-parameters.dto';

/*
 * The flat-rate measures (apprentice package, Fagbrev på jobb): a fixed amount per contract that
 * proves eligibility. Here are the checks on one contract that do not depend on the moment of
 * submission (so the maximum grant can count the same contracts the rules accept) and the
 * entitlement: countable contracts × the rate, capped per company. Pure, integer øre.
 */

/** Why something fails; `field` is the dotted path in the application content. */
export interface CoronaReason {
  readonly code: string;
  /** The English sentence (`text.en`). */
  readonly message: string;
  readonly text: LocalizedText;
  readonly field?: string;
}

/** A reason said in bokmål and English; `message` is the English. */
export const reason = (code: string, text: LocalizedText, field?: string): CoronaReason =>
  schemeReason(code, text, field);

/** How a contract is referred to in messages and in the final report. */
export function contractReference(contract: CoronaContract): string | undefined {
  return contract.candidateReference ?? contract.vigoContractNumber;
}

const label = (contract: CoronaContract, index: number): LocalizedText => {
  const ref = contractReference(contract);
  const suffix = ref === undefined ? '' : ` (${ref})`;
  return { nb: `Kontrakt ${index + 1}${suffix}`, en: `Contract ${index + 1}${suffix}` };
};

/** A contract names its candidate pseudonymously, by Vigo number, or both; never by neither. */
function identifierReasons(contract: CoronaContract, index: number, at: string): CoronaReason[] {
  return contractReference(contract) === undefined
    ? [
        reason(
          'contract_identifier_missing',
          {
            nb: `Kontrakt ${index + 1} mangler kandidatreferanse eller Vigo-kontraktnummer`,
            en: `Contract ${index + 1} needs a candidate reference or a Vigo contract number`,
          },
          `${at}.${index}`,
        ),
      ]
    : [];
}

/** The same candidate reference or Vigo number twice is one contract claimed twice. */
function duplicateReasons(contracts: readonly CoronaContract[], index: number, at: string): CoronaReason[] {
  const contract = contracts[index];
  const earlier = contracts
    .slice(0, index)
    .findIndex(
      (other) =>
        (contract.candidateReference !== undefined &&
          other.candidateReference === contract.candidateReference) ||
        (contract.vigoContractNumber !== undefined &&
          other.vigoContractNumber === contract.vigoContractNumber),
    );
  return earlier === -1
    ? []
    : [
        reason(
          'duplicate_contract',
          {
            nb: `${label(contract, index).nb} er den samme kontrakten som kontrakt ${earlier + 1}`,
            en: `${label(contract, index).en} is the same contract as contract ${earlier + 1}`,
          },
          `${at}.${index}`,
        ),
      ];
}

/**
 * Only contracts signed in the period count: both ends are calendar days in Norway and both are
 * inclusive (signed on the last day: counts; the day after: does not).
 */
export function contractPeriodReasons(
  period: CoronaContractPeriod,
  contract: CoronaContract,
  index: number,
  at: string,
): CoronaReason[] {
  const field = `${at}.${index}.signedOn`;
  if (contract.signedOn < period.from) {
    return [
      reason(
        'contract_signed_before_period',
        {
          nb: `${label(contract, index).nb} ble signert ${d(contract.signedOn)}, før perioden som starter ${d(period.from)}; bare kontrakter signert fra ${d(period.from)} til ${d(period.to)} teller`,
          en: `${label(contract, index).en} was signed on ${contract.signedOn}, before the period starting ${period.from}; only contracts signed from ${period.from} to ${period.to} count`,
        },
        field,
      ),
    ];
  }
  if (contract.signedOn > period.to) {
    return [
      reason(
        'contract_signed_after_period',
        {
          nb: `${label(contract, index).nb} ble signert ${d(contract.signedOn)}, etter at perioden sluttet ${d(period.to)}; bare kontrakter signert fra ${d(period.from)} til ${d(period.to)} teller`,
          en: `${label(contract, index).en} was signed on ${contract.signedOn}, after the period ended on ${period.to}; only contracts signed from ${period.from} to ${period.to} count`,
        },
        field,
      ),
    ];
  }
  return [];
}

const APPRENTICE_AT = 'apprenticePackage.contracts';
const FAGBREV_AT = 'fagbrevPaJobb.contracts';

/** Every reason apprentice contract `index` does not count, apart from the moment of submission. */
export function apprenticeContractReasons(
  params: CoronaApprenticePackageParameters,
  application: CoronaApprenticeApplication,
  index: number,
): CoronaReason[] {
  const contract = application.contracts[index];
  const at = APPRENTICE_AT;
  const reasons = [
    ...identifierReasons(contract, index, at),
    ...duplicateReasons(application.contracts, index, at),
    ...contractPeriodReasons(params.contractPeriod, contract, index, at),
  ];
  if (params.candidateMustResideInCounty && !contract.candidateResidesInCounty) {
    reasons.push(
      reason(
        'candidate_outside_county',
        {
          nb: `${label(contract, index).nb}: kandidaten må bo i fylket`,
          en: `${label(contract, index).en}: the candidate must live in the county`,
        },
        `${at}.${index}.candidateResidesInCounty`,
      ),
    );
  }
  const pkg = params.packages.find((p) => p.code === contract.packageCode);
  if (pkg === undefined) {
    reasons.push(
      reason(
        'unknown_package',
        {
          nb: `${label(contract, index).nb}: pakken ${contract.packageCode} finnes ikke i denne utlysningen; velg ${params.packages.map((p) => p.code).join(', ')}`,
          en: `${label(contract, index).en}: package ${contract.packageCode} is not in this call; choose ${params.packages.map((p) => p.code).join(', ')}`,
        },
        `${at}.${index}.packageCode`,
      ),
    );
    return reasons;
  }
  if (pkg.requiresNewPlacement && !contract.newPlacement) {
    reasons.push(
      reason(
        'new_placement_required',
        {
          nb: `${label(contract, index).nb}: pakken «${pkg.name}» gjelder bare nye læreplasser`,
          en: `${label(contract, index).en}: the package "${pkg.name}" is only for new apprenticeship places`,
        },
        `${at}.${index}.newPlacement`,
      ),
    );
  }
  if (pkg.requiresStatutoryRight && !contract.statutoryRight) {
    reasons.push(
      reason(
        'statutory_right_required',
        {
          nb: `${label(contract, index).nb}: pakken «${pkg.name}» gjelder bare kandidater med ungdomsrett`,
          en: `${label(contract, index).en}: the package "${pkg.name}" is only for candidates with the statutory right (ungdomsrett)`,
        },
        `${at}.${index}.statutoryRight`,
      ),
    );
  }
  if (pkg.minPriorLayoffWeeks > 0 && application.longestApprenticeLayoffWeeks < pkg.minPriorLayoffWeeks) {
    reasons.push(
      reason(
        'prior_layoff_too_short',
        {
          nb: `${label(contract, index).nb}: pakken «${pkg.name}» krever at en lærling i bedriften var 100 % permittert i minst ${pkg.minPriorLayoffWeeks} uker (oppgitt: ${application.longestApprenticeLayoffWeeks})`,
          en: `${label(contract, index).en}: the package "${pkg.name}" requires that an apprentice of the company was 100 % laid off for at least ${pkg.minPriorLayoffWeeks} weeks (stated: ${application.longestApprenticeLayoffWeeks})`,
        },
        'apprenticePackage.longestApprenticeLayoffWeeks',
      ),
    );
  }
  return reasons;
}

/** Every reason Fagbrev på jobb contract `index` does not count, apart from the moment of submission. */
export function fagbrevContractReasons(
  params: CoronaFagbrevParameters,
  application: CoronaFagbrevApplication,
  index: number,
): CoronaReason[] {
  const contract = application.contracts[index];
  const at = FAGBREV_AT;
  return [
    ...identifierReasons(contract, index, at),
    ...duplicateReasons(application.contracts, index, at),
    ...contractPeriodReasons(params.contractPeriod, contract, index, at),
    ...(contract.employedByApplicant
      ? []
      : [
          reason(
            'candidate_not_employee',
            {
              nb: `${label(contract, index).nb}: Fagbrev på jobb gjelder søkerens egne ansatte`,
              en: `${label(contract, index).en}: Fagbrev på jobb is for the applicant's own employees`,
            },
            `${at}.${index}.employedByApplicant`,
          ),
        ]),
  ];
}

/** Contracts signed after `today` (the Norwegian date of submission) cannot prove anything yet. */
export function futureContractReasons(
  contracts: readonly CoronaContract[],
  today: string,
  at: string,
): CoronaReason[] {
  return contracts.flatMap((contract, index) =>
    contract.signedOn > today
      ? [
          reason(
            'contract_signed_in_future',
            {
              nb: `${label(contract, index).nb} er datert ${d(contract.signedOn)}, etter i dag (${d(today)}); søk når den er signert`,
              en: `${label(contract, index).en} is dated ${contract.signedOn}, after today (${today}); apply once it is signed`,
            },
            `${at}.${index}.signedOn`,
          ),
        ]
      : [],
  );
}

export interface CoronaPackageLine {
  readonly code: string;
  readonly name: string;
  /** Countable contracts under the package. */
  readonly contracts: number;
  readonly rateOre: number;
  /** contracts × rate. */
  readonly amountOre: number;
}

export interface CoronaFlatRateEntitlement {
  /** Per package (one line for Fagbrev på jobb), packages without contracts left out. */
  readonly lines: readonly CoronaPackageLine[];
  readonly countedContracts: number;
  /** Σ contracts × rate, before the cap. */
  readonly uncappedOre: number;
  readonly capOre: number;
  /** min(uncapped, cap): the most the application can be granted. */
  readonly entitlementOre: number;
}

function entitlement(lines: CoronaPackageLine[], capOre: number): CoronaFlatRateEntitlement {
  const uncappedOre = sumOre(lines.map((l) => l.amountOre));
  return {
    lines,
    countedContracts: lines.reduce((n, l) => n + l.contracts, 0),
    uncappedOre,
    capOre,
    entitlementOre: Math.min(uncappedOre, capOre),
  };
}

/**
 * The apprentice package grant: the number of countable contracts × their package's rate, summed
 * over packages and capped per company (Trøndelag 2020: at most 50 000 NOK, also for two packages).
 *
 * Example: 1 contract under "etter permittering" (35 000) + 1 under "ny læreplass" (25 000) =
 * 60 000, capped at 50 000 NOK.
 */
export function computeApprenticeEntitlement(
  params: CoronaApprenticePackageParameters,
  application: CoronaApprenticeApplication,
): CoronaFlatRateEntitlement {
  const counted = application.contracts.filter(
    (_, index) => apprenticeContractReasons(params, application, index).length === 0,
  );
  const lines = params.packages
    .map((pkg) => {
      const contracts = counted.filter((c) => c.packageCode === pkg.code).length;
      return {
        code: pkg.code,
        name: pkg.name,
        contracts,
        rateOre: pkg.ratePerContractOre,
        amountOre: mulDivFloor(pkg.ratePerContractOre, contracts, 1),
      };
    })
    .filter((line) => line.contracts > 0);
  return entitlement(lines, params.maxPerCompanyOre);
}

/** The Fagbrev på jobb grant: countable contracts × the rate, capped per company. */
export function computeFagbrevEntitlement(
  params: CoronaFagbrevParameters,
  application: CoronaFagbrevApplication,
): CoronaFlatRateEntitlement {
  const contracts = application.contracts.filter(
    (_, index) => fagbrevContractReasons(params, application, index).length === 0,
  ).length;
  const lines =
    contracts === 0
      ? []
      : [
          {
            code: 'fagbrev_pa_jobb',
            name: 'Fagbrev på jobb',
            contracts,
            rateOre: params.ratePerContractOre,
            amountOre: mulDivFloor(params.ratePerContractOre, contracts, 1),
          },
        ];
  return entitlement(lines, params.maxPerCompanyOre);
}

/**
 * "2 × 25 000 NOK (Ny læreplass) + 1 × 35 000 NOK (…) = 85 000 NOK, capped at 50 000 NOK", and the
 * same in bokmål ("… = 85 000 kr, begrenset til 50 000 kr per bedrift").
 */
export function describeEntitlement(e: CoronaFlatRateEntitlement): LocalizedText {
  if (e.lines.length === 0)
    return {
      nb: 'ingen kontrakt teller, så ingenting kan innvilges',
      en: 'no contract counts, so nothing can be granted',
    };
  const sum = (kr: (ore: number) => string) =>
    e.lines.map((l) => `${l.contracts} × ${kr(l.rateOre)} (${l.name})`).join(' + ');
  const capped = e.uncappedOre > e.capOre;
  return {
    nb: `${sum(formatKroner)} = ${formatKroner(e.uncappedOre)}${capped ? `, begrenset til ${formatKroner(e.capOre)} per bedrift` : ''}`,
    en: `${sum(formatNok)} = ${formatNok(e.uncappedOre)}${capped ? `, capped at ${formatNok(e.capOre)} per company` : ''}`,
  };
}
