import { deepFreeze, nok } from '@lib/common';
import { DEFAULT_REPORT_FOLLOW_UP } from '@lib/engine';
import type { EligibilityRule } from '@lib/engine';
import type { DemoCall } from '../scheme-plugin';
import type { CoronaCallParameters } from './corona-call-parameters.dto';

/*
 * The corona measures' demo calls, one per measure, each on its own frame (ramme).
 *
 * The original windows are history (2020–2021). The demo keeps each call's real structure and
 * amounts but moves its dates so that the calls are open around the demo date (23 November 2026):
 * - extraordinary BIO money, Trøndelag: the BIO2 2020 deadline of 1 June, extended to 1 October and
 *   then to 30 November (§2.1.2), kept day for day but in 2026;
 * - the apprentice package: the real two-month window 01.07.2020–01.09.2020 (also the period in
 *   which contracts must be signed, §2.5) becomes 01.11.2026–01.01.2027;
 * - Fagbrev på jobb: the same two months as the apprentice package it is funded from.
 * The unit tests check the real 2020 boundaries with parameters holding the 2020 dates.
 *
 * Figures marked [ASSUMPTION] are not in the domain research and are the engine's choice.
 */

/** Private undertakings that may hold apprentices or run training; training offices are often associations. */
const PRIVATE_FORMS = ['AS', 'ASA', 'ENK', 'ANS', 'DA', 'SA', 'NUF', 'STI', 'FLI'];

const inCounty = (countyCode: string): EligibilityRule => ({ rule: 'county', countyCodes: [countyCode] });

/** Trøndelag 2020: priority to sectors hit by corona: tourism, culture, small-scale food, restaurants (§2.1.2). */
const TRONDELAG_PRIORITISED_SECTORS = [
  { naceCodePrefix: '55', name: 'Overnattingsvirksomhet (reiseliv)' },
  { naceCodePrefix: '79', name: 'Reisebyrå- og reisearrangørvirksomhet (reiseliv)' },
  { naceCodePrefix: '56', name: 'Serveringsvirksomhet (restauranter)' },
  { naceCodePrefix: '90', name: 'Kunstnerisk virksomhet og underholdning (kultur)' },
  { naceCodePrefix: '91', name: 'Bibliotek, museer og kulturminner (kultur)' },
  { naceCodePrefix: '10', name: 'Produksjon av nærings- og nytelsesmidler (småskala mat)' },
  { naceCodePrefix: '11', name: 'Produksjon av drikkevarer (småskala mat)' },
];

/**
 * Extraordinary BIO money, Trøndelag. Figures: BIO1 "up to 60 %" and up to 300 000 NOK for small
 * companies (§2.1.2, Trøndelag 2020); 500 000 NOK for larger ones and 100 000 NOK per employee, ≤ 10 %
 * travel and administration (Trøndelag's BIO page); BIO2 up to 250 employees; training ≥ 1/3 (NAV
 * baseline); 52 weeks (Trøndelag 2022); the covid "not in difficulty on 31.12.2019" exception
 * (Innlandet 2021). [ASSUMPTION] 24 months to complete (the "extended" period; ordinary BIO: 18),
 * opening on 1 April.
 */
export const TRONDELAG_BIO_EXTRA_PARAMETERS: CoronaCallParameters = deepFreeze({
  measure: 'bio_extra',
  window: {
    opensAt: '2026-04-01T08:00:00+02:00',
    closesAt: '2026-06-01T23:59:59+02:00',
    extensions: ['2026-10-01T23:59:59+02:00', '2026-11-30T23:59:59+01:00'],
  },
  eligibility: [
    inCounty('50'),
    { rule: 'organisation_form', forms: PRIVATE_FORMS },
    { rule: 'min_employees', count: 1 },
    { rule: 'employees_below', count: 251 },
  ],
  delegationThresholdOre: nok(500_000),
  acceptanceDays: 21,
  advancePaymentBasisPoints: 0,
  ...DEFAULT_REPORT_FOLLOW_UP,
  bioExtra: {
    stateAidBasis: 'gber_art31',
    aidIntensityBasisPoints: 6000,
    maxGrantBySize: {
      smallBelowEmployees: 50,
      smallCompanyMaxOre: nok(300_000),
      otherCompanyMaxOre: nok(500_000),
    },
    maxGrantPerParticipantOre: nok(100_000),
    minTrainingCostShare: { numerator: 1, denominator: 3 },
    maxTravelAndAdministrationBasisPoints: 1000,
    eligibleCostCategories: ['participant_wages', 'provider_fees', 'travel_subsistence', 'administration'],
    maxWeeksPerParticipant: 52,
    completionMonths: 24,
    startNotBeforeApplicationDate: true,
    difficultyReferenceDate: '2019-12-31',
    prioritisedSectors: TRONDELAG_PRIORITISED_SECTORS,
  },
});

/**
 * Extraordinary BIO money, Rogaland: its 2021 share of the national 300 MNOK (§2.5). Rules from
 * Rogaland BIO 2023 (§2.1.2): at most 250 employees, at most 26 weeks. [ASSUMPTION] intensity 50 %
 * (the GBER art. 31 base), caps as Trøndelag's, 24 months, open from the day the money was paid
 * (6 April) to 15 December; no prioritised sectors are known.
 */
export const ROGALAND_BIO_EXTRA_PARAMETERS: CoronaCallParameters = deepFreeze({
  measure: 'bio_extra',
  window: { opensAt: '2026-04-06T08:00:00+02:00', closesAt: '2026-12-15T23:59:59+01:00' },
  eligibility: [
    inCounty('11'),
    { rule: 'organisation_form', forms: PRIVATE_FORMS },
    { rule: 'min_employees', count: 1 },
    { rule: 'employees_below', count: 251 },
  ],
  delegationThresholdOre: nok(500_000),
  acceptanceDays: 21,
  advancePaymentBasisPoints: 0,
  ...DEFAULT_REPORT_FOLLOW_UP,
  bioExtra: {
    stateAidBasis: 'gber_art31',
    aidIntensityBasisPoints: 5000,
    maxGrantBySize: {
      smallBelowEmployees: 50,
      smallCompanyMaxOre: nok(300_000),
      otherCompanyMaxOre: nok(500_000),
    },
    maxGrantPerParticipantOre: nok(100_000),
    minTrainingCostShare: { numerator: 1, denominator: 3 },
    maxTravelAndAdministrationBasisPoints: 1000,
    eligibleCostCategories: ['participant_wages', 'provider_fees', 'travel_subsistence', 'administration'],
    maxWeeksPerParticipant: 26,
    completionMonths: 24,
    startNotBeforeApplicationDate: true,
    difficultyReferenceDate: '2019-12-31',
    prioritisedSectors: [],
  },
});

/**
 * Trøndelag's apprentice package (Tiltakspakke formidling, FU-sak 161/20, §2.5): only contracts
 * signed in the window; the candidate registered in Vigo and living in Trøndelag; the hardest-hit
 * programmes (Design og håndverk, Medier og kommunikasjon, Restaurant- og matfag, Service og
 * samferdsel) and candidates with ungdomsrett prioritised; at most 50 000 NOK per company over two
 * packages; up to 35 000 NOK where an apprentice had been 100 % laid off for at least two weeks and a
 * new apprentice with ungdomsrett is taken in. [ASSUMPTION] The research names three packages but
 * not the other two: a new apprenticeship place and taking over an apprentice who lost the place
 * (as in part 2, §2.5), 25 000 NOK each; half paid on acceptance and half on the report (as the
 * 2021/22 round's two instalments).
 */
export const TRONDELAG_APPRENTICE_PACKAGE_PARAMETERS: CoronaCallParameters = deepFreeze({
  measure: 'apprentice_package',
  window: { opensAt: '2026-11-01T00:00:00+01:00', closesAt: '2027-01-01T23:59:59+01:00' },
  eligibility: [inCounty('50'), { rule: 'organisation_form', forms: PRIVATE_FORMS }],
  delegationThresholdOre: nok(500_000),
  acceptanceDays: 21,
  advancePaymentBasisPoints: 5000,
  ...DEFAULT_REPORT_FOLLOW_UP,
  apprenticePackage: {
    contractPeriod: { from: '2026-11-01', to: '2027-01-01' },
    packages: [
      {
        code: 'etter_permittering',
        name: 'Ny lærling etter permittering',
        ratePerContractOre: nok(35_000),
        requiresNewPlacement: false,
        requiresStatutoryRight: true,
        minPriorLayoffWeeks: 2,
      },
      {
        code: 'ny_laereplass',
        name: 'Ny læreplass',
        ratePerContractOre: nok(25_000),
        requiresNewPlacement: true,
        requiresStatutoryRight: false,
        minPriorLayoffWeeks: 0,
      },
      {
        code: 'overtatt_laerling',
        name: 'Overtakelse av lærling uten læreplass',
        ratePerContractOre: nok(25_000),
        requiresNewPlacement: false,
        requiresStatutoryRight: false,
        minPriorLayoffWeeks: 0,
      },
    ],
    maxPerCompanyOre: nok(50_000),
    prioritisedProgrammes: ['DH', 'MK', 'RM', 'SS'],
    candidateMustResideInCounty: true,
  },
});

/**
 * Fagbrev på jobb, Trøndelag, funded by money moved from the apprentice package (Vestland used part
 * of the corona money for it and prioritised laid-off staff, §2.5). [ASSUMPTION] 30 000 NOK per new
 * contract, at most 150 000 NOK per company, municipalities included (they train many adults).
 */
export const TRONDELAG_FAGBREV_PARAMETERS: CoronaCallParameters = deepFreeze({
  measure: 'fagbrev_pa_jobb',
  window: { opensAt: '2026-11-01T00:00:00+01:00', closesAt: '2027-01-01T23:59:59+01:00' },
  eligibility: [inCounty('50'), { rule: 'organisation_form', forms: [...PRIVATE_FORMS, 'KOMM'] }],
  delegationThresholdOre: nok(500_000),
  acceptanceDays: 21,
  advancePaymentBasisPoints: 5000,
  ...DEFAULT_REPORT_FOLLOW_UP,
  fagbrevPaJobb: {
    contractPeriod: { from: '2026-11-01', to: '2027-01-01' },
    ratePerContractOre: nok(30_000),
    maxPerCompanyOre: nok(150_000),
    prioritiseLaidOffCandidates: true,
  },
});

/** The apprentice package was 5 MNOK (FU-sak 161/20); the demo moves 500 000 NOK of it to Fagbrev på jobb. */
const APPRENTICE_PACKAGE_ORE = nok(5_000_000);
const MOVED_TO_FAGBREV_ORE = nok(500_000);

export const CORONA_DEMO_CALLS: readonly DemoCall[] = [
  {
    countyCode: '50',
    year: 2026,
    title: 'Tiltakspakke for lærlinger (korona) 2026 – Trøndelag',
    frame: {
      name: 'Korona: lærlingpakke 2026',
      allocationOre: APPRENTICE_PACKAGE_ORE - MOVED_TO_FAGBREV_ORE,
      reason:
        'Tiltakspakke formidling: 5 000 000 NOK adopted in FU-sak 161/20, less 500 000 NOK reallocated (omdisponert) to Fagbrev på jobb',
      caseReference: 'FU-sak 161/20',
    },
    parameters: TRONDELAG_APPRENTICE_PACKAGE_PARAMETERS,
  },
  {
    countyCode: '50',
    year: 2026,
    title: 'Fagbrev på jobb (korona) 2026 – Trøndelag',
    frame: {
      name: 'Korona: Fagbrev på jobb 2026',
      allocationOre: MOVED_TO_FAGBREV_ORE,
      reason:
        'Reallocated (omdisponert) from the apprentice package (FU-sak 161/20); the seed records the reallocation as this allocation',
    },
    parameters: TRONDELAG_FAGBREV_PARAMETERS,
  },
  {
    countyCode: '50',
    year: 2026,
    title: 'Ekstraordinære BIO-midler (korona) 2026 – Trøndelag',
    frame: {
      name: 'Korona: ekstraordinære BIO-midler 2026',
      allocationOre: nok(26_215_000),
      reason:
        "Extraordinary BIO money, Prop. 79 S and Prop. 94 LS (2020–2021): Trøndelag's share 17 477 000 + 8 738 000 NOK, distributed per inhabitant",
    },
    parameters: TRONDELAG_BIO_EXTRA_PARAMETERS,
  },
  {
    countyCode: '11',
    year: 2026,
    title: 'Ekstraordinære BIO-midler (korona) 2026 – Rogaland',
    frame: {
      name: 'Korona: ekstraordinære BIO-midler 2026',
      allocationOre: nok(26_856_000),
      reason:
        "Extraordinary BIO money, Prop. 79 S and Prop. 94 LS (2020–2021): Rogaland's share 17 904 000 + 8 952 000 NOK, distributed per inhabitant",
    },
    parameters: ROGALAND_BIO_EXTRA_PARAMETERS,
  },
];
