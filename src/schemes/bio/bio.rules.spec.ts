import type { BioApplicationContent, BioCostLine } from './bio-application.dto';
import type { BioCallParameters } from './bio-call-parameters.dto';
import { computeMaximumGrant } from './bio-grant';
import { nok } from '@lib/common';
import type { SchemeOrganisation } from '@lib/engine';
import { newBioApplication, newBioCallParameters, newBioContext, newBioOrganisation } from './bio-testing';
import {
  applicantEligible,
  callIsOpen,
  checkBioCallParameters,
  checkBioEligibility,
  checkBioFinalReport,
  financingPlanBalances,
  hasEligibleCosts,
  noOtherActiveBioGrant,
  notInEconomicDifficulty,
  otherPublicSupportDeclared,
  participantsAreEmployees,
  projectDurationWithinLimit,
  projectPeriodValid,
  requestedGrantPositive,
  requestedGrantWithinAidIntensity,
  requestedGrantWithinCaps,
  startNotBeforeApplication,
  trainingShareSufficient,
  travelAndAdministrationWithinLimit,
  weeksFitProjectPeriod,
  weeksPerParticipantWithinLimit,
  type BioEligibilityContext,
  type BioEligibilityRule,
} from './bio.rules';

interface Case {
  params?: Partial<BioCallParameters>;
  application?: Partial<BioApplicationContent>;
  organisation?: Partial<SchemeOrganisation>;
  context?: Partial<BioEligibilityContext>;
}

/** Runs one rule and returns the reason codes it gives. */
function codes(rule: BioEligibilityRule, c: Case = {}): string[] {
  return rule({
    params: newBioCallParameters(c.params),
    application: newBioApplication(c.application),
    organisation: newBioOrganisation(c.organisation),
    context: newBioContext(c.context),
  }).map((reason) => reason.code);
}

const costs = (lines: Partial<Record<BioCostLine['category'], number>>): BioCostLine[] =>
  Object.entries(lines).map(([category, amountOre]) => ({ category, amountOre }) as BioCostLine);

describe('checkBioEligibility', () => {
  it('finds nothing wrong with the default Trøndelag application', () => {
    expect(
      checkBioEligibility(newBioCallParameters(), newBioApplication(), newBioOrganisation(), newBioContext()),
    ).toEqual([]);
  });

  it('returns every reason at once, each with a message', () => {
    const reasons = checkBioEligibility(
      newBioCallParameters(),
      newBioApplication({
        participants: { count: 4, weeksEach: 53 },
        startDate: '2026-01-15',
        endDate: '2027-08-01',
        costPlan: costs({
          participant_wages: nok(500_000),
          provider_fees: nok(100_000),
          travel_subsistence: nok(100_000),
        }),
        declarations: {
          otherPublicSupportReceived: false,
          otherPublicSupportAmountOre: 0,
          notInEconomicDifficulty: false,
        },
      }),
      newBioOrganisation({ form: 'STI' }),
      newBioContext({ otherActiveBioGrant: true }),
    );
    expect(reasons.map((r) => r.code)).toEqual([
      'organisation_form_not_eligible',
      'other_active_bio_grant',
      'project_duration_exceeded',
      'start_before_application',
      'weeks_per_participant_exceeded',
      'training_share_too_low',
      'travel_administration_share_too_high',
      'economic_difficulty_declaration_missing',
    ]);
    for (const reason of reasons) expect(reason.message.length).toBeGreaterThan(10);
    expect(reasons.find((r) => r.code === 'weeks_per_participant_exceeded')?.field).toBe(
      'participants.weeksEach',
    );
  });

  it('agrees with computeMaximumGrant: no cap reason exactly when requested ≤ maximum', () => {
    const params = newBioCallParameters();
    const organisation = newBioOrganisation({ employeeCount: 60 });
    const capRules = [requestedGrantWithinCaps, requestedGrantWithinAidIntensity];
    for (const costPlan of [
      costs({ participant_wages: nok(500_000), provider_fees: nok(500_000) }),
      costs({ participant_wages: nok(300_000), provider_fees: nok(199_999) }),
    ]) {
      for (const participants of [1, 3, 6]) {
        const base = newBioApplication({ costPlan, participants: { count: participants, weeksEach: 10 } });
        const max = computeMaximumGrant(params, base, organisation).maximumOre;
        for (const requested of [max - 1, max, max + 1]) {
          const application = {
            ...base,
            financingPlan: { ...base.financingPlan, requestedGrantOre: requested },
          };
          const input = { params, application, organisation, context: newBioContext() };
          const reasons = capRules.flatMap((rule) => rule(input));
          expect(reasons.length === 0).toBe(requested <= max);
        }
      }
    }
  });
});

describe('callIsOpen', () => {
  const rolling = {
    kind: 'rolling',
    opensAt: '2026-01-05T08:00:00+01:00',
    closesAt: '2026-11-30T23:59:59+01:00',
  } as const;

  it('opens exactly at opensAt', () => {
    expect(
      codes(callIsOpen, { params: { window: rolling }, context: { now: new Date('2026-01-05T07:00:00Z') } }),
    ).toEqual([]);
    expect(
      codes(callIsOpen, {
        params: { window: rolling },
        context: { now: new Date('2026-01-05T06:59:59.999Z') },
      }),
    ).toEqual(['call_not_open']);
  });

  it('closes after closesAt, which itself is still open', () => {
    expect(
      codes(callIsOpen, { params: { window: rolling }, context: { now: new Date('2026-11-30T22:59:59Z') } }),
    ).toEqual([]);
    expect(
      codes(callIsOpen, {
        params: { window: rolling },
        context: { now: new Date('2026-11-30T22:59:59.001Z') },
      }),
    ).toEqual(['call_closed']);
  });

  it('keeps a rolling call without closesAt open', () => {
    expect(codes(callIsOpen, { context: { now: new Date('2030-01-01T00:00:00Z') } })).toEqual([]);
  });

  it('closes a fixed call after its last deadline', () => {
    const window = {
      kind: 'fixed',
      opensAt: '2026-01-05T08:00:00+01:00',
      deadlines: ['2026-03-15T23:59:59+01:00', '2026-09-15T23:59:59+02:00'],
    } as const;
    expect(
      codes(callIsOpen, { params: { window }, context: { now: new Date('2026-06-01T12:00:00Z') } }),
    ).toEqual([]);
    expect(
      codes(callIsOpen, { params: { window }, context: { now: new Date('2026-09-16T00:00:00+02:00') } }),
    ).toEqual(['call_closed']);
  });
});

describe('organisation rules', () => {
  it.each(['AS', 'ASA', 'ENK', 'ANS', 'DA', 'SA', 'NUF'] as const)('lets %s apply in Trøndelag', (form) => {
    expect(codes(applicantEligible, { organisation: { form } })).toEqual([]);
  });

  it.each(['STI', 'FLI', 'KOMM', 'STAT'] as const)('refuses %s', (form) => {
    expect(codes(applicantEligible, { organisation: { form } })).toEqual(['organisation_form_not_eligible']);
  });

  it('takes the county from the register, or from the municipality number when it has none', () => {
    expect(
      codes(applicantEligible, { organisation: { municipalityNumber: '5001', countyCode: null } }),
    ).toEqual([]);
    expect(
      codes(applicantEligible, { organisation: { municipalityNumber: '0301', countyCode: null } }),
    ).toEqual(['outside_county']);
    expect(
      codes(applicantEligible, { organisation: { municipalityNumber: '0301', countyCode: '50' } }),
    ).toEqual([]);
    const anywhere = newBioCallParameters().eligibility.filter((r) => r.rule !== 'county');
    expect(
      codes(applicantEligible, {
        params: { eligibility: anywhere },
        organisation: { municipalityNumber: '0301', countyCode: '03' },
      }),
    ).toEqual([]);
  });

  it('shuts out a sole proprietorship without employees, but not with one', () => {
    expect(codes(applicantEligible, { organisation: { form: 'ENK', employeeCount: 0 } })).toEqual([
      'too_few_employees',
    ]);
    expect(codes(applicantEligible, { organisation: { form: 'ENK', employeeCount: 1 } })).toEqual([]);
    const noMinimum = newBioCallParameters().eligibility.filter((r) => r.rule !== 'min_employees');
    expect(
      codes(applicantEligible, { params: { eligibility: noMinimum }, organisation: { employeeCount: 0 } }),
    ).toEqual([]);
  });

  it('allows as many participants as employees, not one more', () => {
    expect(codes(participantsAreEmployees, { organisation: { employeeCount: 4 } })).toEqual([]);
    expect(codes(participantsAreEmployees, { organisation: { employeeCount: 3 } })).toEqual([
      'participants_exceed_employees',
    ]);
  });

  it('refuses a second active BIO grant', () => {
    expect(codes(noOtherActiveBioGrant)).toEqual([]);
    expect(codes(noOtherActiveBioGrant, { context: { otherActiveBioGrant: true } })).toEqual([
      'other_active_bio_grant',
    ]);
  });
});

describe('time plan rules', () => {
  it('accepts a one-day project and refuses one that ends before it starts', () => {
    expect(
      codes(projectPeriodValid, { application: { startDate: '2026-03-02', endDate: '2026-03-02' } }),
    ).toEqual([]);
    expect(
      codes(projectPeriodValid, { application: { startDate: '2026-03-02', endDate: '2026-03-01' } }),
    ).toEqual(['project_period_invalid']);
  });

  it('allows ending exactly 18 months after the start, not a day later', () => {
    expect(
      codes(projectDurationWithinLimit, { application: { startDate: '2026-03-02', endDate: '2027-09-02' } }),
    ).toEqual([]);
    expect(
      codes(projectDurationWithinLimit, { application: { startDate: '2026-03-02', endDate: '2027-09-03' } }),
    ).toEqual(['project_duration_exceeded']);
  });

  it('counts months to the last day of a shorter month', () => {
    expect(
      codes(projectDurationWithinLimit, { application: { startDate: '2026-08-31', endDate: '2028-02-29' } }),
    ).toEqual([]);
    expect(
      codes(projectDurationWithinLimit, { application: { startDate: '2026-08-31', endDate: '2028-03-01' } }),
    ).toEqual(['project_duration_exceeded']);
  });

  it('allows 26 weeks per participant under a 26-week call, not 27', () => {
    const params = { maxWeeksPerParticipant: 26 };
    expect(
      codes(weeksPerParticipantWithinLimit, {
        params,
        application: { participants: { count: 4, weeksEach: 26 } },
      }),
    ).toEqual([]);
    expect(
      codes(weeksPerParticipantWithinLimit, {
        params,
        application: { participants: { count: 4, weeksEach: 27 } },
      }),
    ).toEqual(['weeks_per_participant_exceeded']);
  });

  it('allows 52 weeks under the Trøndelag call, not 53', () => {
    expect(
      codes(weeksPerParticipantWithinLimit, { application: { participants: { count: 4, weeksEach: 52 } } }),
    ).toEqual([]);
    expect(
      codes(weeksPerParticipantWithinLimit, { application: { participants: { count: 4, weeksEach: 53 } } }),
    ).toEqual(['weeks_per_participant_exceeded']);
  });

  it('needs the weeks to fit the project period, a started week counting', () => {
    const twoWeeks = { startDate: '2026-03-02', endDate: '2026-03-15' };
    expect(
      codes(weeksFitProjectPeriod, {
        application: { ...twoWeeks, participants: { count: 1, weeksEach: 2 } },
      }),
    ).toEqual([]);
    expect(
      codes(weeksFitProjectPeriod, {
        application: { ...twoWeeks, participants: { count: 1, weeksEach: 3 } },
      }),
    ).toEqual(['weeks_exceed_project_period']);
    const twoWeeksAndADay = { startDate: '2026-03-02', endDate: '2026-03-16' };
    expect(
      codes(weeksFitProjectPeriod, {
        application: { ...twoWeeksAndADay, participants: { count: 1, weeksEach: 3 } },
      }),
    ).toEqual([]);
  });

  it('allows starting on the application date, not the day before', () => {
    expect(codes(startNotBeforeApplication, { application: { startDate: '2026-02-02' } })).toEqual([]);
    expect(codes(startNotBeforeApplication, { application: { startDate: '2026-02-01' } })).toEqual([
      'start_before_application',
    ]);
  });

  it('takes the application date in Norway, not in UTC', () => {
    // 23:30 UTC on 1 February is 00:30 on 2 February in Oslo.
    const context = { now: new Date('2026-02-01T23:30:00Z') };
    expect(codes(startNotBeforeApplication, { context, application: { startDate: '2026-02-02' } })).toEqual(
      [],
    );
    expect(codes(startNotBeforeApplication, { context, application: { startDate: '2026-02-01' } })).toEqual([
      'start_before_application',
    ]);
  });

  it('applies extra notice days, and nothing when the call does not ask', () => {
    const params = { minDaysFromApplicationToStart: 30 };
    expect(codes(startNotBeforeApplication, { params, application: { startDate: '2026-03-04' } })).toEqual(
      [],
    );
    expect(codes(startNotBeforeApplication, { params, application: { startDate: '2026-03-03' } })).toEqual([
      'start_before_application',
    ]);
    expect(
      codes(startNotBeforeApplication, {
        params: { startNotBeforeApplicationDate: false },
        application: { startDate: '2025-06-01' },
      }),
    ).toEqual([]);
  });
});

describe('cost plan rules', () => {
  it('needs some eligible cost', () => {
    expect(codes(hasEligibleCosts, { application: { costPlan: costs({ provider_fees: 0 }) } })).toEqual([
      'no_eligible_costs',
    ]);
    expect(
      codes(hasEligibleCosts, {
        params: { eligibleCostCategories: ['participant_wages', 'provider_fees'] },
        application: { costPlan: costs({ administration: nok(1000) }) },
      }),
    ).toEqual(['no_eligible_costs']);
  });

  it('accepts provider fees of exactly 1/3 of eligible costs', () => {
    const costPlan = costs({ participant_wages: nok(200_000), provider_fees: nok(100_000) });
    expect(codes(trainingShareSufficient, { application: { costPlan } })).toEqual([]);
  });

  it('refuses provider fees one øre below 1/3', () => {
    const costPlan = costs({ participant_wages: nok(200_000), provider_fees: nok(100_000) - 1 });
    expect(codes(trainingShareSufficient, { application: { costPlan } })).toEqual(['training_share_too_low']);
  });

  it('refuses 1/3 once wages grow by one øre', () => {
    const costPlan = costs({ participant_wages: nok(200_000) + 1, provider_fees: nok(100_000) });
    const reasons = trainingShareSufficient({
      params: newBioCallParameters(),
      application: newBioApplication({ costPlan }),
      organisation: newBioOrganisation(),
      context: newBioContext(),
    });
    expect(reasons).toEqual([
      {
        code: 'training_share_too_low',
        field: 'costPlan',
        message:
          'Provider fees are 100 000 NOK; at least 1/3 of eligible costs of 300 000,01 NOK (100 000,01 NOK) is required',
        text: {
          nb: 'Kursavgiftene er 100 000 kr; det kreves minst 1/3 av støtteberettigede kostnader på 300 000,01 kr (100 000,01 kr)',
          en: 'Provider fees are 100 000 NOK; at least 1/3 of eligible costs of 300 000,01 NOK (100 000,01 NOK) is required',
        },
      },
    ]);
  });

  it('measures the 1/3 against eligible costs only', () => {
    const costPlan = costs({
      participant_wages: nok(200_000),
      provider_fees: nok(100_000),
      administration: nok(30_000),
    });
    expect(codes(trainingShareSufficient, { application: { costPlan } })).toEqual(['training_share_too_low']);
    expect(
      codes(trainingShareSufficient, {
        params: { eligibleCostCategories: ['participant_wages', 'provider_fees'] },
        application: { costPlan },
      }),
    ).toEqual([]);
  });

  it('accepts travel and administration of exactly 10 % of total costs', () => {
    const costPlan = costs({
      participant_wages: nok(500_000),
      provider_fees: nok(400_000),
      travel_subsistence: nok(60_000),
      administration: nok(40_000),
    });
    expect(codes(travelAndAdministrationWithinLimit, { application: { costPlan } })).toEqual([]);
  });

  it('refuses travel and administration one øre above 10 %', () => {
    const costPlan = costs({
      participant_wages: nok(500_000),
      provider_fees: nok(400_000),
      travel_subsistence: nok(60_000),
      administration: nok(40_000) + 1,
    });
    expect(codes(travelAndAdministrationWithinLimit, { application: { costPlan } })).toEqual([
      'travel_administration_share_too_high',
    ]);
  });
});

describe('grant and financing rules', () => {
  const bigCosts = costs({ participant_wages: nok(700_000), provider_fees: nok(500_000) });
  const withRequest = (requestedGrantOre: number, extra: Partial<BioApplicationContent> = {}) => ({
    ...extra,
    financingPlan: {
      ownContributionOre: 0,
      otherPublicSupportOre: 0,
      requestedGrantOre,
      ...extra.financingPlan,
    },
  });

  it('needs a requested amount above zero', () => {
    expect(codes(requestedGrantPositive, { application: withRequest(0) })).toEqual([
      'requested_grant_missing',
    ]);
    expect(codes(requestedGrantPositive, { application: withRequest(1) })).toEqual([]);
  });

  it('gives 49 employees the small-company cap of 300 000 NOK', () => {
    const organisation = { employeeCount: 49 };
    const application = (amount: number) =>
      withRequest(amount, { costPlan: bigCosts, participants: { count: 6, weeksEach: 10 } });
    expect(codes(requestedGrantWithinCaps, { organisation, application: application(nok(300_000)) })).toEqual(
      [],
    );
    expect(
      codes(requestedGrantWithinCaps, { organisation, application: application(nok(300_000) + 1) }),
    ).toEqual(['grant_exceeds_size_cap']);
  });

  it('gives 50 employees the cap of 500 000 NOK', () => {
    const organisation = { employeeCount: 50 };
    const application = (amount: number) =>
      withRequest(amount, { costPlan: bigCosts, participants: { count: 6, weeksEach: 10 } });
    expect(codes(requestedGrantWithinCaps, { organisation, application: application(nok(500_000)) })).toEqual(
      [],
    );
    expect(
      codes(requestedGrantWithinCaps, { organisation, application: application(nok(500_000) + 1) }),
    ).toEqual(['grant_exceeds_size_cap']);
  });

  it('caps at 100 000 NOK per participant', () => {
    const application = (amount: number) =>
      withRequest(amount, { costPlan: bigCosts, participants: { count: 2, weeksEach: 10 } });
    expect(codes(requestedGrantWithinCaps, { application: application(nok(200_000)) })).toEqual([]);
    expect(codes(requestedGrantWithinCaps, { application: application(nok(200_000) + 1) })).toEqual([
      'grant_exceeds_participant_cap',
    ]);
  });

  it('reports both caps when both are exceeded', () => {
    const application = withRequest(nok(400_000), {
      costPlan: bigCosts,
      participants: { count: 2, weeksEach: 10 },
    });
    expect(codes(requestedGrantWithinCaps, { application })).toEqual([
      'grant_exceeds_size_cap',
      'grant_exceeds_participant_cap',
    ]);
  });

  it('allows 50 % of eligible costs rounded down to the øre, not one øre more', () => {
    // 599 999,99 NOK eligible → 50 % = 299 999,995 → 299 999,99 NOK.
    const costPlan = costs({ participant_wages: nok(400_000) - 1, provider_fees: nok(200_000) });
    expect(
      codes(requestedGrantWithinAidIntensity, { application: withRequest(nok(300_000) - 1, { costPlan }) }),
    ).toEqual([]);
    expect(
      codes(requestedGrantWithinAidIntensity, { application: withRequest(nok(300_000), { costPlan }) }),
    ).toEqual(['aid_intensity_exceeded']);
  });

  it('counts other public support against the intensity under GBER, not under de minimis', () => {
    const costPlan = costs({ participant_wages: nok(400_000), provider_fees: nok(300_000) });
    const application = (amount: number) =>
      withRequest(amount, {
        costPlan,
        participants: { count: 5, weeksEach: 10 },
        financingPlan: {
          ownContributionOre: 0,
          otherPublicSupportOre: nok(60_000),
          requestedGrantOre: amount,
        },
      });
    const organisation = { employeeCount: 60 };
    expect(
      codes(requestedGrantWithinAidIntensity, { organisation, application: application(nok(290_000)) }),
    ).toEqual([]);
    expect(
      codes(requestedGrantWithinAidIntensity, { organisation, application: application(nok(290_000) + 1) }),
    ).toEqual(['aid_cumulation_exceeded']);
    expect(
      codes(requestedGrantWithinAidIntensity, {
        params: { stateAidBasis: 'de_minimis' },
        organisation,
        application: application(nok(350_000)),
      }),
    ).toEqual([]);
  });

  it('needs the financing plan to equal total costs to the øre', () => {
    expect(codes(financingPlanBalances)).toEqual([]);
    const short = withRequest(nok(300_000), {
      financingPlan: {
        ownContributionOre: nok(400_000) - 1,
        otherPublicSupportOre: 0,
        requestedGrantOre: nok(300_000),
      },
    });
    const reasons = financingPlanBalances({
      params: newBioCallParameters(),
      application: newBioApplication(short),
      organisation: newBioOrganisation(),
      context: newBioContext(),
    });
    expect(reasons).toEqual([
      {
        code: 'financing_plan_unbalanced',
        field: 'financingPlan',
        message:
          'The financing plan adds up to 699 999,99 NOK but total costs are 700 000 NOK (short by 0,01 NOK)',
        text: {
          nb: 'Finansieringsplanen summerer seg til 699 999,99 kr, men samlede kostnader er 700 000 kr (for lite med 0,01 kr)',
          en: 'The financing plan adds up to 699 999,99 NOK but total costs are 700 000 NOK (short by 0,01 NOK)',
        },
      },
    ]);
    const over = withRequest(nok(300_000), {
      financingPlan: {
        ownContributionOre: nok(400_000),
        otherPublicSupportOre: 1,
        requestedGrantOre: nok(300_000),
      },
    });
    expect(codes(financingPlanBalances, { application: over })).toEqual(['financing_plan_unbalanced']);
  });
});

describe('declaration rules', () => {
  const declarations = (received: boolean, amount: number, notInDifficulty = true) => ({
    declarations: {
      otherPublicSupportReceived: received,
      otherPublicSupportAmountOre: amount,
      notInEconomicDifficulty: notInDifficulty,
    },
  });

  it('needs the other-public-support declaration to agree with its amount and the financing plan', () => {
    expect(codes(otherPublicSupportDeclared, { application: declarations(true, nok(10_000)) })).toEqual([]);
    expect(codes(otherPublicSupportDeclared, { application: declarations(true, 0) })).toEqual([
      'other_public_support_declaration_inconsistent',
    ]);
    expect(codes(otherPublicSupportDeclared, { application: declarations(false, 1) })).toEqual([
      'other_public_support_declaration_inconsistent',
    ]);
    expect(
      codes(otherPublicSupportDeclared, {
        application: {
          ...declarations(false, 0),
          financingPlan: { ownContributionOre: 0, otherPublicSupportOre: 1, requestedGrantOre: 0 },
        },
      }),
    ).toEqual(['other_public_support_declaration_inconsistent']);
  });

  it('needs the not-in-difficulty declaration', () => {
    expect(codes(notInEconomicDifficulty)).toEqual([]);
    expect(codes(notInEconomicDifficulty, { application: declarations(false, 0, false) })).toEqual([
      'economic_difficulty_declaration_missing',
    ]);
  });
});

describe('checkBioCallParameters', () => {
  const problems = (overrides: Partial<BioCallParameters>) =>
    checkBioCallParameters(newBioCallParameters(overrides)).map((r) => r.message);

  it('finds the Trøndelag seed consistent', () => {
    expect(checkBioCallParameters(newBioCallParameters())).toEqual([]);
  });

  it('refuses windows that do not make sense', () => {
    expect(
      problems({ window: { kind: 'rolling', opensAt: '2026-01-05T08:00:00+01:00', deadlines: [] } }),
    ).toEqual(['A rolling call has no deadlines']);
    expect(problems({ window: { kind: 'fixed', opensAt: '2026-01-05T08:00:00+01:00' } })).toEqual([
      'A fixed call needs at least one deadline',
    ]);
    expect(
      problems({
        window: {
          kind: 'fixed',
          opensAt: '2026-01-05T08:00:00+01:00',
          deadlines: ['2026-09-15T23:59:59+02:00', '2026-03-15T23:59:59+01:00'],
        },
      }),
    ).toEqual(['Deadlines must come after the opening, earliest first, without repeats']);
    expect(
      problems({
        window: { kind: 'rolling', opensAt: '2026-01-05T08:00:00+01:00', closesAt: '2026-01-05T07:00:00Z' },
      }),
    ).toEqual(['The call must close after it opens']);
  });

  it('refuses shares outside the law or arithmetic', () => {
    expect(problems({ aidIntensityBasisPoints: 7000 })).toEqual([]);
    expect(problems({ aidIntensityBasisPoints: 7001 })).toEqual([
      'GBER art. 31 allows at most 70 % aid intensity',
    ]);
    expect(problems({ aidIntensityBasisPoints: 8000, stateAidBasis: 'de_minimis' })).toEqual([]);
    expect(problems({ minTrainingCostShare: { numerator: 4, denominator: 3 } })).toEqual([
      'The training share cannot exceed 1',
    ]);
    expect(problems({ eligibleCostCategories: ['participant_wages'] })).toEqual([
      'A minimum training share needs provider fees among the eligible cost categories',
    ]);
  });
});

describe('checkBioFinalReport', () => {
  it('allows as many completed participants as planned, not more', () => {
    const report = (participantsCompleted: number) => ({
      summary: 'Done',
      participantsCompleted,
      actualCosts: [],
    });
    expect(checkBioFinalReport(newBioApplication(), report(4))).toEqual([]);
    expect(checkBioFinalReport(newBioApplication(), report(5)).map((r) => r.code)).toEqual([
      'participants_completed_exceed_planned',
    ]);
  });
});
