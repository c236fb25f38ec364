import { planAdvanceAndFinal } from './payment-plan';

const labels = { advance: 'Forskudd', final: 'Sluttutbetaling' };
const sum = (plan: { amount: number }[]) => plan.reduce((total, i) => total + i.amount, 0);

describe('planAdvanceAndFinal', () => {
  it('pays the advance rounded down and the rest on the final report', () => {
    expect(planAdvanceAndFinal(30_000_001, 7500, labels)).toEqual([
      { label: 'Forskudd', amount: 22_500_000, on: 'acceptance' },
      { label: 'Sluttutbetaling', amount: 7_500_001, on: 'final_report' },
    ]);
  });

  it('leaves out a zero advance', () => {
    expect(planAdvanceAndFinal(1000, 0, labels)).toEqual([
      { label: 'Sluttutbetaling', amount: 1000, on: 'final_report' },
    ]);
    expect(planAdvanceAndFinal(1, 5000, labels)).toEqual([
      { label: 'Sluttutbetaling', amount: 1, on: 'final_report' },
    ]);
  });

  it('keeps a zero final payment unless told to omit it', () => {
    expect(planAdvanceAndFinal(777, 10_000, labels)).toEqual([
      { label: 'Forskudd', amount: 777, on: 'acceptance' },
      { label: 'Sluttutbetaling', amount: 0, on: 'final_report' },
    ]);
    expect(planAdvanceAndFinal(777, 10_000, labels, { omitZeroFinal: true })).toEqual([
      { label: 'Forskudd', amount: 777, on: 'acceptance' },
    ]);
    expect(planAdvanceAndFinal(0, 5000, labels, { omitZeroFinal: true })).toEqual([
      { label: 'Sluttutbetaling', amount: 0, on: 'final_report' },
    ]);
  });

  it('adds up to the grant exactly', () => {
    for (const granted of [0, 1, 99, 12_345_679, 900_000_000_001])
      for (const share of [0, 1, 3333, 5000, 9999, 10_000])
        expect(sum(planAdvanceAndFinal(granted, share, labels))).toBe(granted);
  });
});
