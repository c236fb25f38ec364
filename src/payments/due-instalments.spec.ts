import { dueInstalments, type GrantGates } from './due-instalments';

describe('instalments due now', () => {
  const plan = [
    { label: 'Forskudd', amount: 3_000, on: 'acceptance' as const },
    { label: 'Sluttutbetaling', amount: 7_000, on: 'final_report' as const },
  ];
  const accepted: GrantGates = {
    acceptedAt: '2026-03-01T23:30:00.000Z', // 2 March in Norway
    reportApprovedAt: null,
    today: '2026-03-10',
  };
  const approved: GrantGates = { ...accepted, reportApprovedAt: '2026-09-01T10:00:00.000Z' };

  it('owes nothing before the grant is accepted', () => {
    expect(dueInstalments(plan, 0, 10_000, { ...accepted, acceptedAt: null })).toEqual([]);
  });

  it('owes the advance from acceptance (the Norwegian day), and not the final payment yet', () => {
    expect(dueInstalments(plan, 0, 10_000, accepted)).toEqual([
      { number: 1, label: 'Forskudd', on: 'acceptance', date: null, amount: 3_000, dueSince: '2026-03-02' },
    ]);
  });

  it.each([
    ['partly paid advance: the rest', 1_000, 9_000, [[1, 2_000]]],
    ['paid advance: nothing', 3_000, 7_000, []],
  ])('%s', (_, paid, outstanding, expected) => {
    expect(dueInstalments(plan, paid, outstanding, accepted).map((d) => [d.number, d.amount])).toEqual(
      expected,
    );
  });

  it('owes the final payment from the approved report, never beyond what is outstanding', () => {
    expect(dueInstalments(plan, 3_000, 7_000, approved).map((d) => [d.number, d.amount, d.dueSince])).toEqual(
      [[2, 7_000, '2026-09-01']],
    );
    // An underspend of 2 000 was released at the report: 5 000 is left to pay.
    expect(dueInstalments(plan, 3_000, 5_000, approved).map((d) => d.amount)).toEqual([5_000]);
    // Nothing was paid and both are due: the advance first, then what is left of the outstanding.
    expect(dueInstalments(plan, 0, 8_000, approved).map((d) => [d.number, d.amount])).toEqual([
      [1, 3_000],
      [2, 5_000],
    ]);
    expect(dueInstalments(plan, 3_000, 0, approved)).toEqual([]);
  });

  it('owes a dated instalment from its date, or from acceptance when that came later', () => {
    const dated = [
      { label: 'Vår', amount: 4_000, on: 'date' as const, date: '2026-03-01' },
      { label: 'Høst', amount: 6_000, on: 'date' as const, date: '2026-09-15' },
    ];
    expect(dueInstalments(dated, 0, 10_000, accepted).map((d) => [d.number, d.dueSince])).toEqual([
      [1, '2026-03-02'],
    ]);
    const autumn = { ...accepted, today: '2026-09-15' };
    expect(dueInstalments(dated, 4_000, 6_000, autumn).map((d) => [d.number, d.dueSince])).toEqual([
      [2, '2026-09-15'],
    ]);
    expect(dueInstalments(dated, 4_000, 6_000, { ...autumn, today: '2026-09-14' })).toEqual([]);
  });
});

describe('an instalment gated by an interim report', () => {
  const plan = [
    { label: 'Høstutbetaling', amount: 5_000, on: 'date' as const, date: '2026-12-15' },
    { label: 'Vårutbetaling', amount: 5_000, on: 'date' as const, date: '2027-03-15', after: 'yearly' },
  ];
  const gates: GrantGates = {
    acceptedAt: '2026-08-05T10:00:00.000Z',
    reportApprovedAt: null,
    today: '2027-03-20',
  };
  const due = (g: GrantGates, paid = 5_000) =>
    dueInstalments(plan, paid, 10_000 - paid, g).map((d) => [d.number, d.dueSince]);

  it('is not due on its date while the report is not approved', () => {
    expect(due(gates)).toEqual([]);
    // Another report approved does not open it.
    expect(due({ ...gates, interimApprovedAt: { other: '2027-01-10T10:00:00.000Z' } })).toEqual([]);
  });

  it('is due from its date when the report was approved before it', () => {
    expect(due({ ...gates, interimApprovedAt: { yearly: '2027-02-01T10:00:00.000Z' } })).toEqual([
      [2, '2027-03-15'],
    ]);
  });

  it('is due from the approval (the Norwegian day) when the report was approved after its date', () => {
    expect(due({ ...gates, interimApprovedAt: { yearly: '2027-03-17T23:30:00.000Z' } })).toEqual([
      [2, '2027-03-18'],
    ]);
  });

  it('is not due before its date even with the report approved', () => {
    expect(
      due({ ...gates, today: '2027-03-14', interimApprovedAt: { yearly: '2027-02-01T10:00:00.000Z' } }),
    ).toEqual([]);
  });

  it('is opened by the approved final report, which covers the whole project', () => {
    expect(due({ ...gates, reportApprovedAt: '2027-07-01T10:00:00.000Z' })).toEqual([[2, '2027-07-01']]);
  });

  it('leaves an ungated instalment as it was', () => {
    expect(due(gates, 0)).toEqual([[1, '2026-12-15']]);
  });
});
