import { nok } from '@lib/common';
import type { CoronaFinalReport } from './corona-application.dto';
import { computeApprenticeEntitlement, computeFagbrevEntitlement } from './corona-contracts';
import {
  computeBioExtraFinalPayable,
  computeBioExtraMaximumGrant,
  computeCoronaFinalPayable,
  planCoronaPayments,
} from './corona-grant';
import {
  newApprenticeApplication,
  newApprenticeCallParameters,
  newApprenticeContract,
  newBioExtraApplication,
  newBioExtraCallParameters,
  newFagbrevApplication,
  newFagbrevCallParameters,
  newFagbrevContract,
} from './corona-testing';

const apprenticeParams = () => newApprenticeCallParameters().apprenticePackage!;
const bioParams = () => newBioExtraCallParameters().bioExtra!;

describe('computeApprenticeEntitlement', () => {
  it('pays each contract its package rate and caps the company at 50 000 NOK (two packages)', () => {
    const e = computeApprenticeEntitlement(apprenticeParams(), newApprenticeApplication().apprenticePackage!);
    expect(e).toMatchObject({
      countedContracts: 2,
      uncappedOre: nok(60_000),
      capOre: nok(50_000),
      entitlementOre: nok(50_000),
    });
    expect(e.lines.map((l) => [l.code, l.contracts, l.amountOre])).toEqual([
      ['etter_permittering', 1, nok(35_000)],
      ['ny_laereplass', 1, nok(25_000)],
    ]);
  });

  it('pays 35 000 NOK for one contract under one package, below the cap', () => {
    const a = newApprenticeApplication({ contracts: [newApprenticeContract()] }).apprenticePackage!;
    expect(computeApprenticeEntitlement(apprenticeParams(), a).entitlementOre).toBe(nok(35_000));
  });

  it('counts only the contracts that meet the conditions', () => {
    const a = newApprenticeApplication({
      contracts: [
        newApprenticeContract(),
        newApprenticeContract({
          candidateReference: 'TFK-2',
          vigoContractNumber: 'V-0002',
          signedOn: '2027-01-02',
        }),
        newApprenticeContract({
          candidateReference: 'TFK-3',
          vigoContractNumber: 'V-0003',
          statutoryRight: false,
        }),
        newApprenticeContract(), // the first one again
      ],
    }).apprenticePackage!;
    expect(computeApprenticeEntitlement(apprenticeParams(), a)).toMatchObject({
      countedContracts: 1,
      entitlementOre: nok(35_000),
    });
  });

  it('gives nothing when no contract counts', () => {
    const a = newApprenticeApplication({
      contracts: [newApprenticeContract({ signedOn: '2026-10-31' })],
    }).apprenticePackage!;
    expect(computeApprenticeEntitlement(apprenticeParams(), a)).toMatchObject({
      lines: [],
      entitlementOre: 0,
    });
  });
});

describe('computeFagbrevEntitlement', () => {
  it('pays 30 000 NOK per contract', () => {
    const params = newFagbrevCallParameters().fagbrevPaJobb!;
    expect(computeFagbrevEntitlement(params, newFagbrevApplication().fagbrevPaJobb!).entitlementOre).toBe(
      nok(60_000),
    );
  });

  it('caps at 150 000 NOK per company', () => {
    const params = newFagbrevCallParameters().fagbrevPaJobb!;
    const contracts = Array.from({ length: 7 }, (_, i) =>
      newFagbrevContract({ candidateReference: `FPJ-${i}`, vigoContractNumber: `V-000${i}` }),
    );
    expect(
      computeFagbrevEntitlement(params, newFagbrevApplication({ contracts }).fagbrevPaJobb!),
    ).toMatchObject({
      uncappedOre: nok(210_000),
      entitlementOre: nok(150_000),
    });
  });
});

describe('computeBioExtraMaximumGrant', () => {
  it('takes the least of size cap, participant cap and 60 % of eligible costs', () => {
    const max = computeBioExtraMaximumGrant(bioParams(), newBioExtraApplication().bioExtra!, 14);
    expect(max).toMatchObject({
      maximumOre: nok(240_000),
      limitedBy: ['aid_intensity'],
      sizeClass: 'small',
      sizeCapOre: nok(300_000),
      participantCapOre: nok(600_000),
      eligibleCostsOre: nok(400_000),
    });
  });

  it("grades the call's 60 % down to 50 % for a large company (GBER art. 31)", () => {
    const a = newBioExtraApplication().bioExtra!;
    expect(computeBioExtraMaximumGrant(bioParams(), a, 249)).toMatchObject({ intensityBasisPoints: 6000 });
    expect(computeBioExtraMaximumGrant(bioParams(), a, 250)).toMatchObject({
      intensityBasisPoints: 5000,
      intensityOfEligibleCostsOre: nok(200_000),
      maximumOre: nok(200_000),
    });
  });

  it('rounds 60 % of an odd øre amount down', () => {
    const a = newBioExtraApplication({
      costPlan: [{ category: 'provider_fees', amountOre: 1_001 }],
    }).bioExtra!;
    expect(computeBioExtraMaximumGrant(bioParams(), a, 14).maximumOre).toBe(600);
  });

  it('uses the larger cap from 50 employees', () => {
    const a = newBioExtraApplication({
      participants: { count: 10, weeksEach: 12, fullyLaidOffCount: 0 },
      costPlan: [{ category: 'provider_fees', amountOre: nok(1_000_000) }],
    }).bioExtra!;
    expect(computeBioExtraMaximumGrant(bioParams(), a, 49)).toMatchObject({
      maximumOre: nok(300_000),
      limitedBy: ['size'],
    });
    expect(computeBioExtraMaximumGrant(bioParams(), a, 50)).toMatchObject({
      maximumOre: nok(500_000),
      limitedBy: ['size'],
    });
  });
});

describe('final payable', () => {
  it('extraordinary BIO money: 60 % of actual eligible costs, never above the grant', () => {
    const costs = [
      { category: 'participant_wages' as const, amountOre: nok(150_000) },
      { category: 'provider_fees' as const, amountOre: nok(150_000) },
    ];
    expect(computeBioExtraFinalPayable(bioParams(), nok(240_000), costs, 14)).toMatchObject({
      payableOre: nok(180_000),
      releasedOre: nok(60_000),
    });
    const more = [...costs, { category: 'provider_fees' as const, amountOre: nok(200_000) }];
    expect(computeBioExtraFinalPayable(bioParams(), nok(240_000), more, 14).payableOre).toBe(nok(240_000));
  });

  it('extraordinary BIO money: a large company is paid at most 50 % under GBER art. 31', () => {
    const costs = [
      { category: 'participant_wages' as const, amountOre: nok(150_000) },
      { category: 'provider_fees' as const, amountOre: nok(150_000) },
    ];
    expect(computeBioExtraFinalPayable(bioParams(), nok(240_000), costs, 250)).toMatchObject({
      intensityBasisPoints: 5000,
      payableOre: nok(150_000),
      releasedOre: nok(90_000),
    });
  });

  it('apprentice package: the whole grant when it went undiminished to the employer, else nothing', () => {
    const report = (fundsPassedUndiminishedToEmployer: boolean): CoronaFinalReport => ({
      measure: 'apprentice_package',
      apprenticePackage: { contracts: [], fundsPassedUndiminishedToEmployer },
    });
    const params = newApprenticeCallParameters();
    expect(computeCoronaFinalPayable(params, nok(50_000), report(true), 8)).toBe(nok(50_000));
    expect(computeCoronaFinalPayable(params, nok(50_000), report(false), 8)).toBe(0);
    expect(computeCoronaFinalPayable(newFagbrevCallParameters(), nok(50_000), report(true), 8)).toBe(0);
  });

  it('Fagbrev på jobb: the whole grant', () => {
    const report: CoronaFinalReport = {
      measure: 'fagbrev_pa_jobb',
      fagbrevPaJobb: { summary: 'On plan', contracts: [] },
    };
    expect(computeCoronaFinalPayable(newFagbrevCallParameters(), 6_000_001, report, 8)).toBe(6_000_001);
  });
});

describe('planCoronaPayments', () => {
  const sum = (plan: { amount: number }[]) => plan.reduce((s, i) => s + i.amount, 0);

  it.each([1, 2, 99, 5_000_001, 12_345_679])(
    'splits %i øre 50/50, rounding the first half down, summing exactly',
    (amount) => {
      const plan = planCoronaPayments(newApprenticeCallParameters(), amount);
      expect(sum(plan)).toBe(amount);
      expect(plan.at(-1)).toMatchObject({ on: 'final_report', amount: amount - Math.floor(amount / 2) });
    },
  );

  it('pays 50 000 NOK as 25 000 on acceptance and 25 000 on the report', () => {
    expect(planCoronaPayments(newApprenticeCallParameters(), nok(50_000))).toEqual([
      { label: 'Første utbetaling', amount: nok(25_000), on: 'acceptance' },
      { label: 'Sluttutbetaling', amount: nok(25_000), on: 'final_report' },
    ]);
  });

  it('leaves out a zero instalment: everything on the report without an advance, everything at once at 100 %', () => {
    expect(planCoronaPayments(newBioExtraCallParameters(), 24_000_001)).toEqual([
      { label: 'Sluttutbetaling', amount: 24_000_001, on: 'final_report' },
    ]);
    expect(
      planCoronaPayments(newBioExtraCallParameters({}, { advancePaymentBasisPoints: 10_000 }), 777),
    ).toEqual([{ label: 'Forskudd', amount: 777, on: 'acceptance' }]);
    // 1 øre at 50 %: the advance rounds to nothing.
    expect(planCoronaPayments(newApprenticeCallParameters(), 1)).toEqual([
      { label: 'Sluttutbetaling', amount: 1, on: 'final_report' },
    ]);
  });
});
