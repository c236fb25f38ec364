import { startTestApp, TestApp } from '../support/test-app';
import {
  act,
  APPROVER,
  bioCallWithAdvance,
  bookPaymentsDue,
  draft,
  expectOk,
  KARI,
  newClock,
  OFFICER,
  recommended,
} from '../support/bio';

/** What the applicant reads of a decision: its grounds and conditions, and what has been paid. */
describe('the decision and the payments, as the applicant reads them', () => {
  let t: TestApp;
  const clock = newClock();
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  const detail = async (id: string, email = KARI) => {
    const res = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await t.bearer(email));
    expect(res.status).toBe(200);
    return res.body as {
      case: { decision: Record<string, unknown> | null };
      paymentPlan: Array<{ label: string; amount: number; on: string; paid: number }> | null;
      payments: Array<{ kind: string; amount: number; at: string }>;
      paidAmount: number;
    };
  };

  it('shows a grant’s grounds and conditions, and what finance has paid, per instalment', async () => {
    // A call that pays 40 % once the grant is accepted, the rest on the final report.
    const callId = await bioCallWithAdvance(t, 4_000);
    const id = await recommended(t, 25_000_000, { callId });
    const before = await detail(id);
    expect(before.payments).toEqual([]);
    expect(before.paidAmount).toBe(0);
    expect(before.paymentPlan).toBeNull();

    await expectOk(
      act(t, APPROVER, id, 'decide-grant', {
        grounds: 'Opplæringen styrker omstillingen bedriften har startet',
        conditions: ['Sluttrapport sendes innen fristen', 'Kostnadene dokumenteres med faktura'],
      }),
    );
    const granted = await detail(id);
    expect(granted.case.decision).toMatchObject({
      kind: 'grant',
      amount: 25_000_000,
      grounds: 'Opplæringen styrker omstillingen bedriften har startet',
      conditions: ['Sluttrapport sendes innen fristen', 'Kostnadene dokumenteres med faktura'],
    });
    const [advance, final] = granted.paymentPlan ?? [];
    expect(granted.paymentPlan).toEqual([
      { label: advance.label, amount: 10_000_000, on: 'acceptance', paid: 0 },
      { label: final.label, amount: 15_000_000, on: 'final_report', paid: 0 },
    ]);

    await expectOk(act(t, KARI, id, 'accept'));
    const { reference } = (await detail(id)) as unknown as { reference: string };
    expect(await bookPaymentsDue(t, reference)).toBe(10_000_000);

    for (const reader of [KARI, OFFICER]) {
      const paid = await detail(id, reader);
      expect(paid.paidAmount).toBe(10_000_000);
      expect(paid.payments).toEqual([{ kind: 'disbursement', amount: 10_000_000, at: expect.any(String) }]);
      expect(paid.paymentPlan).toEqual([
        { label: advance.label, amount: 10_000_000, on: 'acceptance', paid: 10_000_000 },
        { label: final.label, amount: 15_000_000, on: 'final_report', paid: 0 },
      ]);
    }
  });

  it('keeps a grant decided without grounds as before, and refuses empty ones', async () => {
    const id = await recommended(t, 10_000_000);
    const empty = await act(t, APPROVER, id, 'decide-grant', { conditions: [''] });
    expect(empty.status).toBe(400);
    await expectOk(act(t, APPROVER, id, 'decide-grant'));
    const decision = (await detail(id)).case.decision;
    expect(decision).not.toHaveProperty('grounds');
    expect(decision).not.toHaveProperty('conditions');
  });

  it('shows a rejection’s grounds to the applicant', async () => {
    const { id } = await draft(t);
    await expectOk(act(t, KARI, id, 'submit'));
    await expectOk(act(t, OFFICER, id, 'assign'));
    await expectOk(act(t, OFFICER, id, 'recommend-rejection', { grounds: 'Internt notat' }));
    await expectOk(act(t, APPROVER, id, 'decide-rejection', { grounds: 'Opplæringen er lovpålagt' }));
    const rejected = await detail(id);
    expect(rejected.case.decision).toMatchObject({ kind: 'rejection', grounds: 'Opplæringen er lovpålagt' });
    expect(JSON.stringify(rejected)).not.toContain('Internt notat');
    expect(rejected.paymentPlan).toBeNull();
  });
});
