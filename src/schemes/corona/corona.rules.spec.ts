import { nok } from '@lib/common';
import type { SchemeOrganisation } from '@lib/engine';
import type {
  CoronaApplicationContent,
  CoronaApprenticeApplication,
  CoronaApprenticeContract,
  CoronaBioExtraApplication,
  CoronaFagbrevContract,
  CoronaFinalReport,
} from './corona-application.dto';
import type { CoronaCallParameters } from './corona-call-parameters.dto';
import {
  CORONA_TEST_NOW,
  newApprentice2020CallParameters,
  newApprenticeApplication,
  newApprenticeCallParameters,
  newApprenticeContract,
  newBioExtraApplication,
  newBioExtraCallParameters,
  newCoronaOrganisation,
  newFagbrevApplication,
  newFagbrevCallParameters,
  newFagbrevContract,
} from './corona-testing';
import {
  checkCoronaEligibility,
  checkCoronaFinalReport,
  coronaAdvisories,
  naceMatches,
} from './corona.rules';

interface Case {
  params: CoronaCallParameters;
  content: CoronaApplicationContent;
  organisation?: Partial<SchemeOrganisation>;
  now?: Date | string;
}

function reasons({ params, content, organisation, now = CORONA_TEST_NOW }: Case) {
  return checkCoronaEligibility({
    params,
    content,
    organisation: newCoronaOrganisation(organisation),
    now: new Date(now),
  });
}

const codes = (c: Case) => reasons(c).map((r) => r.code);

// ── The 2020 apprentice package: contracts signed 01.07.2020–01.09.2020 ───────────────────────

/** One contract under the real 2020 parameters, submitted late on the last day of the window in Norway. */
function apprentice2020(contract: Partial<CoronaApprenticeContract>, now = '2020-09-01T23:30:00+02:00') {
  return codes({
    params: newApprentice2020CallParameters(),
    content: newApprenticeApplication({
      contracts: [newApprenticeContract({ signedOn: '2020-08-03', ...contract })],
      requestedGrantOre: nok(35_000),
    }),
    now,
  });
}

describe('the apprentice package under the real 2020 window (01.07.2020–01.09.2020)', () => {
  it('counts a contract signed on the last day, 1 September 2020', () => {
    expect(apprentice2020({ signedOn: '2020-09-01' })).toEqual([]);
  });

  it('refuses a contract signed the day after the window closed, 2 September 2020', () => {
    const found = reasons({
      params: newApprentice2020CallParameters(),
      content: newApprenticeApplication({
        contracts: [newApprenticeContract({ signedOn: '2020-09-02' })],
        requestedGrantOre: nok(35_000),
      }),
      now: '2020-09-02T09:00:00+02:00',
    });
    // Submitted on 2 September the call itself is closed too; both reasons are named.
    expect(found.map((r) => r.code)).toEqual([
      'call_closed',
      'contract_signed_after_period',
      'grant_exceeds_entitlement',
    ]);
    expect(found[1]).toMatchObject({
      field: 'apprenticePackage.contracts.0.signedOn',
      message: expect.stringContaining('signed on 2020-09-02, after the period ended on 2020-09-01'),
    });
  });

  it('refuses a contract signed after the period even while the call is still open', () => {
    const params = newApprentice2020CallParameters();
    const stillOpen = { ...params, window: { ...params.window, closesAt: '2020-09-30T23:59:59+02:00' } };
    expect(
      codes({
        params: stillOpen,
        content: newApprenticeApplication({
          contracts: [newApprenticeContract({ signedOn: '2020-09-02' })],
          requestedGrantOre: nok(35_000),
        }),
        now: '2020-09-10T09:00:00+02:00',
      }),
    ).toEqual(['contract_signed_after_period', 'grant_exceeds_entitlement']);
  });

  it('counts a contract signed on the first day, 1 July 2020, and refuses one from 30 June', () => {
    expect(apprentice2020({ signedOn: '2020-07-01' })).toEqual([]);
    expect(apprentice2020({ signedOn: '2020-06-30' })).toEqual([
      'contract_signed_before_period',
      'grant_exceeds_entitlement',
    ]);
  });

  it('takes applications until 23:59:59 on 1 September in Norway (21:59:59 UTC), not at midnight', () => {
    expect(apprentice2020({ signedOn: '2020-09-01' }, '2020-09-01T21:59:59Z')).toEqual([]);
    expect(apprentice2020({ signedOn: '2020-09-01' }, '2020-09-01T22:00:00Z')).toEqual(['call_closed']);
  });

  it('opens at midnight on 1 July in Norway, which is still 30 June in UTC', () => {
    expect(apprentice2020({ signedOn: '2020-07-01' }, '2020-06-30T22:00:00Z')).toEqual([]);
    // A second earlier it is 30 June in Norway: the call is not open, and a contract of 1 July lies ahead.
    expect(apprentice2020({ signedOn: '2020-07-01' }, '2020-06-30T21:59:59Z')).toEqual([
      'call_not_open',
      'contract_signed_in_future',
    ]);
  });

  it('judges "signed in the future" by the Norwegian calendar day of the submission', () => {
    // 00:30 on 1 September in Norway is 22:30 on 31 August in UTC: a contract of 1 September is not in the future.
    expect(apprentice2020({ signedOn: '2020-09-01' }, '2020-08-31T22:30:00Z')).toEqual([]);
    // 23:30 on 31 August in Norway: it is.
    expect(apprentice2020({ signedOn: '2020-09-01' }, '2020-08-31T21:30:00Z')).toEqual([
      'contract_signed_in_future',
    ]);
  });
});

// ── Apprentice package rules ────────────────────────────────────────────────────────────────

function apprentice(
  overrides: Partial<CoronaApprenticeApplication>,
  organisation?: Partial<SchemeOrganisation>,
) {
  return codes({
    params: newApprenticeCallParameters(),
    content: newApprenticeApplication(overrides),
    organisation,
  });
}

describe('apprentice package rules', () => {
  it('finds nothing wrong with the default application under the Trøndelag demo call', () => {
    expect(apprentice({})).toEqual([]);
  });

  it('refuses an application whose measure differs from the call, with that one reason', () => {
    const found = reasons({ params: newBioExtraCallParameters(), content: newApprenticeApplication() });
    expect(found).toEqual([
      {
        code: 'measure_mismatch',
        field: 'measure',
        message:
          'This call is for extraordinary BIO money (measure bio_extra); the application is for apprentice_package',
        text: {
          nb: 'Denne utlysningen gjelder ekstraordinære BIO-midler (tiltak bio_extra); søknaden gjelder apprentice_package',
          en: 'This call is for extraordinary BIO money (measure bio_extra); the application is for apprentice_package',
        },
      },
    ]);
  });

  it("applies the call's who-may-apply rules: county and organisation form", () => {
    expect(apprentice({}, { municipalityNumber: '1103', countyCode: '11' })).toEqual(['outside_county']);
    expect(apprentice({}, { form: 'KOMM' })).toEqual(['organisation_form_not_eligible']);
  });

  it('needs a candidate reference or a Vigo contract number, either one is enough', () => {
    const contract = (c: Partial<CoronaApprenticeContract>) => [{ ...newApprenticeContract(), ...c }];
    expect(
      apprentice({ contracts: contract({ candidateReference: undefined }), requestedGrantOre: nok(35_000) }),
    ).toEqual([]);
    expect(
      apprentice({ contracts: contract({ vigoContractNumber: undefined }), requestedGrantOre: nok(35_000) }),
    ).toEqual([]);
    expect(
      apprentice({
        contracts: contract({ candidateReference: undefined, vigoContractNumber: undefined }),
        requestedGrantOre: nok(35_000),
      }),
    ).toEqual(['contract_identifier_missing', 'grant_exceeds_entitlement']);
  });

  it('refuses the same contract twice (by candidate reference or by Vigo number)', () => {
    const first = newApprenticeContract();
    expect(
      apprentice({
        contracts: [first, newApprenticeContract({ vigoContractNumber: 'V-50-2026-99999' })],
        requestedGrantOre: nok(35_000),
      }),
    ).toEqual(['duplicate_contract']);
    expect(
      apprentice({
        contracts: [first, newApprenticeContract({ candidateReference: 'TFK-OTHER' })],
        requestedGrantOre: nok(35_000),
      }),
    ).toEqual(['duplicate_contract']);
  });

  it('refuses a package the call does not have', () => {
    expect(apprentice({ contracts: [newApprenticeContract({ packageCode: 'bonus' })] })).toEqual([
      'unknown_package',
      'grant_exceeds_entitlement',
    ]);
  });

  it('"etter permittering" needs the statutory right and an apprentice laid off for at least 2 weeks', () => {
    const one = (c: Partial<CoronaApprenticeContract>, weeks = 3) =>
      apprentice({
        contracts: [newApprenticeContract(c)],
        longestApprenticeLayoffWeeks: weeks,
        requestedGrantOre: nok(35_000),
      });
    expect(one({}, 2)).toEqual([]);
    expect(one({}, 1)).toEqual(['prior_layoff_too_short', 'grant_exceeds_entitlement']);
    expect(one({ statutoryRight: false })).toEqual(['statutory_right_required', 'grant_exceeds_entitlement']);
  });

  it('"ny læreplass" needs a new apprenticeship place', () => {
    const one = (newPlacement: boolean) =>
      apprentice({
        contracts: [newApprenticeContract({ packageCode: 'ny_laereplass', newPlacement })],
        requestedGrantOre: nok(25_000),
      });
    expect(one(true)).toEqual([]);
    expect(one(false)).toEqual(['new_placement_required', 'grant_exceeds_entitlement']);
  });

  it('refuses a candidate living outside the county when the call requires it', () => {
    const content = {
      contracts: [newApprenticeContract({ candidateResidesInCounty: false })],
      requestedGrantOre: nok(35_000),
    };
    expect(apprentice(content)).toEqual(['candidate_outside_county', 'grant_exceeds_entitlement']);
    expect(
      codes({
        params: newApprenticeCallParameters({ candidateMustResideInCounty: false }),
        content: newApprenticeApplication(content),
      }),
    ).toEqual([]);
  });

  it('refuses a contract dated after today', () => {
    expect(
      apprentice({
        contracts: [newApprenticeContract({ signedOn: '2026-11-24' })],
        requestedGrantOre: nok(35_000),
      }),
    ).toEqual(['contract_signed_in_future']);
    expect(
      apprentice({
        contracts: [newApprenticeContract({ signedOn: '2026-11-23' })],
        requestedGrantOre: nok(35_000),
      }),
    ).toEqual([]);
  });

  it('needs both declarations: undiminished to the employer, and reporting', () => {
    expect(
      apprentice({ declarations: { fundsGoUndiminishedToEmployer: false, commitsToReporting: false } }),
    ).toEqual(['undiminished_declaration_missing', 'reporting_commitment_missing']);
  });

  it('grants at most contracts × rate, capped at 50 000 NOK per company; asks for more than zero', () => {
    expect(apprentice({ requestedGrantOre: nok(50_000) })).toEqual([]);
    const over = reasons({
      params: newApprenticeCallParameters(),
      content: newApprenticeApplication({ requestedGrantOre: nok(50_000) + 1 }),
    });
    expect(over.map((r) => r.code)).toEqual(['grant_exceeds_entitlement']);
    expect(over[0].message).toBe(
      'The requested 50 000,01 NOK exceeds what the contracts give: 1 × 35 000 NOK (Ny lærling etter permittering) + ' +
        '1 × 25 000 NOK (Ny læreplass) = 60 000 NOK, capped at 50 000 NOK per company',
    );
    expect(apprentice({ requestedGrantOre: 0 })).toEqual(['requested_grant_missing']);
    // A single contract: 35 000, not a øre more.
    const single = { contracts: [newApprenticeContract()] };
    expect(apprentice({ ...single, requestedGrantOre: nok(35_000) })).toEqual([]);
    expect(apprentice({ ...single, requestedGrantOre: nok(35_000) + 1 })).toEqual([
      'grant_exceeds_entitlement',
    ]);
  });

  it('lists every reason at once', () => {
    const found = codes({
      params: newApprenticeCallParameters(),
      content: newApprenticeApplication({
        contracts: [
          newApprenticeContract({ signedOn: '2027-01-02', statutoryRight: false }),
          newApprenticeContract({
            candidateReference: 'X2',
            vigoContractNumber: undefined,
            candidateResidesInCounty: false,
          }),
        ],
        declarations: { fundsGoUndiminishedToEmployer: false, commitsToReporting: true },
      }),
      organisation: { form: 'KOMM' },
    });
    expect(found).toEqual([
      'organisation_form_not_eligible',
      'contract_signed_after_period',
      'statutory_right_required',
      'candidate_outside_county',
      'contract_signed_in_future',
      'undiminished_declaration_missing',
      'grant_exceeds_entitlement',
    ]);
  });
});

// ── Fagbrev på jobb ────────────────────────────────────────────────────────────────────────

describe('Fagbrev på jobb rules', () => {
  const fagbrev = (contracts: CoronaFagbrevContract[], requested: number, employees = 14) =>
    codes({
      params: newFagbrevCallParameters(),
      content: newFagbrevApplication({ contracts, requestedGrantOre: requested }),
      organisation: { employeeCount: employees },
    });
  const two = () => [
    newFagbrevContract(),
    newFagbrevContract({ candidateReference: 'FPJ-2', vigoContractNumber: 'V-2' + '000' }),
  ];

  it('finds nothing wrong with the default application under the Trøndelag demo call', () => {
    expect(codes({ params: newFagbrevCallParameters(), content: newFagbrevApplication() })).toEqual([]);
  });

  it("is for the applicant's own employees: as many contracts as employees, not one more", () => {
    expect(fagbrev(two(), nok(60_000), 2)).toEqual([]);
    expect(fagbrev(two(), nok(60_000), 1)).toEqual(['contracts_exceed_employees']);
    expect(fagbrev([newFagbrevContract({ employedByApplicant: false })], nok(30_000))).toEqual([
      'candidate_not_employee',
      'grant_exceeds_entitlement',
    ]);
  });

  it('counts only contracts signed in the period', () => {
    expect(fagbrev([newFagbrevContract({ signedOn: '2026-10-31' })], nok(30_000))).toEqual([
      'contract_signed_before_period',
      'grant_exceeds_entitlement',
    ]);
    expect(fagbrev([newFagbrevContract({ signedOn: '2026-11-01' })], nok(30_000))).toEqual([]);
  });

  it('grants at most contracts × 30 000 NOK, capped at 150 000 NOK', () => {
    expect(fagbrev(two(), nok(60_000) + 1)).toEqual(['grant_exceeds_entitlement']);
    const six = Array.from({ length: 6 }, (_, i) =>
      newFagbrevContract({ candidateReference: `FPJ-${i}`, vigoContractNumber: `V-00${i}` }),
    );
    expect(fagbrev(six, nok(150_000))).toEqual([]);
    expect(fagbrev(six, nok(150_000) + 1)).toEqual(['grant_exceeds_entitlement']);
  });

  it('needs the reporting commitment', () => {
    expect(
      codes({
        params: newFagbrevCallParameters(),
        content: newFagbrevApplication({ declarations: { commitsToReporting: false } }),
      }),
    ).toEqual(['reporting_commitment_missing']);
  });
});

// ── Extraordinary BIO money ─────────────────────────────────────────────────────────────────

function bio(
  overrides: Partial<CoronaBioExtraApplication>,
  options: { params?: CoronaCallParameters; organisation?: Partial<SchemeOrganisation>; now?: string } = {},
) {
  return codes({
    params: options.params ?? newBioExtraCallParameters(),
    content: newBioExtraApplication(overrides),
    organisation: options.organisation,
    now: options.now,
  });
}

const defaultBio = () => newBioExtraApplication().bioExtra!;

describe('extraordinary BIO money rules', () => {
  it('finds nothing wrong with the default application under the Trøndelag demo call', () => {
    expect(bio({})).toEqual([]);
  });

  it('is open until the last extension: 30 November 2026 in Norway', () => {
    expect(bio({}, { now: '2026-11-30T23:59:59+01:00' })).toEqual([]);
    const late = reasons({
      params: newBioExtraCallParameters(),
      content: newBioExtraApplication(),
      now: '2026-12-01T00:00:00+01:00',
    });
    expect(late[0]).toEqual({
      code: 'call_closed',
      message: 'The call closed at 2026-11-30T23:59:59+01:00 (extended from 2026-06-01T23:59:59+02:00)',
      text: {
        nb: 'Utlysningen stengte 30.11.2026 kl. 23:59 (forlenget fra 01.06.2026 kl. 23:59)',
        en: 'The call closed at 2026-11-30T23:59:59+01:00 (extended from 2026-06-01T23:59:59+02:00)',
      },
    });
  });

  it('allows the longer completion period: 24 months from the start, not a day more', () => {
    expect(bio({ startDate: '2026-12-07', endDate: '2028-12-07' })).toEqual([]);
    expect(bio({ startDate: '2026-12-07', endDate: '2028-12-08' })).toEqual(['project_duration_exceeded']);
  });

  it('checks the time plan: an end on or after the start, weeks that fit it, at most 52 weeks each', () => {
    expect(bio({ startDate: '2026-12-07', endDate: '2026-12-06' })).toEqual(['project_period_invalid']);
    const weeks = (weeksEach: number) => ({ participants: { count: 6, weeksEach, fullyLaidOffCount: 0 } });
    // 7 Dec 2026 – 4 Jan 2027 is 29 days: 5 started weeks.
    expect(bio({ ...weeks(5), endDate: '2027-01-04' })).toEqual([]);
    expect(bio({ ...weeks(6), endDate: '2027-01-04' })).toEqual(['weeks_exceed_project_period']);
    expect(bio({ ...weeks(52), endDate: '2028-06-30' })).toEqual([]);
    expect(bio({ ...weeks(53), endDate: '2028-06-30' })).toEqual(['weeks_per_participant_exceeded']);
  });

  it('needs eligible costs', () => {
    const params = newBioExtraCallParameters({
      eligibleCostCategories: ['participant_wages'],
      minTrainingCostShare: { numerator: 0, denominator: 1 },
    });
    const onlyProvider = {
      costPlan: [{ category: 'provider_fees' as const, amountOre: nok(100_000) }],
      financingPlan: {
        ownContributionOre: nok(99_000),
        otherPublicSupportOre: 0,
        requestedGrantOre: nok(1_000),
      },
    };
    expect(bio(onlyProvider, { params })).toEqual(['no_eligible_costs', 'aid_intensity_exceeded']);
  });

  it('does not start before the application is sent (Norwegian date)', () => {
    expect(bio({ startDate: '2026-11-23' })).toEqual([]);
    expect(bio({ startDate: '2026-11-22' })).toEqual(['start_before_application']);
  });

  it('refuses fully laid-off participants and more participants than employees', () => {
    expect(bio({ participants: { count: 6, weeksEach: 12, fullyLaidOffCount: 1 } })).toEqual([
      'fully_laid_off_participants',
    ]);
    expect(bio({}, { organisation: { employeeCount: 6 } })).toEqual([]);
    expect(bio({}, { organisation: { employeeCount: 5 } })).toEqual(['participants_exceed_employees']);
  });

  it('grants at most 60 % of eligible costs: 240 000 NOK of 400 000, not 240 000,01', () => {
    const plan = (requested: number) => ({
      financingPlan: {
        ownContributionOre: nok(400_000) - requested,
        otherPublicSupportOre: 0,
        requestedGrantOre: requested,
      },
    });
    expect(bio(plan(nok(240_000)))).toEqual([]);
    expect(bio(plan(nok(240_000) + 1))).toEqual(['aid_intensity_exceeded']);
  });

  it('caps small companies (under 50 employees) at 300 000 NOK and others at 500 000 NOK', () => {
    const big = {
      participants: { count: 10, weeksEach: 12, fullyLaidOffCount: 0 },
      costPlan: [
        { category: 'participant_wages' as const, amountOre: nok(500_000) },
        { category: 'provider_fees' as const, amountOre: nok(500_000) },
      ],
      financingPlan: {
        ownContributionOre: nok(700_000) - 100,
        otherPublicSupportOre: 0,
        requestedGrantOre: nok(300_000) + 100,
      },
    };
    expect(bio(big, { organisation: { employeeCount: 49 } })).toEqual(['grant_exceeds_size_cap']);
    expect(bio(big, { organisation: { employeeCount: 50 } })).toEqual([]);
  });

  it('caps the grant at 100 000 NOK per participant', () => {
    const two = { ...defaultBio().participants, count: 2 };
    expect(bio({ participants: two })).toEqual(['grant_exceeds_participant_cap']);
  });

  it('keeps provider fees at ≥ 1/3 and travel with administration at ≤ 10 %', () => {
    const costs = (wages: number, provider: number, travel: number) => ({
      costPlan: [
        { category: 'participant_wages' as const, amountOre: wages },
        { category: 'provider_fees' as const, amountOre: provider },
        { category: 'travel_subsistence' as const, amountOre: travel },
      ],
      financingPlan: {
        ownContributionOre: wages + provider + travel - nok(100_000),
        otherPublicSupportOre: 0,
        requestedGrantOre: nok(100_000),
      },
    });
    // 1/3 of 300 000 is exactly 100 000: enough; 99 999,99 is not.
    expect(bio(costs(nok(200_000), nok(100_000), 0))).toEqual([]);
    expect(bio(costs(nok(200_000) + 1, nok(100_000) - 1, 0))).toEqual(['training_share_too_low']);
    // 10 % of 400 000 is 40 000: allowed; 40 000,01 is not.
    expect(bio(costs(nok(200_000), nok(160_000), nok(40_000)))).toEqual([]);
    expect(bio(costs(nok(200_000) - 1, nok(160_000), nok(40_000) + 1))).toEqual([
      'travel_administration_share_too_high',
    ]);
  });

  it('needs a balanced financing plan', () => {
    expect(
      bio({
        financingPlan: {
          ownContributionOre: nok(160_000) - 1,
          otherPublicSupportOre: 0,
          requestedGrantOre: nok(240_000),
        },
      }),
    ).toEqual(['financing_plan_unbalanced']);
  });

  it('deducts other public support under GBER (cumulation)', () => {
    const withSupport = {
      financingPlan: {
        ownContributionOre: nok(60_000),
        otherPublicSupportOre: nok(100_000),
        requestedGrantOre: nok(240_000),
      },
      declarations: {
        ...defaultBio().declarations,
        otherPublicSupportReceived: true,
        otherPublicSupportAmountOre: nok(100_000),
      },
    };
    expect(bio(withSupport)).toEqual(['aid_cumulation_exceeded']);
    expect(bio(withSupport, { params: newBioExtraCallParameters({ stateAidBasis: 'de_minimis' }) })).toEqual(
      [],
    );
  });

  it('accepts the covid exception: not in difficulty on 31.12.2019, though in difficulty now', () => {
    const declarations = (now: boolean, then: boolean) => ({
      declarations: {
        ...defaultBio().declarations,
        notInEconomicDifficulty: now,
        notInDifficultyOnReferenceDate: then,
      },
    });
    expect(bio(declarations(false, true))).toEqual([]);
    expect(bio(declarations(false, false))).toEqual(['economic_difficulty_declaration_missing']);
    const withoutException = newBioExtraCallParameters({ difficultyReferenceDate: undefined });
    expect(bio(declarations(false, true), { params: withoutException })).toEqual([
      'economic_difficulty_declaration_missing',
    ]);
  });

  it('keeps the declarations of other public support consistent', () => {
    const d = defaultBio().declarations;
    expect(bio({ declarations: { ...d, otherPublicSupportReceived: true } })).toEqual([
      'other_public_support_declaration_inconsistent',
    ]);
  });

  it("applies the call's size rule: up to 250 employees", () => {
    const many = (employeeCount: number) => bio({}, { organisation: { employeeCount } });
    expect(many(249)).toEqual([]);
    // At 250 a large enterprise under GBER art. 31: the call's 60 % is graded down to 50 %, so the
    // 240 000 NOK asked for on 400 000 NOK of eligible costs is above its 200 000 NOK.
    expect(many(250)).toEqual(['aid_intensity_exceeded']);
    expect(many(251)).toEqual(['too_many_employees', 'aid_intensity_exceeded']);
  });

  it("states the applicant's graded intensity when the request exceeds it", () => {
    const large = reasons({
      params: newBioExtraCallParameters(),
      content: newBioExtraApplication({}),
      organisation: { employeeCount: 250 },
    });
    expect(large).toEqual([
      expect.objectContaining({
        code: 'aid_intensity_exceeded',
        message: 'The requested 240 000 NOK exceeds 50 % of eligible costs of 400 000 NOK = 200 000 NOK',
      }),
    ]);
  });
});

// ── Advisories ──────────────────────────────────────────────────────────────────────────────

describe('coronaAdvisories', () => {
  it('flags whether the company is in a prioritised sector (never a refusal)', () => {
    const advisory = (naceCode: string) =>
      coronaAdvisories(newBioExtraCallParameters(), newBioExtraApplication({ naceCode })).map((r) => r.code);
    expect(advisory('56.101')).toEqual(['prioritised_sector']);
    expect(advisory('55.1')).toEqual(['prioritised_sector']);
    expect(advisory('25.110')).toEqual(['sector_not_prioritised']);
    expect(bio({ naceCode: '25.110' })).toEqual([]);
    expect(
      coronaAdvisories(newBioExtraCallParameters({ prioritisedSectors: [] }), newBioExtraApplication()),
    ).toEqual([]);
  });

  it('matches NACE prefixes digit by digit', () => {
    expect(naceMatches('56', '56.101')).toBe(true);
    expect(naceMatches('10.1', '10.130')).toBe(true);
    expect(naceMatches('10.1', '10.200')).toBe(false);
    expect(naceMatches('5', '56.1')).toBe(true);
    expect(naceMatches('56', '65.1')).toBe(false);
  });

  it('flags apprentice contracts outside the prioritised programmes, without ungdomsrett, and the company cap', () => {
    const content = newApprenticeApplication({
      contracts: [
        newApprenticeContract(),
        newApprenticeContract({
          candidateReference: 'TFK-2',
          vigoContractNumber: 'V-0002',
          packageCode: 'overtatt_laerling',
          programme: 'TP',
          statutoryRight: false,
        }),
      ],
    });
    expect(coronaAdvisories(newApprenticeCallParameters(), content)).toEqual([
      expect.objectContaining({
        code: 'programme_not_prioritised',
        field: 'apprenticePackage.contracts.1.programme',
      }),
      expect.objectContaining({
        code: 'statutory_right_not_held',
        field: 'apprenticePackage.contracts.1.statutoryRight',
      }),
      expect.objectContaining({ code: 'company_cap_applies' }),
    ]);
    // Eligible all the same: these are priorities, not conditions.
    expect(codes({ params: newApprenticeCallParameters(), content })).toEqual([]);
  });

  it('flags laid-off Fagbrev på jobb candidates as prioritised', () => {
    expect(coronaAdvisories(newFagbrevCallParameters(), newFagbrevApplication())).toEqual([
      expect.objectContaining({
        code: 'laid_off_candidates_prioritised',
        message: expect.stringContaining('1 of 2'),
      }),
    ]);
    expect(
      coronaAdvisories(
        newFagbrevCallParameters({ prioritiseLaidOffCandidates: false }),
        newFagbrevApplication(),
      ),
    ).toEqual([]);
  });

  it('says nothing about an application of another measure', () => {
    expect(coronaAdvisories(newFagbrevCallParameters(), newApprenticeApplication())).toEqual([]);
  });
});

// ── Final report ────────────────────────────────────────────────────────────────────────────

describe('checkCoronaFinalReport', () => {
  const content = newApprenticeApplication();
  const report = (
    contracts: { reference: string; outcome: 'running' | 'completed' | 'ended'; endedOn?: string }[],
  ) =>
    ({
      measure: 'apprentice_package',
      apprenticePackage: { contracts, fundsPassedUndiminishedToEmployer: true },
    }) as CoronaFinalReport;
  const check = (contracts: Parameters<typeof report>[0]) =>
    checkCoronaFinalReport(content, report(contracts)).map((r) => r.code);

  it('accepts every contract reported once, by candidate reference or Vigo number', () => {
    expect(
      check([
        { reference: 'TFK-2026-0417', outcome: 'running' },
        { reference: 'V-50-2026-11902', outcome: 'ended', endedOn: '2027-03-31' },
      ]),
    ).toEqual([]);
  });

  it('refuses unknown, missing and twice-reported contracts', () => {
    expect(check([{ reference: 'TFK-2026-0417', outcome: 'running' }])).toEqual(['contract_not_reported']);
    expect(
      check([
        { reference: 'TFK-2026-0417', outcome: 'running' },
        { reference: 'V-50-2026-11873', outcome: 'running' },
        { reference: 'TFK-2026-0422', outcome: 'running' },
        { reference: 'NOBODY', outcome: 'running' },
      ]),
    ).toEqual(['contract_reported_twice', 'unknown_contract']);
  });

  it('refuses an end before the signing day (the signing day itself is possible) and an end date on a running contract', () => {
    expect(
      check([
        { reference: 'TFK-2026-0417', outcome: 'ended', endedOn: '2026-11-10' },
        { reference: 'TFK-2026-0422', outcome: 'ended', endedOn: '2026-11-15' },
      ]),
    ).toEqual(['ended_before_signed']);
    expect(
      check([
        { reference: 'TFK-2026-0417', outcome: 'running', endedOn: '2027-01-10' },
        { reference: 'TFK-2026-0422', outcome: 'completed' },
      ]),
    ).toEqual(['ended_on_without_end']);
  });

  it("refuses a report of another measure than the application's", () => {
    expect(
      checkCoronaFinalReport(content, {
        measure: 'fagbrev_pa_jobb',
        fagbrevPaJobb: { summary: 'x', contracts: [] },
      }),
    ).toEqual([expect.objectContaining({ code: 'report_measure_mismatch' })]);
  });

  it('refuses more completed BIO participants than planned', () => {
    const bioReport = (participantsCompleted: number): CoronaFinalReport => ({
      measure: 'bio_extra',
      bioExtra: { summary: 'Done', participantsCompleted, actualCosts: [] },
    });
    expect(checkCoronaFinalReport(newBioExtraApplication(), bioReport(6))).toEqual([]);
    expect(checkCoronaFinalReport(newBioExtraApplication(), bioReport(7)).map((r) => r.code)).toEqual([
      'participants_completed_exceed_planned',
    ]);
  });
});
