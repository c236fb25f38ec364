import { DeadlineSweeper } from '../../src/deadlines/deadline-sweeper';
import {
  acceptedGrant,
  act,
  bioCallWithAdvance,
  bookPaymentsDue,
  expectOk,
  FINANCE,
  KARI,
  newClock,
  OFFICER,
  OLA,
} from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const OTHER_FINANCE = 'okonomi@rogaland.example';

interface Plan {
  grantedAmount: number;
  finalPayableAmount: number | null;
  instalments: Array<{
    number: number;
    on: string;
    amount: number;
    paid: number;
    remaining: number;
    dueNow: boolean;
  }>;
  paidAmount: number;
  outstandingAmount: number;
  releasedAmount: number;
  claimedAmount: number;
  openClaimAmount: number;
}
interface Claim {
  id: string;
  caseReference: string;
  organisationName: string;
  amount: number;
  dueDate: string;
  status: string;
}

/**
 * The settlement of a grant (oppgjør): the payment plan is the contract; an approved final report
 * releases the unused rest, the case closes only once the final payment is booked; an overpaid grant
 * raises a repayment claim, reminded and escalated through the case's deadlines, and settled back into
 * the frame, which closes the case.
 */
describe('settlement and repayment claims', () => {
  let t: TestApp;
  const clock = newClock();
  /** A BIO call whose plan pays 50 % on acceptance, the rest on the final report. */
  let callId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    callId = await bioCallWithAdvance(t, 5_000);
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(newClock().now()));

  const send = async (method: 'get' | 'post', path: string, email: string, body?: object, key?: string) => {
    const url = `/api/v1${path}`;
    const req = (method === 'get' ? t.http().get(url) : t.http().post(url)).set(
      'authorization',
      await t.bearer(email),
    );
    if (key) req.set('idempotency-key', key);
    return method === 'post' ? req.send(body ?? {}) : req;
  };
  const plan = async (id: string, email = KARI) => {
    const res = await send('get', `/applications/${id}/payment-plan`, email);
    expect(res.status).toBe(200);
    return res.body as Plan;
  };
  const caseOf = async (id: string) =>
    (await send('get', `/applications/${id}`, OFFICER)).body as { status: string; state: string };
  const frameId = async (id: string) =>
    (
      await t.dataSource.query<Array<{ frame_id: string }>>(
        `SELECT frame_id FROM application WHERE id = $1`,
        [id],
      )
    )[0].frame_id;
  const frame = async (id: string) =>
    (await send('get', `/frames/${id}`, FINANCE)).body as {
      committed: number;
      disbursed: number;
      available: number;
    };
  const position = async (id: string) =>
    (
      await t.dataSource.query<Array<{ outstanding: number }>>(
        `SELECT (committed - released - disbursed - carried_out)::int AS outstanding FROM grant_position WHERE application_id = $1`,
        [id],
      )
    )[0];
  const history = async (id: string) =>
    ((await send('get', `/applications/${id}/history`, OFFICER)).body as Array<{ event: string }>).map(
      (e) => e.event,
    );
  const invariantsHold = async (frame: string) => {
    const res = await send('get', `/frames/${frame}/rebuild`, FINANCE);
    expect(res.body).toMatchObject({ consistent: true });
  };

  /** Reports 400 000 NOK of actual costs in 2027 and has the officer approve `finalPayableAmount`. */
  async function reportAndApprove(id: string, finalPayableAmount: number) {
    clock.set('2027-03-01T10:00:00+01:00');
    const report = {
      summary: 'Done, cheaper than planned',
      participantsCompleted: 4,
      actualCosts: [
        { category: 'participant_wages', amountOre: 25_000_000 },
        { category: 'provider_fees', amountOre: 15_000_000 },
      ],
    };
    await expectOk(act(t, KARI, id, 'report', { report }));
    clock.set('2027-03-10T10:00:00+01:00');
    return expectOk(act(t, OFFICER, id, 'approve-report', { finalPayableAmount }));
  }

  it('settles to the øre: the rest released, the final payment due, the case closed only once it is paid', async () => {
    const { id, reference } = await acceptedGrant(t, { callId, amount: 25_000_000 });
    expect(await bookPaymentsDue(t, reference)).toBe(12_500_000);
    expect(await plan(id)).toMatchObject({
      grantedAmount: 25_000_000,
      finalPayableAmount: null,
      paidAmount: 12_500_000,
      outstandingAmount: 12_500_000,
      instalments: [
        { number: 1, on: 'acceptance', amount: 12_500_000, paid: 12_500_000, remaining: 0, dueNow: false },
        { number: 2, on: 'final_report', amount: 12_500_000, paid: 0, remaining: 12_500_000, dueNow: false },
      ],
    });

    const approved = await reportAndApprove(id, 20_000_000);
    expect(approved).toMatchObject({ status: 'reported', state: 'reported.settling' });
    expect(await plan(id)).toMatchObject({
      finalPayableAmount: 20_000_000,
      releasedAmount: 5_000_000,
      outstandingAmount: 7_500_000,
      claimedAmount: 0,
      instalments: [
        { amount: 12_500_000, paid: 12_500_000, remaining: 0, dueNow: false },
        { amount: 7_500_000, paid: 0, remaining: 7_500_000, dueNow: true },
      ],
    });
    expect((await caseOf(id)).status).toBe('reported');

    expect(await bookPaymentsDue(t, reference)).toBe(7_500_000);
    expect(await caseOf(id)).toMatchObject({ status: 'closed', state: 'closed' });
    expect(await position(id)).toEqual({ outstanding: 0 });
    expect(await plan(id)).toMatchObject({ paidAmount: 20_000_000, outstandingAmount: 0 });
    expect(await history(id)).toEqual(expect.arrayContaining(['APPROVE_REPORT', 'SETTLE']));
    await invariantsHold(await frameId(id));
  });

  it('closes at once a grant paid exactly its final amount', async () => {
    const { id, reference } = await acceptedGrant(t, { callId, amount: 25_000_000 });
    await bookPaymentsDue(t, reference);
    expect(await reportAndApprove(id, 12_500_000)).toMatchObject({ status: 'closed', state: 'closed' });
    expect(await plan(id)).toMatchObject({
      releasedAmount: 12_500_000,
      outstandingAmount: 0,
      claimedAmount: 0,
    });
  });

  it('raises a claim for an overpaid grant, reminds and escalates it, and settles it back into the frame', async () => {
    const { id, reference } = await acceptedGrant(t, { callId, amount: 25_000_000 });
    await bookPaymentsDue(t, reference);
    const f = await frameId(id);
    const before = await frame(f);

    const approved = await reportAndApprove(id, 10_000_000);
    expect(approved).toMatchObject({ status: 'reported', state: 'reported.settling' });
    expect(await plan(id)).toMatchObject({
      finalPayableAmount: 10_000_000,
      paidAmount: 12_500_000,
      releasedAmount: 12_500_000,
      outstandingAmount: 0,
      claimedAmount: 2_500_000,
      openClaimAmount: 2_500_000,
    });
    expect(await frame(f)).toMatchObject({ committed: before.committed - 12_500_000 });

    const list = await send('get', '/repayment-claims', FINANCE);
    expect(list.status).toBe(200);
    const claim = (list.body as { items: Claim[] }).items.find((c) => c.caseReference === reference)!;
    expect(claim).toMatchObject({
      amount: 2_500_000,
      dueDate: '2027-04-09',
      status: 'open',
      organisationName: expect.stringMatching(/ AS$/) as string,
    });
    const mails = async (template: string) =>
      t.dataSource.query<Array<{ recipient_email: string }>>(
        `SELECT recipient_email FROM notification WHERE application_id = $1 AND template = $2`,
        [id, template],
      );
    expect((await mails('repayment_claim_raised')).map((m) => m.recipient_email)).toContain(KARI);

    // Unpaid on its due day: the applicant is reminded; a fortnight later, officer and finance are told.
    clock.set('2027-04-10T09:00:00+02:00');
    await t.app.get(DeadlineSweeper).sweep();
    await until(async () => (await mails('repayment_claim_reminder')).length > 0);
    expect((await mails('repayment_claim_reminder')).map((m) => m.recipient_email)).toContain(KARI);
    clock.set('2027-04-24T09:00:00+02:00');
    await t.app.get(DeadlineSweeper).sweep();
    await until(async () => (await mails('repayment_claim_escalated')).length > 0);
    expect((await mails('repayment_claim_escalated')).map((m) => m.recipient_email)).toContain(FINANCE);

    // Another county's finance sees nothing of it; a wrong amount changes nothing.
    expect(
      (await send('post', `/repayment-claims/${claim.id}/settle`, OTHER_FINANCE, { amount: 2_500_000 }))
        .status,
    ).toBe(404);
    const wrong = await send('post', `/repayment-claims/${claim.id}/settle`, FINANCE, { amount: 2_000_000 });
    expect(wrong.status).toBe(409);
    expect(wrong.body).toMatchObject({ code: 'claim_amount_changed' });

    const settled = await send(
      'post',
      `/repayment-claims/${claim.id}/settle`,
      FINANCE,
      { amount: 2_500_000 },
      `settle-${claim.id}`,
    );
    expect(settled.status).toBe(200);
    expect(settled.body).toMatchObject({ caseClosed: true, claim: { status: 'settled' } });
    // The same key answers the same; another key is refused: the money returns once.
    const again = await send(
      'post',
      `/repayment-claims/${claim.id}/settle`,
      FINANCE,
      { amount: 2_500_000 },
      `settle-${claim.id}`,
    );
    expect(again.body).toEqual(settled.body);
    const twice = await send('post', `/repayment-claims/${claim.id}/settle`, FINANCE, { amount: 2_500_000 });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'claim_settled' });

    expect(await caseOf(id)).toMatchObject({ status: 'closed' });
    const after = await frame(f);
    expect(after.disbursed).toBe(before.disbursed - 2_500_000);
    expect(await plan(id)).toMatchObject({
      paidAmount: 10_000_000,
      openClaimAmount: 0,
      claimedAmount: 2_500_000,
    });
    expect(await history(id)).toEqual(
      expect.arrayContaining([
        'CLAIM_RAISED',
        'CLAIM_REMINDED',
        'CLAIM_ESCALATED',
        'CLAIM_SETTLED',
        'SETTLE',
      ]),
    );
    const [{ n }] = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM ledger_entry WHERE application_id = $1 AND kind = 'repayment'`,
      [id],
    );
    expect(n).toBe(1);
    await invariantsHold(f);
  });

  it('refuses a disbursement outside the plan, with nothing changed', async () => {
    const { id } = await acceptedGrant(t, { callId, amount: 25_000_000 });
    const f = await frameId(id);
    const before = await frame(f);
    const res = await send('post', `/frames/${f}/disbursements`, FINANCE, {
      grantKey: id,
      amount: 1_000_000,
      reason: 'Outside the plan',
    });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'payment_outside_plan' });
    expect(await frame(f)).toEqual(before);
  });

  it("shows the plan to the applicant's organisation and the county's staff only", async () => {
    const { id, reference } = await acceptedGrant(t, { callId, amount: 25_000_000 });
    expect((await send('get', `/applications/${reference}/payment-plan`, OFFICER)).status).toBe(200);
    expect((await send('get', `/applications/${id}/payment-plan`, OLA)).status).toBe(404);
    expect((await send('get', `/applications/${id}/payment-plan`, OTHER_FINANCE)).status).toBe(404);
    expect((await send('get', `/applications/not-a-case/payment-plan`, KARI)).status).toBe(400);
  });

  async function until(check: () => Promise<boolean>, ms = 10_000) {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('timed out');
  }
});
