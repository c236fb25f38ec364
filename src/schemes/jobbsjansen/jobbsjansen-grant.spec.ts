import { nok } from '@lib/common';
import {
  computeJobbsjansenFinalPayable,
  computeJobbsjansenMaximumGrant,
  planJobbsjansenPayments,
  yearlyReportDueDate,
  requiredOwnFinancingOre,
  summariseJobbsjansenCosts,
  totalParticipants,
} from './jobbsjansen-grant';
import {
  newJobbsjansenApplication,
  newJobbsjansenCallParameters,
  newJobbsjansenReport,
} from './jobbsjansen-testing';

const params = newJobbsjansenCallParameters();

describe('Jobbsjansen costs and participants', () => {
  it('sums cost lines per category and keeps ordinary operations out of the eligible costs', () => {
    const summary = summariseJobbsjansenCosts([
      { category: 'teaching_staff', amountOre: 100 },
      { category: 'teaching_staff', amountOre: 1 },
      { category: 'ordinary_operations', amountOre: 50 },
    ]);
    expect(summary).toMatchObject({ totalCostsOre: 151, eligibleCostsOre: 101, ordinaryOperationsOre: 50 });
    expect(summary.byCategory.teaching_staff).toBe(101);
  });

  it('counts participants over the age bands', () => {
    expect(totalParticipants({ aged16to18: 6, aged19to21: 8, aged22to24: 4 })).toBe(18);
  });
});

describe('requiredOwnFinancingOre', () => {
  it('is the call’s share of the costs, rounded up to whole øre', () => {
    expect(requiredOwnFinancingOre(params, nok(900_000))).toBe(nok(180_000));
    // 20 % of 900 000,04 NOK is 180 000,008 NOK: 180 000,01 NOK is required.
    expect(requiredOwnFinancingOre(params, nok(900_000) + 4)).toBe(nok(180_000) + 1);
  });

  it('is at least 1 øre when there are costs, because own financing is always required', () => {
    const noShare = newJobbsjansenCallParameters({ minOwnShareBasisPoints: 0 });
    expect(requiredOwnFinancingOre(noShare, nok(900_000))).toBe(1);
    expect(requiredOwnFinancingOre(noShare, 0)).toBe(0);
    expect(requiredOwnFinancingOre(params, 0)).toBe(0);
  });
});

describe('computeJobbsjansenMaximumGrant', () => {
  it('leaves the required own financing: 900 000 − 20 % = 720 000 NOK, under the 1.5 MNOK cap', () => {
    expect(computeJobbsjansenMaximumGrant(params, newJobbsjansenApplication())).toEqual({
      maximumOre: nok(720_000),
      limitedBy: ['costs_less_financing'],
      projectCapOre: nok(1_500_000),
      eligibleCostsOre: nok(900_000),
      requiredOwnFinancingOre: nok(180_000),
      otherFundingOre: 0,
      costsLessFinancingOre: nok(720_000),
    });
  });

  it('is limited by the cap per project at and below the costs, naming both caps when they tie', () => {
    const at = newJobbsjansenCallParameters({ maxGrantPerProjectOre: nok(720_000) });
    expect(computeJobbsjansenMaximumGrant(at, newJobbsjansenApplication())).toMatchObject({
      maximumOre: nok(720_000),
      limitedBy: ['project_cap', 'costs_less_financing'],
    });
    const below = newJobbsjansenCallParameters({ maxGrantPerProjectOre: nok(720_000) - 1 });
    expect(computeJobbsjansenMaximumGrant(below, newJobbsjansenApplication())).toMatchObject({
      maximumOre: nok(720_000) - 1,
      limitedBy: ['project_cap'],
    });
  });

  it('earns nothing on ordinary operations, and takes other funding off', () => {
    const base = newJobbsjansenApplication();
    const withOrdinary = newJobbsjansenApplication({
      costPlan: [...base.costPlan, { category: 'ordinary_operations', amountOre: nok(300_000) }],
    });
    expect(computeJobbsjansenMaximumGrant(params, withOrdinary).maximumOre).toBe(nok(720_000));
    const withOther = newJobbsjansenApplication({
      financingPlan: { ownFinancingOre: nok(180_000), otherFundingOre: nok(50_000), requestedGrantOre: 0 },
    });
    expect(computeJobbsjansenMaximumGrant(params, withOther).maximumOre).toBe(nok(670_000));
    const overFunded = newJobbsjansenApplication({
      financingPlan: { ownFinancingOre: nok(180_000), otherFundingOre: nok(800_000), requestedGrantOre: 0 },
    });
    expect(computeJobbsjansenMaximumGrant(params, overFunded).maximumOre).toBe(0);
  });
});

describe('computeJobbsjansenFinalPayable', () => {
  const granted = nok(720_000);

  it('pays the actual costs less own financing: 850 000 − 180 000 = 670 000 NOK, releasing 50 000', () => {
    expect(computeJobbsjansenFinalPayable(params, granted, newJobbsjansenReport())).toEqual({
      grantedOre: granted,
      actualEligibleCostsOre: nok(850_000),
      requiredOwnFinancingOre: nok(170_000),
      ownFinancingCountedOre: nok(180_000),
      otherFundingOre: 0,
      fundingGapOre: nok(670_000),
      payableOre: nok(670_000),
      releasedOre: nok(50_000),
    });
  });

  it('counts at least the required own share, so too little own financing reduces the grant', () => {
    const report = newJobbsjansenReport({
      actualFinancing: { ownFinancingOre: nok(100_000), otherFundingOre: 0 },
    });
    expect(computeJobbsjansenFinalPayable(params, granted, report)).toMatchObject({
      ownFinancingCountedOre: nok(170_000),
      payableOre: nok(680_000),
    });
  });

  it('never pays more than granted, nor less than nothing', () => {
    const dearer = newJobbsjansenReport({
      actualCosts: [{ category: 'teaching_staff', amountOre: nok(1_000_000) }],
    });
    expect(computeJobbsjansenFinalPayable(params, granted, dearer)).toMatchObject({
      fundingGapOre: nok(800_000),
      payableOre: granted,
      releasedOre: 0,
    });
    const covered = newJobbsjansenReport({
      actualFinancing: { ownFinancingOre: nok(500_000), otherFundingOre: nok(500_000) },
    });
    expect(computeJobbsjansenFinalPayable(params, granted, covered)).toMatchObject({
      fundingGapOre: 0,
      payableOre: 0,
      releasedOre: granted,
    });
  });

  it('ignores ordinary operations among the actual costs', () => {
    const base = newJobbsjansenReport();
    const report = newJobbsjansenReport({
      actualCosts: [...base.actualCosts, { category: 'ordinary_operations', amountOre: nok(400_000) }],
    });
    expect(computeJobbsjansenFinalPayable(params, granted, report).payableOre).toBe(nok(670_000));
  });
});

describe('planJobbsjansenPayments', () => {
  it('pays half in autumn and half in spring, in date order, the odd øre in autumn', () => {
    expect(planJobbsjansenPayments(params, nok(720_000) + 1)).toEqual([
      { label: 'Høstutbetaling', amount: nok(360_000) + 1, on: 'date', date: '2026-12-15' },
      { label: 'Vårutbetaling', amount: nok(360_000), on: 'date', date: '2027-03-15', after: 'yearly' },
    ]);
  });

  it('gates only the second instalment by the yearly report, due 30 days before it unless the call says', () => {
    expect(planJobbsjansenPayments(params, nok(1)).map((i) => i.after)).toEqual([undefined, 'yearly']);
    expect(yearlyReportDueDate(params)).toBe('2027-02-13');
    const dated = newJobbsjansenCallParameters({
      payments: { ...params.payments, yearlyReportDue: '2027-01-31' },
    });
    expect(yearlyReportDueDate(dated)).toBe('2027-01-31');
    // A single instalment (everything in autumn) waits for nothing.
    const allAutumn = newJobbsjansenCallParameters({
      payments: { ...params.payments, springShareBasisPoints: 0 },
    });
    expect(planJobbsjansenPayments(allAutumn, nok(100))).toEqual([
      { label: 'Høstutbetaling', amount: nok(100), on: 'date', date: '2026-12-15' },
    ]);
  });

  it('puts spring first when the call’s spring date comes first', () => {
    const calendarYear = newJobbsjansenCallParameters({
      payments: { springDate: '2027-04-15', autumnDate: '2027-09-15', springShareBasisPoints: 5000 },
    });
    expect(planJobbsjansenPayments(calendarYear, 3).map((i) => [i.date, i.amount])).toEqual([
      ['2027-04-15', 1],
      ['2027-09-15', 2],
    ]);
  });

  it('adds up to the granted amount exactly for any whole-øre amount and share', () => {
    for (const share of [0, 1, 3333, 5000, 6667, 9999, 10_000]) {
      const p = newJobbsjansenCallParameters({
        payments: { springDate: '2027-03-15', autumnDate: '2026-12-15', springShareBasisPoints: share },
      });
      for (const amount of [1, 2, 3, 99, 101, 100_001, 12_345_679, 72_000_001, 2_330_000_001]) {
        const plan = planJobbsjansenPayments(p, amount);
        expect(plan.reduce((sum, i) => sum + i.amount, 0)).toBe(amount);
        expect(plan.every((i) => Number.isSafeInteger(i.amount) && i.amount > 0 && i.on === 'date')).toBe(
          true,
        );
      }
    }
  });

  it('leaves out an instalment of 0 øre, and still has one line for a grant of 0', () => {
    expect(planJobbsjansenPayments(params, 1)).toEqual([
      expect.objectContaining({ amount: 1, date: '2026-12-15' }),
    ]);
    expect(planJobbsjansenPayments(params, 0)).toEqual([
      expect.objectContaining({ amount: 0, date: '2026-12-15' }),
    ]);
    const allInSpring = newJobbsjansenCallParameters({
      payments: { springDate: '2027-03-15', autumnDate: '2026-12-15', springShareBasisPoints: 10_000 },
    });
    expect(planJobbsjansenPayments(allInSpring, 101)).toEqual([
      expect.objectContaining({ amount: 101, date: '2027-03-15' }),
    ]);
  });
});
