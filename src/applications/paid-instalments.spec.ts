import { withPaid } from './applications.service';

describe('what has been paid, per instalment', () => {
  const plan = [
    { label: 'Forskudd', amount: 3_000, on: 'acceptance' },
    { label: 'Sluttutbetaling', amount: 7_000, on: 'final_report' },
  ];

  it.each([
    [0, [0, 0]],
    [2_000, [2_000, 0]],
    [3_000, [3_000, 0]],
    [4_500, [3_000, 1_500]],
    [10_000, [3_000, 7_000]],
    // More than planned (never expected) shows on the last line, so nothing paid is hidden.
    [10_500, [3_000, 7_500]],
    // Repaid beyond paid shows nothing paid.
    [-100, [0, 0]],
  ])('%i øre paid fills the plan in order: %j', (paid, expected) => {
    expect(withPaid(plan, paid).map((i) => i.paid)).toEqual(expected);
  });

  it('keeps the instalments as planned', () => {
    expect(withPaid(plan, 0)).toEqual(plan.map((i) => ({ ...i, paid: 0 })));
    expect(withPaid([], 500)).toEqual([]);
  });
});
