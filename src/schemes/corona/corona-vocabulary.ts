import {
  TRAINING_AID_BASES,
  TRAINING_COST_CATEGORIES,
  type TrainingAidBasis,
  type TrainingCostCategory,
} from '@lib/engine';

/**
 * Closed vocabularies of the corona measures (koronatiltak 2020–2021, domain research §2.5): one
 * scheme whose call chooses the measure, so that every measure has its own call, frame (ramme) and
 * parameters while the lifecycle, the case reference series and the reports stay one scheme.
 */

/** The scheme id under which the corona measures register with the engine. */
export const CORONA_SCHEME_ID = 'corona';

/**
 * The measures a corona call can run:
 * - `bio_extra`: extraordinary BIO money (ekstraordinære BIO-midler), a cost-based training grant
 *   with its own frame, prioritised sectors and extended deadlines;
 * - `apprentice_package`: a fixed amount per new apprentice contract (tiltakspakke formidling);
 * - `fagbrev_pa_jobb`: a fixed amount per new Fagbrev på jobb contract (trade certificate at work).
 */
export const CORONA_MEASURES = ['bio_extra', 'apprentice_package', 'fagbrev_pa_jobb'] as const;
export type CoronaMeasure = (typeof CORONA_MEASURES)[number];

/** The property that holds a measure's section, in call parameters, applications and reports. */
export const CORONA_SECTION_OF = {
  bio_extra: 'bioExtra',
  apprentice_package: 'apprenticePackage',
  fagbrev_pa_jobb: 'fagbrevPaJobb',
} as const satisfies Record<CoronaMeasure, string>;
export type CoronaSection = (typeof CORONA_SECTION_OF)[CoronaMeasure];

/** Who reads a measure's name in a message. */
export const CORONA_MEASURE_NAMES: Readonly<Record<CoronaMeasure, string>> = {
  bio_extra: 'extraordinary BIO money',
  apprentice_package: 'the apprentice package',
  fagbrev_pa_jobb: 'Fagbrev på jobb',
};

/** Legal basis of the BIO aid: GBER art. 31 (training aid) or de minimis (bagatellmessig støtte), §4.5. */
export const CORONA_STATE_AID_BASES = TRAINING_AID_BASES;
export type CoronaStateAidBasis = TrainingAidBasis;

/** Cost plan (kostnadsplan) categories of the extraordinary BIO money: training aid's, as in ordinary BIO (§2.1.2). */
export const CORONA_COST_CATEGORIES = TRAINING_COST_CATEGORIES;
export type CoronaCostCategory = TrainingCostCategory;

/** How a contract stands when the company reports: still running, completed (fagprøve), or ended early (hevet). */
export const CORONA_CONTRACT_OUTCOMES = ['running', 'completed', 'ended'] as const;
export type CoronaContractOutcome = (typeof CORONA_CONTRACT_OUTCOMES)[number];

/**
 * A flat-rate contract grant's final report is due this many months after the last contract was
 * signed (plus the lifecycle's 30 days): it confirms the contracts survived their first half-year.
 * [ASSUMPTION] A constant, because `projectEndsAt` sees only the application, not the call.
 */
export const CORONA_CONTRACT_FOLLOW_UP_MONTHS = 6;

/**
 * A pseudonymous candidate reference: letters, digits, - and _, and never an 11-digit national
 * identity number (fødselsnummer): the grant needs proof of the contract, not the person (§4.4).
 */
export const CORONA_CANDIDATE_REFERENCE_PATTERN = /^(?!\d{11}$)[A-Za-z0-9_-]{2,40}$/;

/** A contract number as issued by Vigo (the counties' school and apprenticeship register). */
export const CORONA_VIGO_CONTRACT_NUMBER_PATTERN = /^[A-Za-z0-9-]{4,40}$/;

/** A NACE (SN2007) code as Brønnøysund writes it: `56.101`, `55.1`, `90`. */
export const CORONA_NACE_CODE_PATTERN = /^\d{2}(\.\d{1,3})?$/;

/** An education programme code (utdanningsprogram), e.g. RM Restaurant- og matfag. */
export const CORONA_PROGRAMME_CODE_PATTERN = /^[A-Z]{2}$/;
