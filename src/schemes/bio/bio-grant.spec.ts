import type { BioCostLine } from './bio-application.dto';
import { computeFinalPayable, computeMaximumGrant } from './bio-grant';
import { nok } from '@lib/common';
import { classifyBySizeCaps, summariseTrainingCosts } from '@lib/engine';
import { bioScheme } from './bio.scheme';
import { newBioApplication, newBioCallParameters, newBioOrganisation } from './bio-testing';

const costs = (lines: Partial<Record<BioCostLine['category'], number>>): BioCostLine[] =>
  Object.entries(lines).map(([category, amountOre]) => ({ category, amountOre }) as BioCostLine);

const params = newBioCallParameters();

describe('the size caps', () => {
  it('makes 49 employees small and 50 not (Trøndelag boundary)', () => {
    expect(classifyBySizeCaps(params.maxGrantBySize, 49)).toBe('small');
    expect(classifyBySizeCaps(params.maxGrantBySize, 50)).toBe('other');
  });

  it('follows the call boundary', () => {
    const p = newBioCallParameters({ maxGrantBySize: { ...params.maxGrantBySize, smallBelowEmployees: 25 } });
    expect(classifyBySizeCaps(p.maxGrantBySize, 24)).toBe('small');
    expect(classifyBySizeCaps(p.maxGrantBySize, 25)).toBe('other');
  });
});

describe('the cost summary', () => {
  it('sums per category and separates eligible, training and travel+administration costs', () => {
    const lines: BioCostLine[] = [
      { category: 'participant_wages', amountOre: 100 },
      { category: 'participant_wages', amountOre: 50 },
      { category: 'provider_fees', amountOre: 70 },
      { category: 'travel_subsistence', amountOre: 20 },
      { category: 'administration', amountOre: 5 },
    ];
    const p = newBioCallParameters({
      eligibleCostCategories: ['participant_wages', 'provider_fees', 'administration'],
    });
    expect(summariseTrainingCosts(p.eligibleCostCategories, lines)).toEqual({
      byCategory: { participant_wages: 150, provider_fees: 70, travel_subsistence: 20, administration: 5 },
      totalCostsOre: 245,
      eligibleCostsOre: 225,
      trainingCostsOre: 70,
      travelAndAdministrationOre: 25,
      eligibleTravelAndAdministrationOre: 5,
    });
  });
});

describe('computeMaximumGrant', () => {
  it('limits the default small-company application by the size cap', () => {
    // 12 employees, 4 participants, eligible 700 000: min(300 000, 400 000, 350 000).
    expect(computeMaximumGrant(params, newBioApplication(), newBioOrganisation())).toEqual({
      maximumOre: nok(300_000),
      limitedBy: ['size'],
      sizeClass: 'small',
      sizeCapOre: nok(300_000),
      participantCapOre: nok(400_000),
      eligibleCostsOre: nok(700_000),
      intensityBasisPoints: 5000,
      intensityOfEligibleCostsOre: nok(350_000),
      otherPublicSupportDeductedOre: 0,
      intensityCapOre: nok(350_000),
    });
  });

  it('limits a larger company by participants', () => {
    // 60 employees, 3 participants, eligible 1 000 000: min(500 000, 300 000, 500 000).
    const application = newBioApplication({
      participants: { count: 3, weeksEach: 10 },
      costPlan: costs({ participant_wages: nok(600_000), provider_fees: nok(400_000) }),
    });
    const max = computeMaximumGrant(params, application, newBioOrganisation({ employeeCount: 60 }));
    expect(max).toMatchObject({
      maximumOre: nok(300_000),
      limitedBy: ['participants'],
      sizeCapOre: nok(500_000),
    });
  });

  it('limits a small budget by aid intensity', () => {
    // eligible 400 000: min(300 000, 400 000, 200 000).
    const application = newBioApplication({
      costPlan: costs({ participant_wages: nok(250_000), provider_fees: nok(150_000) }),
    });
    expect(computeMaximumGrant(params, application, newBioOrganisation())).toMatchObject({
      maximumOre: nok(200_000),
      limitedBy: ['aid_intensity'],
    });
  });

  it('names every cap that ties', () => {
    // 60 employees, 5 participants, eligible 1 000 000: 500 000 three times.
    const application = newBioApplication({
      participants: { count: 5, weeksEach: 10 },
      costPlan: costs({ participant_wages: nok(600_000), provider_fees: nok(400_000) }),
    });
    expect(computeMaximumGrant(params, application, newBioOrganisation({ employeeCount: 60 }))).toMatchObject(
      {
        maximumOre: nok(500_000),
        limitedBy: ['size', 'participants', 'aid_intensity'],
      },
    );
  });

  it('rounds the intensity down to whole øre', () => {
    // 333 333,33 NOK × 50 % = 166 666,665 → 166 666,66 NOK.
    const application = newBioApplication({ costPlan: costs({ provider_fees: 33_333_333 }) });
    expect(computeMaximumGrant(params, application, newBioOrganisation())).toMatchObject({
      intensityOfEligibleCostsOre: 16_666_666,
      maximumOre: 16_666_666,
    });
    // 100 øre × 33,33 % = 33,33 øre → 33 øre.
    const oneNok = newBioApplication({ costPlan: costs({ provider_fees: 100 }) });
    const p = newBioCallParameters({ aidIntensityBasisPoints: 3333 });
    expect(computeMaximumGrant(p, oneNok, newBioOrganisation()).maximumOre).toBe(33);
  });

  it('leaves out costs in categories the call does not cover', () => {
    const p = newBioCallParameters({ eligibleCostCategories: ['participant_wages', 'provider_fees'] });
    // eligible 650 000 of 700 000 → 325 000; size cap 300 000 still binds, so check the intensity figure.
    expect(computeMaximumGrant(p, newBioApplication(), newBioOrganisation())).toMatchObject({
      eligibleCostsOre: nok(650_000),
      intensityOfEligibleCostsOre: nok(325_000),
    });
  });

  it('deducts other public support under GBER, never below zero, and not under de minimis', () => {
    const application = newBioApplication({
      financingPlan: {
        ownContributionOre: nok(340_000),
        otherPublicSupportOre: nok(60_000),
        requestedGrantOre: nok(300_000),
      },
    });
    const organisation = newBioOrganisation({ employeeCount: 60 });
    expect(computeMaximumGrant(params, application, organisation)).toMatchObject({
      intensityOfEligibleCostsOre: nok(350_000),
      otherPublicSupportDeductedOre: nok(60_000),
      intensityCapOre: nok(290_000),
      maximumOre: nok(290_000),
      limitedBy: ['aid_intensity'],
    });
    const deMinimis = newBioCallParameters({ stateAidBasis: 'de_minimis' });
    expect(computeMaximumGrant(deMinimis, application, organisation)).toMatchObject({
      otherPublicSupportDeductedOre: 0,
      maximumOre: nok(350_000),
    });
    const lots = newBioApplication({
      financingPlan: { ownContributionOre: 0, otherPublicSupportOre: nok(400_000), requestedGrantOre: 0 },
    });
    expect(computeMaximumGrant(params, lots, organisation)).toMatchObject({
      intensityCapOre: 0,
      maximumOre: 0,
    });
  });

  it("grades a GBER call's intensity down to the ceiling of the company's size (GBER art. 31)", () => {
    // A 70 % call, eligible 1 000 000, caps out of the way: small 70 %, medium 60 %, large 50 %.
    const p = newBioCallParameters({
      aidIntensityBasisPoints: 7000,
      maxGrantBySize: {
        smallBelowEmployees: 50,
        smallCompanyMaxOre: nok(900_000),
        otherCompanyMaxOre: nok(900_000),
      },
    });
    const application = newBioApplication({
      costPlan: costs({ participant_wages: nok(600_000), provider_fees: nok(400_000) }),
    });
    const at = (employeeCount: number) =>
      computeMaximumGrant(p, application, newBioOrganisation({ employeeCount }));
    expect(at(49)).toMatchObject({ intensityBasisPoints: 7000, maximumOre: nok(400_000) });
    expect(at(49).intensityOfEligibleCostsOre).toBe(nok(700_000));
    expect(at(50)).toMatchObject({ intensityBasisPoints: 6000, intensityOfEligibleCostsOre: nok(600_000) });
    expect(at(249)).toMatchObject({ intensityBasisPoints: 6000 });
    expect(at(250)).toMatchObject({ intensityBasisPoints: 5000, intensityOfEligibleCostsOre: nok(500_000) });
    // A call below the ceiling keeps its own intensity; de minimis is not graded.
    expect(
      computeMaximumGrant(params, application, newBioOrganisation({ employeeCount: 300 })),
    ).toMatchObject({
      intensityBasisPoints: 5000,
    });
    const deMinimis = newBioCallParameters({ aidIntensityBasisPoints: 7000, stateAidBasis: 'de_minimis' });
    expect(
      computeMaximumGrant(deMinimis, application, newBioOrganisation({ employeeCount: 300 })),
    ).toMatchObject({
      intensityBasisPoints: 7000,
    });
  });

  it('stays exact for amounts where floating point would not', () => {
    // 9 000 000 000 000 øre × 7 001 / 10 000 overflows 2^53 in the intermediate product.
    const p = newBioCallParameters({
      stateAidBasis: 'de_minimis',
      aidIntensityBasisPoints: 7001,
      maxGrantBySize: { smallBelowEmployees: 50, smallCompanyMaxOre: 1e12, otherCompanyMaxOre: 1e12 },
      maxGrantPerParticipantOre: 1e12,
    });
    const application = newBioApplication({ costPlan: costs({ provider_fees: 1_000_000_000_003 }) });
    expect(computeMaximumGrant(p, application, newBioOrganisation()).intensityOfEligibleCostsOre).toBe(
      700_100_000_002,
    );
  });
});

describe('computeFinalPayable', () => {
  const granted = nok(300_000);
  const company = newBioOrganisation();

  it('pays the intensity of actual costs when they fall short, and releases the rest', () => {
    // Actual 500 000 → 250 000 payable; 50 000 back to the frame.
    const actual = costs({
      participant_wages: nok(280_000),
      provider_fees: nok(200_000),
      travel_subsistence: nok(20_000),
    });
    expect(computeFinalPayable(params, granted, actual, company)).toEqual({
      grantedOre: granted,
      actualTotalCostsOre: nok(500_000),
      actualEligibleCostsBeforeLimitsOre: nok(500_000),
      travelAndAdministrationDisallowedOre: 0,
      trainingShareDisallowedOre: 0,
      actualEligibleCostsOre: nok(500_000),
      intensityBasisPoints: 5000,
      intensityOfActualCostsOre: nok(250_000),
      payableOre: nok(250_000),
      releasedOre: nok(50_000),
    });
  });

  it('never pays more than granted when costs run over', () => {
    const actual = costs({ participant_wages: nok(500_000), provider_fees: nok(300_000) });
    expect(computeFinalPayable(params, granted, actual, company)).toMatchObject({
      intensityOfActualCostsOre: nok(400_000),
      payableOre: granted,
      releasedOre: 0,
    });
  });

  it('disallows travel and administration above 10 % of actual total costs', () => {
    // Total 550 000; 10 % = 55 000, so 45 000 of 100 000 travel is not eligible; 505 000 × 50 % = 252 500.
    const actual = costs({
      participant_wages: nok(250_000),
      provider_fees: nok(200_000),
      travel_subsistence: nok(100_000),
    });
    expect(computeFinalPayable(params, granted, actual, company)).toMatchObject({
      travelAndAdministrationDisallowedOre: nok(45_000),
      trainingShareDisallowedOre: 0,
      actualEligibleCostsOre: nok(505_000),
      payableOre: nok(252_500),
      releasedOre: nok(47_500),
    });
  });

  it('disallows costs that push provider fees below 1/3', () => {
    // Provider 100 000 supports at most 300 000 eligible; 100 000 of wages fall away; 150 000 payable.
    const actual = costs({ participant_wages: nok(300_000), provider_fees: nok(100_000) });
    expect(computeFinalPayable(params, granted, actual, company)).toMatchObject({
      trainingShareDisallowedOre: nok(100_000),
      actualEligibleCostsOre: nok(300_000),
      payableOre: nok(150_000),
      releasedOre: nok(150_000),
    });
  });

  it('rounds the payable amount down to whole øre', () => {
    // 1 000,01 NOK eligible × 50 % = 500,005 → 500 NOK.
    const actual = costs({ participant_wages: 66_667, provider_fees: 33_334 });
    expect(computeFinalPayable(params, granted, actual, company).payableOre).toBe(50_000);
  });

  it("pays at the intensity of the company's size, as at the decision", () => {
    // A 70 % call, actual eligible 400 000: small 280 000, medium 240 000, large 200 000.
    const p = newBioCallParameters({ aidIntensityBasisPoints: 7000 });
    const actual = costs({ participant_wages: nok(250_000), provider_fees: nok(150_000) });
    const payable = (employeeCount: number) =>
      computeFinalPayable(p, granted, actual, { employeeCount }).payableOre;
    expect(payable(49)).toBe(nok(280_000));
    expect(payable(50)).toBe(nok(240_000));
    expect(payable(250)).toBe(nok(200_000));
  });

  it('releases the whole grant when nothing was spent', () => {
    expect(computeFinalPayable(params, granted, [], company)).toMatchObject({
      payableOre: 0,
      releasedOre: granted,
    });
  });
});

describe('payments', () => {
  it('splits the grant into an advance rounded down and a final payment', () => {
    const p = newBioCallParameters({ advancePaymentBasisPoints: 7500 });
    expect(bioScheme.paymentPlan(p, nok(300_000) + 1, newBioApplication())).toEqual([
      { label: 'Forskudd', amount: 22_500_000, on: 'acceptance' },
      { label: 'Sluttutbetaling', amount: 7_500_001, on: 'final_report' },
    ]);
    expect(bioScheme.paymentPlan(params, nok(300_000), newBioApplication())).toEqual([
      { label: 'Sluttutbetaling', amount: nok(300_000), on: 'final_report' },
    ]);
  });
});
