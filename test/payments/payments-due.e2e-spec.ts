import {
  acceptedGrant,
  act,
  APPROVER,
  bioCallWithAdvance,
  bookPaymentsDue,
  expectOk,
  FINANCE,
  KARI,
  newClock,
  OFFICER,
} from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const OTHER_FINANCE = 'okonomi@rogaland.example';

interface Due {
  caseReference: string;
  organisationName: string;
  organisationNumber: string;
  schemeId: string;
  schemeName: string;
  frameId: string;
  frameName: string;
  instalment: { number: number; label: string; on: string; date: string | null };
  amount: number;
  dueSince: string;
}

/**
 * Finance's list of payments due under the grants' payment plans, and booking one: an accepted
 * grant's advance is due; the final payment only once the report is approved; a booking pays once.
 */
describe('payments due', () => {
  let t: TestApp;
  const clock = newClock();
  /** A BIO call whose plan pays 40 % once the grant is accepted, the rest on the final report. */
  let callId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    callId = await bioCallWithAdvance(t, 4_000);
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(newClock().now()));

  const get = async (path: string, email = FINANCE) =>
    t
      .http()
      .get(`/api/v1${path}`)
      .set('authorization', await t.bearer(email));
  const book = async (reference: string, body: object, key?: string, email = FINANCE) => {
    const req = t
      .http()
      .post(`/api/v1/payments/due/${reference}/book`)
      .set('authorization', await t.bearer(email));
    if (key) req.set('idempotency-key', key);
    return req.send(body);
  };
  const due = async (email = FINANCE): Promise<Due[]> => {
    const res = await get('/payments/due?limit=500', email);
    expect(res.status).toBe(200);
    return (res.body as { items: Due[] }).items;
  };
  const dueOf = async (reference: string) => (await due()).filter((d) => d.caseReference === reference);

  /** A granted case, accepted by the applicant unless told otherwise; its id, reference and plan. */
  async function grant(accept = true, call: string | null = callId) {
    const { id } = await acceptedGrant(t, { callId: call ?? undefined, amount: 25_000_000, accept });
    const detail = (await get(`/applications/${id}`, OFFICER)).body as {
      reference: string;
      paymentPlan: Array<{ amount: number; on: string; label: string }>;
      names: { organisation: { name: string; organisationNumber: string } };
    };
    return { id, ...detail };
  }
  const ledgerEntries = async (id: string) =>
    (
      await t.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM ledger_entry WHERE application_id = $1 AND kind = 'disbursement'`,
        [id],
      )
    )[0].n;

  it("lists an accepted grant's advance, from the day it was accepted", async () => {
    const { reference, paymentPlan, names } = await grant();
    const [advance, final] = paymentPlan;
    expect(advance).toMatchObject({ on: 'acceptance', amount: 10_000_000 });
    expect(final).toMatchObject({ on: 'final_report', amount: 15_000_000 });
    const [{ frame_id: frameId, frame_name: frameName }] = await t.dataSource.query(
      `SELECT f.id AS frame_id, f.name AS frame_name FROM budget_frame f
         JOIN funding_call c ON c.frame_id = f.id WHERE c.scheme_id = 'bio' AND c.year = 2026 LIMIT 1`,
    );
    expect(await dueOf(reference)).toEqual([
      {
        kind: 'instalment',
        caseReference: reference,
        organisationName: names.organisation.name,
        organisationNumber: names.organisation.organisationNumber,
        schemeId: 'bio',
        schemeName: 'Bedriftsintern opplæring (BIO)',
        frameId,
        frameName,
        instalment: { number: 1, label: advance.label, on: 'acceptance', date: null },
        payoutRequest: null,
        amount: advance.amount,
        dueSince: '2026-02-02',
      },
    ]);
  });

  it('does not list a grant the applicant has not accepted', async () => {
    const { reference } = await grant(false);
    expect(await dueOf(reference)).toEqual([]);
  });

  it('books the advance once, however often the same booking is sent; then it is no longer due', async () => {
    const { id, reference, paymentPlan } = await grant();
    const [row] = await dueOf(reference);
    const frameBefore = (await get(`/frames/${row.frameId}`)).body as { disbursed: number };
    const body = { instalment: 1, amount: row.amount };
    const key = `pay-${reference}-1-${Date.now()}`;
    // A double click: the same key twice at once, then a retry.
    const [first, second] = await Promise.all([book(reference, body, key), book(reference, body, key)]);
    const retry = await book(reference, body, key);
    for (const res of [first, second, retry]) expect(res.status).toBe(200);
    expect(first.body).toEqual(second.body);
    expect(retry.body).toEqual(first.body);
    expect(first.body).toMatchObject({
      caseReference: reference,
      instalment: 1,
      amount: paymentPlan[0].amount,
      frame: { id: row.frameId, disbursed: frameBefore.disbursed + paymentPlan[0].amount },
    });
    expect(await ledgerEntries(id)).toBe(1);
    expect(await dueOf(reference)).toEqual([]);
    // Another booking of it (another tab, another key) finds it paid.
    const again = await book(reference, body, `${key}-other`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'payment_not_due' });
    expect(await ledgerEntries(id)).toBe(1);
    // The case page shows the advance paid.
    const detail = (await get(`/applications/${id}`, OFFICER)).body as {
      paymentPlan: Array<{ paid: number }>;
    };
    expect(detail.paymentPlan[0].paid).toBe(paymentPlan[0].amount);
  });

  it('refuses an amount other than what is due, and an instalment that is not due', async () => {
    const { id, reference } = await grant();
    const [row] = await dueOf(reference);
    const wrong = await book(reference, { instalment: 1, amount: row.amount + 1 });
    expect(wrong.status).toBe(409);
    expect(wrong.body).toMatchObject({ code: 'due_amount_changed', due: row.amount });
    const final = await book(reference, { instalment: 2, amount: 1_000 });
    expect(final.status).toBe(409);
    expect(final.body).toMatchObject({ code: 'payment_not_due' });
    expect(await ledgerEntries(id)).toBe(0);
  });

  it('lists the final payment only once the final report is approved, less any underspend', async () => {
    const { id, reference, paymentPlan } = await grant();
    expect(await bookPaymentsDue(t, reference)).toBe(paymentPlan[0].amount);
    expect(await dueOf(reference)).toEqual([]);

    clock.set('2027-03-01T10:00:00+01:00');
    // Actual eligible costs 400 000 NOK → 50 % = 200 000 NOK payable of 250 000 granted.
    const report = {
      summary: 'Done, cheaper than planned',
      participantsCompleted: 4,
      actualCosts: [
        { category: 'participant_wages', amountOre: 25_000_000 },
        { category: 'provider_fees', amountOre: 15_000_000 },
      ],
    };
    await expectOk(act(t, KARI, id, 'report', { report }));
    expect(await dueOf(reference)).toEqual([]);

    clock.set('2027-03-10T10:00:00+01:00');
    await expectOk(act(t, OFFICER, id, 'approve-report'));
    const [final] = await dueOf(reference);
    expect(final).toMatchObject({
      instalment: { number: 2, label: paymentPlan[1].label, on: 'final_report', date: null },
      amount: 20_000_000 - paymentPlan[0].amount,
      dueSince: '2027-03-10',
    });
    await expectOk(book(reference, { instalment: 2, amount: final.amount }));
    expect(await dueOf(reference)).toEqual([]);
    expect(await ledgerEntries(id)).toBe(2);
  });

  it('lists nothing of a plan that pays all on the final report until the report is approved', async () => {
    const { reference, paymentPlan } = await grant(true, null);
    expect(paymentPlan.map((i) => i.on)).toEqual(['final_report']);
    expect(await dueOf(reference)).toEqual([]);
  });

  it("shows another county's finance nothing of it, and lets them book nothing", async () => {
    const { id, reference } = await grant();
    const [row] = await dueOf(reference);
    expect((await due(OTHER_FINANCE)).map((d) => d.caseReference)).not.toContain(reference);
    const res = await book(reference, { instalment: 1, amount: row.amount }, undefined, OTHER_FINANCE);
    expect(res.status).toBe(404);
    expect(await ledgerEntries(id)).toBe(0);
    expect((await book('BIO-2026-999999', { instalment: 1, amount: 1 })).status).toBe(404);
  });

  it('is for finance only', async () => {
    expect((await get('/payments/due', APPROVER)).status).toBe(403);
    expect((await get('/payments/due', OFFICER)).status).toBe(403);
    expect((await get('/payments/due', KARI)).status).toBe(403);
  });

  it('pages by case reference', async () => {
    await grant();
    await grant();
    const all = await due();
    const references = [...new Set(all.map((d) => d.caseReference))];
    expect(references.length).toBeGreaterThanOrEqual(2);
    expect(references).toEqual([...references].sort());
    const first = (await get('/payments/due?limit=1')).body as {
      items: Due[];
      nextCursor: string;
      totalAmount: number;
    };
    expect(first.items.map((d) => d.caseReference)).toEqual([references[0]]);
    expect(first.totalAmount).toBe(first.items.reduce((s, d) => s + d.amount, 0));
    expect(first.nextCursor).toBe(references[0]);
    const second = (await get(`/payments/due?limit=1&after=${first.nextCursor}`)).body as { items: Due[] };
    expect(second.items.map((d) => d.caseReference)).toEqual([references[1]]);
    expect((await get('/payments/due?limit=0')).status).toBe(400);
    expect((await get('/payments/due?after=not-a-reference')).status).toBe(400);
  });
});
