import {
  classifyBySizeCaps,
  maximumTrainingGrant,
  settleTrainingCosts,
  summariseTrainingCosts,
  TRAINING_COST_CATEGORIES,
  type TrainingAidApplication,
  type TrainingAidParameters,
  type TrainingCostLine,
} from './training-costs';

const NOK = 100;

/** A 70 % GBER call with caps high enough that only the intensity binds. */
const params = (overrides: Partial<TrainingAidParameters> = {}): TrainingAidParameters => ({
  stateAidBasis: 'gber_art31',
  aidIntensityBasisPoints: 7000,
  maxGrantBySize: { smallBelowEmployees: 50, smallCompanyMaxOre: 1e9, otherCompanyMaxOre: 1e9 },
  maxGrantPerParticipantOre: 1e9,
  eligibleCostCategories: TRAINING_COST_CATEGORIES,
  maxTravelAndAdministrationBasisPoints: 1000,
  minTrainingCostShare: { numerator: 1, denominator: 3 },
  ...overrides,
});

const lines = (amounts: Partial<Record<TrainingCostLine['category'], number>>): TrainingCostLine[] =>
  Object.entries(amounts).map(([category, amountOre]) => ({ category, amountOre }) as TrainingCostLine);

/** Eligible costs 1 000 000 NOK, no other public support. */
const application = (overrides: Partial<TrainingAidApplication> = {}): TrainingAidApplication => ({
  participants: { count: 5 },
  costPlan: lines({ participant_wages: 600_000 * NOK, provider_fees: 400_000 * NOK }),
  financingPlan: { otherPublicSupportOre: 0 },
  ...overrides,
});

describe('summariseTrainingCosts', () => {
  it('sums per category and separates eligible, training and travel+administration costs', () => {
    const costPlan: TrainingCostLine[] = [
      { category: 'participant_wages', amountOre: 100 },
      { category: 'participant_wages', amountOre: 50 },
      { category: 'provider_fees', amountOre: 70 },
      { category: 'travel_subsistence', amountOre: 20 },
      { category: 'administration', amountOre: 5 },
    ];
    expect(
      summariseTrainingCosts(['participant_wages', 'provider_fees', 'administration'], costPlan),
    ).toEqual({
      byCategory: { participant_wages: 150, provider_fees: 70, travel_subsistence: 20, administration: 5 },
      totalCostsOre: 245,
      eligibleCostsOre: 225,
      trainingCostsOre: 70,
      travelAndAdministrationOre: 25,
      eligibleTravelAndAdministrationOre: 5,
    });
  });

  it('counts no training costs when provider fees are not eligible', () => {
    expect(summariseTrainingCosts(['participant_wages'], lines({ provider_fees: 10 })).trainingCostsOre).toBe(
      0,
    );
  });
});

describe('classifyBySizeCaps', () => {
  it("follows the call's own boundary, not GBER's", () => {
    const caps = { smallBelowEmployees: 25, smallCompanyMaxOre: 1, otherCompanyMaxOre: 2 };
    expect(classifyBySizeCaps(caps, 24)).toBe('small');
    expect(classifyBySizeCaps(caps, 25)).toBe('other');
  });
});

describe('maximumTrainingGrant', () => {
  it('grades the intensity by enterprise size at 49/50 and 249/250 employees', () => {
    const at = (employees: number) => maximumTrainingGrant(params(), application(), employees);
    expect(at(49)).toMatchObject({ intensityBasisPoints: 7000, maximumOre: 700_000 * NOK });
    expect(at(50)).toMatchObject({ intensityBasisPoints: 6000, maximumOre: 600_000 * NOK });
    expect(at(249)).toMatchObject({ intensityBasisPoints: 6000, maximumOre: 600_000 * NOK });
    expect(at(250)).toMatchObject({
      intensityBasisPoints: 5000,
      maximumOre: 500_000 * NOK,
      limitedBy: ['aid_intensity'],
    });
  });

  it('takes the least of size cap, participant cap and intensity, naming ties', () => {
    const p = params({
      aidIntensityBasisPoints: 5000,
      maxGrantBySize: {
        smallBelowEmployees: 50,
        smallCompanyMaxOre: 300_000 * NOK,
        otherCompanyMaxOre: 500_000 * NOK,
      },
      maxGrantPerParticipantOre: 100_000 * NOK,
    });
    expect(maximumTrainingGrant(p, application(), 12)).toMatchObject({
      sizeClass: 'small',
      maximumOre: 300_000 * NOK,
      limitedBy: ['size'],
    });
    expect(maximumTrainingGrant(p, application(), 60)).toMatchObject({
      sizeClass: 'other',
      maximumOre: 500_000 * NOK,
      limitedBy: ['size', 'participants', 'aid_intensity'],
    });
  });

  it('deducts other public support under GBER only, never below zero', () => {
    const supported = application({ financingPlan: { otherPublicSupportOre: 100_000 * NOK } });
    expect(maximumTrainingGrant(params(), supported, 300)).toMatchObject({
      intensityOfEligibleCostsOre: 500_000 * NOK,
      otherPublicSupportDeductedOre: 100_000 * NOK,
      intensityCapOre: 400_000 * NOK,
    });
    expect(maximumTrainingGrant(params({ stateAidBasis: 'de_minimis' }), supported, 300)).toMatchObject({
      intensityBasisPoints: 7000,
      otherPublicSupportDeductedOre: 0,
      maximumOre: 700_000 * NOK,
    });
    const lots = application({ financingPlan: { otherPublicSupportOre: 900_000 * NOK } });
    expect(maximumTrainingGrant(params(), lots, 10).intensityCapOre).toBe(0);
  });
});

describe('settleTrainingCosts', () => {
  const granted = 700_000 * NOK;

  it('pays the graded intensity of the actual eligible costs: 70, 60 and 50 %', () => {
    const actual = lines({ participant_wages: 600_000 * NOK, provider_fees: 400_000 * NOK });
    const payable = (employees: number) => settleTrainingCosts(params(), granted, actual, employees);
    expect(payable(49)).toMatchObject({
      intensityBasisPoints: 7000,
      payableOre: 700_000 * NOK,
      releasedOre: 0,
    });
    expect(payable(50)).toMatchObject({ intensityBasisPoints: 6000, payableOre: 600_000 * NOK });
    expect(payable(249).payableOre).toBe(600_000 * NOK);
    expect(payable(250)).toMatchObject({
      intensityBasisPoints: 5000,
      payableOre: 500_000 * NOK,
      releasedOre: 200_000 * NOK,
    });
  });

  it('applies the share limits to the actual figures', () => {
    // Total 550 000; travel above 10 % (45 000) falls away, 505 000 × 50 % = 252 500.
    const travel = lines({
      participant_wages: 250_000 * NOK,
      provider_fees: 200_000 * NOK,
      travel_subsistence: 100_000 * NOK,
    });
    expect(settleTrainingCosts(params(), granted, travel, 300)).toMatchObject({
      travelAndAdministrationDisallowedOre: 45_000 * NOK,
      actualEligibleCostsOre: 505_000 * NOK,
      payableOre: 252_500 * NOK,
    });
    // Provider 100 000 supports at most 300 000 eligible.
    const wages = lines({ participant_wages: 300_000 * NOK, provider_fees: 100_000 * NOK });
    expect(settleTrainingCosts(params(), granted, wages, 300)).toMatchObject({
      trainingShareDisallowedOre: 100_000 * NOK,
      actualEligibleCostsOre: 300_000 * NOK,
      payableOre: 150_000 * NOK,
    });
  });

  it('never pays more than granted and releases everything when nothing was spent', () => {
    const big = lines({ participant_wages: 2_000_000 * NOK, provider_fees: 1_000_000 * NOK });
    expect(settleTrainingCosts(params(), granted, big, 10)).toMatchObject({
      payableOre: granted,
      releasedOre: 0,
    });
    expect(settleTrainingCosts(params(), granted, [], 10)).toMatchObject({
      payableOre: 0,
      releasedOre: granted,
    });
  });
});
