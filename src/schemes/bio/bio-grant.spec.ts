import type { BioCostLine } from './bio-application.dto';
import {
  acceptanceDeadline,
  classifyCompanySize,
  completionDeadline,
  computeFinalInstalment,
  computeFinalPayable,
  computeMaximumGrant,
  planBioPayments,
  requiresPoliticalDecision,
  summariseBioCosts,
} from './bio-grant';
import { nok } from '@lib/common';
import { newBioApplication, newBioCallParameters, newBioOrganisation } from './bio-testing';

const costs = (lines: Partial<Record<BioCostLine['category'], number>>): BioCostLine[] =>
  Object.entries(lines).map(([category, amountOre]) => ({ category, amountOre }) as BioCostLine);

const params = newBioCallParameters();

describe('classifyCompanySize', () => {
  it('makes 49 employees small and 50 not (Trøndelag boundary)', () => {
    expect(classifyCompanySize(params, 49)).toBe('small');
    expect(classifyCompanySize(params, 50)).toBe('other');
  });

  it('follows the call boundary', () => {
    const p = newBioCallParameters({ maxGrantBySize: { ...params.maxGrantBySize, smallBelowEmployees: 25 } });
    expect(classifyCompanySize(p, 24)).toBe('small');
    expect(classifyCompanySize(p, 25)).toBe('other');
  });
});

describe('summariseBioCosts', () => {
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
    expect(summariseBioCosts(p, lines)).toEqual({
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

  it('stays exact for amounts where floating point would not', () => {
    // 9 000 000 000 000 øre × 7 000 / 10 000 overflows 2^53 in the intermediate product.
    const p = newBioCallParameters({
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

  it('pays the intensity of actual costs when they fall short, and releases the rest', () => {
    // Actual 500 000 → 250 000 payable; 50 000 back to the frame.
    const actual = costs({
      participant_wages: nok(280_000),
      provider_fees: nok(200_000),
      travel_subsistence: nok(20_000),
    });
    expect(computeFinalPayable(params, granted, actual)).toEqual({
      grantedOre: granted,
      actualTotalCostsOre: nok(500_000),
      actualEligibleCostsBeforeLimitsOre: nok(500_000),
      travelAndAdministrationDisallowedOre: 0,
      trainingShareDisallowedOre: 0,
      actualEligibleCostsOre: nok(500_000),
      intensityOfActualCostsOre: nok(250_000),
      payableOre: nok(250_000),
      releasedOre: nok(50_000),
    });
  });

  it('never pays more than granted when costs run over', () => {
    const actual = costs({ participant_wages: nok(500_000), provider_fees: nok(300_000) });
    expect(computeFinalPayable(params, granted, actual)).toMatchObject({
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
    expect(computeFinalPayable(params, granted, actual)).toMatchObject({
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
    expect(computeFinalPayable(params, granted, actual)).toMatchObject({
      trainingShareDisallowedOre: nok(100_000),
      actualEligibleCostsOre: nok(300_000),
      payableOre: nok(150_000),
      releasedOre: nok(150_000),
    });
  });

  it('rounds the payable amount down to whole øre', () => {
    // 1 000,01 NOK eligible × 50 % = 500,005 → 500 NOK.
    const actual = costs({ participant_wages: 66_667, provider_fees: 33_334 });
    expect(computeFinalPayable(params, granted, actual).payableOre).toBe(50_000);
  });

  it('releases the whole grant when nothing was spent', () => {
    expect(computeFinalPayable(params, granted, [])).toMatchObject({ payableOre: 0, releasedOre: granted });
  });
});

describe('payments', () => {
  it('splits the grant into an advance rounded down and a final payment', () => {
    const p = newBioCallParameters({ advancePaymentBasisPoints: 7500 });
    expect(planBioPayments(p, nok(300_000) + 1)).toEqual({ advanceOre: 22_500_000, finalOre: 7_500_001 });
    expect(planBioPayments(params, nok(300_000))).toEqual({ advanceOre: 0, finalOre: nok(300_000) });
  });

  it('pays the rest on the final report, or claims an overpaid advance back', () => {
    expect(computeFinalInstalment(nok(250_000), nok(225_000))).toEqual({
      finalPaymentOre: nok(25_000),
      repaymentClaimOre: 0,
    });
    expect(computeFinalInstalment(nok(200_000), nok(225_000))).toEqual({
      finalPaymentOre: 0,
      repaymentClaimOre: nok(25_000),
    });
    expect(computeFinalInstalment(nok(225_000), nok(225_000))).toEqual({
      finalPaymentOre: 0,
      repaymentClaimOre: 0,
    });
  });

  it('sends grants above the delegation threshold to the political committee', () => {
    expect(requiresPoliticalDecision(params, nok(500_000))).toBe(false);
    expect(requiresPoliticalDecision(params, nok(500_000) + 1)).toBe(true);
  });
});

describe('deadlines', () => {
  it('gives 21 days to accept the grant commitment', () => {
    expect(acceptanceDeadline(params, '2026-03-10')).toBe('2026-03-31');
    expect(acceptanceDeadline(params, '2026-12-20')).toBe('2027-01-10');
  });

  it('counts the completion deadline in calendar months from the grant date', () => {
    expect(completionDeadline(params, '2026-03-02')).toBe('2027-09-02');
    expect(completionDeadline(params, '2026-08-31')).toBe('2028-02-29');
  });
});
