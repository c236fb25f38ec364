import { nok } from '@lib/common';
import {
  computeEtablererFinalPayable,
  etablererStateAidBasis,
  computeEtablererMaximumGrant,
  grantSupportedByOwnFundsOre,
  isSme,
  ownFundsSufficient,
  planEtablererPayments,
  requiredOwnFundsOre,
  summariseEtablererCosts,
  supportShareBasisPoints,
  supportShareCapOre,
} from './etablerer-grant';
import {
  newEtablererApplication,
  newEtablererCallParameters,
  newEtablererCompanyApplication,
  newEtablererReport,
} from './etablerer-testing';

const params = newEtablererCallParameters();

describe('summariseEtablererCosts', () => {
  it('counts the GBER art. 31 categories as eligible, and `other` only in the total', () => {
    expect(
      summariseEtablererCosts([
        { category: 'trainer_personnel', amountOre: 100 },
        { category: 'travel_accommodation', amountOre: 10 },
        { category: 'materials', amountOre: 20 },
        { category: 'advisory_services', amountOre: 30 },
        { category: 'participant_personnel', amountOre: 40 },
        { category: 'indirect_costs', amountOre: 50 },
        { category: 'other', amountOre: 7 },
      ]),
    ).toEqual({ totalCostsOre: 257, eligibleCostsOre: 250 });
  });
});

describe('SME and support share', () => {
  it('makes 249 employees an SME and 250 not (when declared)', () => {
    expect(isSme(params, true, 249)).toBe(true);
    expect(isSme(params, true, 250)).toBe(false);
    expect(isSme(params, false, 10)).toBe(false);
  });

  it('gives 60 % to SMEs and 50 % to others', () => {
    expect(supportShareBasisPoints(params, true)).toBe(6000);
    expect(supportShareBasisPoints(params, false)).toBe(5000);
  });

  it('caps the grant at the share of eligible costs less other public funding, only with economic activity', () => {
    expect(supportShareCapOre(params, true, false, 10_000_001, 0)).toBe(5_000_000);
    expect(supportShareCapOre(params, true, true, 10_000_001, 0)).toBe(6_000_000);
    expect(supportShareCapOre(params, true, true, 10_000_000, 1_000_000)).toBe(5_000_000);
    expect(supportShareCapOre(params, true, false, 100, 1_000)).toBe(0);
    expect(supportShareCapOre(params, false, false, 0, 0)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('own funds ≥ the amount applied for', () => {
  it('compares exactly at the boundary', () => {
    expect(ownFundsSufficient(params, 9_999_999, 10_000_000)).toBe(false);
    expect(ownFundsSufficient(params, 10_000_000, 10_000_000)).toBe(true);
    expect(requiredOwnFundsOre(params, 10_000_001)).toBe(10_000_001);
    expect(grantSupportedByOwnFundsOre(params, 10_000_001)).toBe(10_000_001);
  });

  it('follows another share in the call', () => {
    const half = newEtablererCallParameters({ minOwnFundsBasisPoints: 5000 });
    expect(requiredOwnFundsOre(half, 10_000_001)).toBe(5_000_001);
    expect(ownFundsSufficient(half, 5_000_000, 10_000_001)).toBe(false);
    expect(grantSupportedByOwnFundsOre(newEtablererCallParameters({ minOwnFundsBasisPoints: 0 }), 0)).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });
});

describe('computeEtablererMaximumGrant', () => {
  it('limits a municipality without economic activity by the amount applied for', () => {
    expect(computeEtablererMaximumGrant(params, newEtablererApplication(), 14_000)).toEqual({
      maximumOre: nok(150_000),
      limitedBy: ['requested'],
      sme: false,
      eligibleCostsOre: nok(300_000),
      ownFundsCapOre: nok(160_000),
      supportShareCapOre: Number.MAX_SAFE_INTEGER,
    });
  });

  it('gives an SME with economic activity 60 % of eligible costs, a larger company 50 %', () => {
    const content = newEtablererCompanyApplication();
    expect(computeEtablererMaximumGrant(params, content, 249)).toMatchObject({
      maximumOre: nok(120_000),
      sme: true,
      supportShareCapOre: nok(120_000),
    });
    expect(computeEtablererMaximumGrant(params, content, 250)).toMatchObject({
      maximumOre: nok(100_000),
      limitedBy: ['support_share'],
      sme: false,
    });
  });

  it('is limited by the own funds and by the call cap', () => {
    const content = newEtablererApplication({
      financingPlan: { ownFundsOre: nok(90_000), otherPublicFundingOre: 0, requestedGrantOre: nok(230_000) },
    });
    expect(computeEtablererMaximumGrant(params, content, 14_000)).toMatchObject({
      maximumOre: nok(90_000),
      limitedBy: ['own_funds'],
    });
    const rich = newEtablererApplication({
      financingPlan: { ownFundsOre: nok(300_000), otherPublicFundingOre: 0, requestedGrantOre: nok(250_000) },
    });
    expect(computeEtablererMaximumGrant(params, rich, 14_000)).toMatchObject({
      maximumOre: nok(200_000),
      limitedBy: ['call_cap'],
    });
  });
});

const noActivity = { economicActivity: false, sme: false };

describe('computeEtablererFinalPayable', () => {
  it('pays the costs not covered by own funds and other funding, never more than granted', () => {
    // 280 000 − 150 000 − 10 000 = 120 000 of 140 000 granted.
    expect(computeEtablererFinalPayable(params, nok(140_000), newEtablererReport(), noActivity)).toEqual({
      grantedOre: nok(140_000),
      actualTotalCostsOre: nok(280_000),
      actualEligibleCostsOre: nok(265_000),
      uncoveredCostsOre: nok(120_000),
      ownFundsCapOre: nok(150_000),
      supportShareCapOre: Number.MAX_SAFE_INTEGER,
      payableOre: nok(120_000),
      releasedOre: nok(20_000),
    });
  });

  it('keeps own funds ≥ the payment', () => {
    const report = newEtablererReport({ actualOwnFundsOre: nok(100_000), otherPublicFundingOre: 0 });
    expect(computeEtablererFinalPayable(params, nok(140_000), report, noActivity).payableOre).toBe(
      nok(100_000),
    );
  });

  it('applies the support share of actual eligible costs with economic activity: 60 % SME, 50 % otherwise', () => {
    const report = newEtablererReport({
      actualCosts: [
        { category: 'trainer_personnel', amountOre: 15_000_001 },
        { category: 'other', amountOre: nok(100_000) },
      ],
      actualOwnFundsOre: nok(120_000),
      otherPublicFundingOre: 0,
    });
    const basis = (sme: boolean) => ({ economicActivity: true, sme });
    // Eligible 150 000,01 NOK: 60 % = 90 000,00 (rounded down), 50 % = 75 000,00.
    expect(computeEtablererFinalPayable(params, nok(120_000), report, basis(true)).payableOre).toBe(
      9_000_000,
    );
    expect(computeEtablererFinalPayable(params, nok(120_000), report, basis(false)).payableOre).toBe(
      7_500_000,
    );
  });

  it('takes the basis from the application and the register: a declared SME with 250 employees is not one', () => {
    const company = newEtablererCompanyApplication();
    expect(etablererStateAidBasis(params, company, 249)).toEqual({ economicActivity: true, sme: true });
    expect(etablererStateAidBasis(params, company, 250)).toEqual({ economicActivity: true, sme: false });
    expect(etablererStateAidBasis(params, newEtablererApplication(), 10)).toEqual({
      economicActivity: false,
      sme: false,
    });
  });
});

describe('planEtablererPayments', () => {
  it('splits the grant 50/50, summing exactly for odd øre', () => {
    for (const amount of [1, 99, 100_001, 12_345_679, 2_330_000_001]) {
      expect(planEtablererPayments(params, amount).reduce((sum, i) => sum + i.amount, 0)).toBe(amount);
    }
    expect(planEtablererPayments(params, 14_000_001)).toEqual([
      { label: 'Forskudd ved aksept', amount: 7_000_000, on: 'acceptance' },
      { label: 'Sluttutbetaling etter godkjent sluttrapport', amount: 7_000_001, on: 'final_report' },
    ]);
    expect(planEtablererPayments(newEtablererCallParameters({ advancePaymentBasisPoints: 0 }), 5)).toEqual([
      { label: 'Sluttutbetaling etter godkjent sluttrapport', amount: 5, on: 'final_report' },
    ]);
  });
});
