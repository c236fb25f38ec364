import { nok } from '@lib/common';
import type { MentorOwnShareLine } from './mentor-application.dto';
import {
  applicationRound,
  centiHours,
  computeMentorFinalPayable,
  computeMentorMaximumGrant,
  grantSupportedByOwnShareOre,
  hourlyRateOre,
  ownShareSufficient,
  planMentorPayments,
  requiredOwnShareOre,
  staffTimeValueOre,
  summariseOwnShare,
} from './mentor-grant';
import { newMentorApplication, newMentorCallParameters, newMentorReport } from './mentor-testing';

const params = newMentorCallParameters();
const rate = params.staffTimeRate;

describe('hourlyRateOre: 1.2 ‰ of gross annual salary, capped at 800 NOK/h', () => {
  it('computes 780 NOK/h from 650 000 NOK a year', () => {
    expect(hourlyRateOre(rate, nok(650_000))).toBe(nok(780));
  });

  it('rounds the rate down to whole øre', () => {
    // 123 456,78 NOK × 0.0012 = 148,1481… NOK → 148,14 NOK.
    expect(hourlyRateOre(rate, 12_345_678)).toBe(14_814);
  });

  it('caps at 800 NOK/h exactly at the boundary salary and above it', () => {
    // 666 666,66 NOK → 799,99 NOK; 666 666,67 NOK → 800,0000004 → 800,00 NOK; 700 000 → 840 → 800.
    expect(hourlyRateOre(rate, 66_666_666)).toBe(79_999);
    expect(hourlyRateOre(rate, 66_666_667)).toBe(nok(800));
    expect(hourlyRateOre(rate, nok(700_000))).toBe(nok(800));
    expect(hourlyRateOre(rate, nok(2_000_000))).toBe(nok(800));
  });

  it('follows the call: another share and cap', () => {
    expect(hourlyRateOre({ basisPointsOfAnnualSalary: 15, maxHourlyRateOre: nok(1000) }, nok(600_000))).toBe(
      nok(900),
    );
    expect(hourlyRateOre({ basisPointsOfAnnualSalary: 15, maxHourlyRateOre: nok(850) }, nok(600_000))).toBe(
      nok(850),
    );
  });
});

describe('staffTimeValueOre: hours × rate, rounded down to whole øre', () => {
  it('converts hours with two decimals without float error', () => {
    expect(centiHours(37.5)).toBe(3750);
    expect(centiHours(0.29)).toBe(29); // 0.29 × 100 = 28.999… in floating point
    expect(staffTimeValueOre(rate, 100, nok(650_000))).toBe(nok(78_000));
    expect(staffTimeValueOre(rate, 37.5, 12_345_678)).toBe(555_525); // 37,5 × 148,14
  });

  it('rounds the product down', () => {
    // 0.01 h × 148,14 NOK = 1,4814 NOK → 148 øre; 0.29 h × 148,14 = 42,9606 → 42,96.
    expect(staffTimeValueOre(rate, 0.01, 12_345_678)).toBe(148);
    expect(staffTimeValueOre(rate, 0.29, 12_345_678)).toBe(4296);
  });

  it('uses the capped rate', () => {
    expect(staffTimeValueOre(rate, 50, nok(800_000))).toBe(nok(40_000));
  });
});

describe('summariseOwnShare', () => {
  it('values every kind of line: cash, staff time, premises and other costs', () => {
    const lines: MentorOwnShareLine[] = [
      { kind: 'cash', description: 'a', amountOre: 100 },
      { kind: 'cash', description: 'b', amountOre: 1 },
      { kind: 'staff_time', description: 'c', hours: 1.5, grossAnnualSalaryOre: nok(650_000) },
      { kind: 'premises', description: 'd', amountOre: 30 },
      { kind: 'other_costs', description: 'e', amountOre: 7 },
    ];
    expect(summariseOwnShare(rate, lines)).toEqual({
      byKind: { cash: 101, staff_time: 117_000, premises: 30, other_costs: 7 },
      totalOre: 117_138,
      includesStaffTime: true,
    });
  });

  it('values the default application at 190 000 NOK', () => {
    const summary = summariseOwnShare(rate, newMentorApplication().financingPlan.ownShare);
    expect(summary.totalOre).toBe(nok(190_000));
    expect(summary.byKind.staff_time).toBe(nok(118_000));
  });

  it('counts nothing for an empty own share', () => {
    expect(summariseOwnShare(rate, [])).toMatchObject({ totalOre: 0, includesStaffTime: false });
  });
});

describe('own share ≥ 50 % of the amount applied for (exact)', () => {
  it('refuses 49.99 % and accepts 50 %', () => {
    expect(ownShareSufficient(params, 4_999_000, 10_000_000)).toBe(false);
    expect(ownShareSufficient(params, 4_999_999, 10_000_000)).toBe(false);
    expect(ownShareSufficient(params, 5_000_000, 10_000_000)).toBe(true);
  });

  it('compares exactly on odd øre amounts (half an øre is not rounded away)', () => {
    // 50 % of 100 000,01 NOK = 50 000,005 NOK: 50 000,00 is too little, 50 000,01 enough.
    expect(requiredOwnShareOre(params, 10_000_001)).toBe(5_000_001);
    expect(ownShareSufficient(params, 5_000_000, 10_000_001)).toBe(false);
    expect(ownShareSufficient(params, 5_000_001, 10_000_001)).toBe(true);
  });

  it('turns an own share into the largest grant it supports', () => {
    expect(grantSupportedByOwnShareOre(params, 5_000_001)).toBe(10_000_002);
    expect(grantSupportedByOwnShareOre({ ...params, minOwnShareBasisPoints: 3333 }, 100)).toBe(300);
    expect(grantSupportedByOwnShareOre({ ...params, minOwnShareBasisPoints: 0 }, 0)).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });
});

describe('computeMentorMaximumGrant', () => {
  it('limits the default application by what was applied for', () => {
    expect(computeMentorMaximumGrant(params, newMentorApplication())).toEqual({
      maximumOre: nok(300_000),
      limitedBy: ['requested'],
      requestedOre: nok(300_000),
      callCapOre: nok(400_000),
      ownShareOre: nok(190_000),
      ownShareCapOre: nok(380_000),
    });
  });

  it('is limited by the call cap and by the own share', () => {
    const big = newMentorApplication({
      financingPlan: { ...newMentorApplication().financingPlan, requestedGrantOre: nok(450_000) },
    });
    expect(computeMentorMaximumGrant(params, big)).toMatchObject({
      maximumOre: nok(380_000),
      limitedBy: ['own_share'],
    });
    expect(computeMentorMaximumGrant({ ...params, maxGrantOre: nok(250_000) }, big)).toMatchObject({
      maximumOre: nok(250_000),
      limitedBy: ['call_cap'],
    });
  });
});

describe('computeMentorFinalPayable', () => {
  it('pays what the own share and other funding leave uncovered, never more than granted', () => {
    // 520 000 − 174 000 − 110 000 = 236 000; the own share supports 348 000; granted 280 000.
    expect(computeMentorFinalPayable(params, nok(280_000), newMentorReport())).toEqual({
      grantedOre: nok(280_000),
      actualCostsOre: nok(520_000),
      actualOwnShareOre: nok(174_000),
      otherPublicFundingOre: nok(110_000),
      uncoveredCostsOre: nok(236_000),
      ownShareCapOre: nok(348_000),
      payableOre: nok(236_000),
      releasedOre: nok(44_000),
    });
    expect(computeMentorFinalPayable(params, nok(200_000), newMentorReport()).payableOre).toBe(nok(200_000));
  });

  it('reduces the payment when the actual own share falls below half of it', () => {
    const report = newMentorReport({
      actualOwnShare: [{ kind: 'cash', description: 'Budget', amountOre: 5_000_001 }],
      otherPublicFundingOre: 0,
    });
    const settlement = computeMentorFinalPayable(params, nok(280_000), report);
    expect(settlement.ownShareCapOre).toBe(10_000_002);
    expect(settlement.payableOre).toBe(10_000_002);
  });

  it('pays nothing when other funding covers everything', () => {
    const report = newMentorReport({ otherPublicFundingOre: nok(600_000) });
    expect(computeMentorFinalPayable(params, nok(280_000), report)).toMatchObject({
      uncoveredCostsOre: 0,
      payableOre: 0,
      releasedOre: nok(280_000),
    });
  });
});

describe('planMentorPayments', () => {
  it('pays the call’s advance on acceptance and the rest on the final report, summing exactly', () => {
    for (const amount of [1, 99, 100_001, 12_345_679, nok(300_000), 2_330_000_001]) {
      const plan = planMentorPayments(params, amount);
      expect(plan.reduce((sum, i) => sum + i.amount, 0)).toBe(amount);
      expect(plan.at(-1)?.on).toBe('final_report');
    }
    expect(planMentorPayments(params, 12_345_679)).toEqual([
      { label: 'Forskudd ved aksept', amount: 6_172_839, on: 'acceptance' },
      { label: 'Sluttutbetaling etter godkjent sluttrapport', amount: 6_172_840, on: 'final_report' },
    ]);
  });

  it('has no advance line when the call pays no advance (or the advance rounds to 0)', () => {
    expect(planMentorPayments({ ...params, advancePaymentBasisPoints: 0 }, nok(100))).toEqual([
      { label: 'Sluttutbetaling etter godkjent sluttrapport', amount: nok(100), on: 'final_report' },
    ]);
    expect(planMentorPayments(params, 1)).toEqual([
      { label: 'Sluttutbetaling etter godkjent sluttrapport', amount: 1, on: 'final_report' },
    ]);
  });
});

describe('applicationRound', () => {
  it('puts an application in the first deadline not yet passed', () => {
    const { window } = params;
    expect(applicationRound(window, new Date('2026-11-23T10:00:00+01:00'))).toBe('2027-04-01T23:59:59+02:00');
    expect(applicationRound(window, new Date('2027-04-01T23:59:59+02:00'))).toBe('2027-04-01T23:59:59+02:00');
    expect(applicationRound(window, new Date('2027-04-02T00:00:00+02:00'))).toBe('2027-10-01T23:59:59+02:00');
    expect(applicationRound(window, new Date('2027-10-02T00:00:00+02:00'))).toBeNull();
  });

  it('has no rounds in a rolling call', () => {
    expect(
      applicationRound({ kind: 'rolling', opensAt: '2026-01-05T08:00:00+01:00' }, new Date()),
    ).toBeNull();
  });
});
