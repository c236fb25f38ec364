import { nok } from '@lib/common';
import { newBioCallParameters, newBioReport } from '../../src/schemes/bio/bio-testing';
import { computeFinalPayable } from '../../src/schemes/bio/bio-grant';
import {
  acceptedGrant,
  act,
  bioCallWithAdvance,
  bookPaymentsDue,
  FINANCE,
  KARI,
  newClock,
  OFFICER,
} from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const PART_ACCOUNT = '8601 11 17947';
/** The final payment goes to another account than the part payments: the one its request names. */
const FINAL_ACCOUNT = '1503 12 34562';
const PARAMETERS = {
  payoutAttestation: {
    managerSignatureBelowOre: nok(20_000),
    accountantConfirmationFromOre: nok(50_000),
  },
};

interface DueItem {
  caseReference: string;
  kind: string;
  amount: number;
  instalment: { number: number } | null;
  payoutRequest: { number: number; kind: string; accountNumber: string | null } | null;
}

/**
 * The final payout request (sluttutbetalingsanmodning) on a BIO grant whose plan pays a 50 % advance
 * on acceptance: the final report goes with it. Sending it submits the report, returning it returns the
 * report, approving it approves the report with the final payment; the settlement releases what was
 * not spent, the final payment is due to the request's account and paid once, and the case closes.
 */
describe('final payout request', () => {
  let t: TestApp;
  const clock = newClock();
  let callId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    callId = await bioCallWithAdvance(t, 5_000, PARAMETERS);
  });
  afterAll(() => t.close());

  const http = async (
    method: 'get' | 'post' | 'put',
    path: string,
    email: string,
    body?: object,
    key?: string,
  ) => {
    const agent = t.http();
    const req = agent[method](`/api/v1${path}`).set('authorization', await t.bearer(email));
    if (key) req.set('idempotency-key', key);
    return body ? req.send(body) : method === 'get' ? req : req.send({});
  };
  const ok = async (response: ReturnType<typeof http>, status = 200) => {
    const res = await response;
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
    return res.body as Record<string, unknown>;
  };
  const partBody = (amount: number) => ({
    amount,
    accountNumber: PART_ACCOUNT,
    statusReport: 'Fire av seks moduler er gjennomført.',
    costs: [{ line: '0', accumulatedOre: nok(150_000) }],
    managerName: 'Kari Nordmann',
    accountant: { name: 'Siv Revisor', role: 'auditor' },
  });
  /** The costs came in lower than planned: 451 234,57 kr of the 700 000 kr in the plan. */
  const LOWER_COSTS = [
    { category: 'participant_wages', amountOre: 27_123_457 },
    { category: 'provider_fees', amountOre: 18_000_000 },
  ] as const;
  const report = newBioReport({ actualCosts: [...LOWER_COSTS] });
  const finalBody = (amount: number, overrides: Record<string, unknown> = {}) => ({
    kind: 'final',
    amount,
    accountNumber: FINAL_ACCOUNT,
    statusReport: 'Alle moduler er gjennomført; fire operatører er sertifisert.',
    costs: [
      { line: '0', accumulatedOre: LOWER_COSTS[0].amountOre },
      { line: '1', accumulatedOre: LOWER_COSTS[1].amountOre },
    ],
    managerName: 'Kari Nordmann',
    accountant: { name: 'Siv Revisor', role: 'auditor' },
    report,
    ...overrides,
  });
  const dueOf = async (reference: string) =>
    ((await ok(http('get', '/payments/due?limit=500', FINANCE))).items as DueItem[]).filter(
      (d) => d.caseReference === reference,
    );
  const ledger = async (id: string) => {
    const [row] = await t.dataSource.query<Array<{ committed: string; disbursed: string; released: string }>>(
      `SELECT sum(committed) AS committed, sum(disbursed) AS disbursed, sum(released) AS released
         FROM grant_position WHERE application_id = $1`,
      [id],
    );
    return {
      committed: Number(row?.committed),
      disbursed: Number(row?.disbursed),
      released: Number(row?.released),
    };
  };
  const state = async (id: string) =>
    (
      await t.dataSource.query<Array<{ state: string }>>(`SELECT state FROM application WHERE id = $1`, [id])
    )[0]?.state;
  const rows = async (id: string) =>
    t.dataSource.query(`SELECT * FROM payout_request WHERE application_id = $1 ORDER BY number`, [id]);

  it('walks advance, part payment and a final request with lower costs to a settled, closed case', async () => {
    // 250 000 kr granted; the 125 000 kr advance is paid on acceptance.
    const { id, reference } = await acceptedGrant(t, { callId, amount: nok(250_000) });
    expect(await bookPaymentsDue(t, reference)).toBe(nok(125_000));

    // Part request 1: approved with 50 000 kr and paid.
    await ok(http('post', `/applications/${id}/payout-requests`, KARI, partBody(nok(60_000))), 201);
    await ok(http('post', `/applications/${id}/payout-requests/1/send`, KARI));
    await ok(http('post', `/applications/${id}/payout-requests/1/approve`, OFFICER, { amount: nok(50_000) }));
    await ok(
      http('post', `/payments/due/${reference}/payout-requests/1/book`, FINANCE, { amount: nok(50_000) }),
    );
    // Part request 2: approved with 20 000 kr, not yet paid when the final report arrives.
    await ok(http('post', `/applications/${id}/payout-requests`, KARI, partBody(nok(20_000))), 201);
    await ok(http('post', `/applications/${id}/payout-requests/2/send`, KARI));
    await ok(http('post', `/applications/${id}/payout-requests/2/approve`, OFFICER, { amount: nok(20_000) }));

    // What the lower costs entitle to, and what is left to pay after the advance and both parts.
    const entitled = computeFinalPayable(
      newBioCallParameters({ advancePaymentBasisPoints: 5_000, ...PARAMETERS }),
      nok(250_000),
      [...LOWER_COSTS],
      { employeeCount: 42 },
    ).payableOre;
    const finalPayment = entitled - nok(195_000);
    expect(entitled).toBeLessThan(nok(250_000));
    expect(entitled % 100).not.toBe(0); // settles to the øre
    expect(finalPayment).toBeGreaterThan(0);

    const listed = await ok(http('get', `/applications/${id}/payout-requests`, KARI));
    expect(listed.terms).toMatchObject({
      canRequest: false,
      canRequestFinal: true,
      finalAvailable: nok(250_000 - 195_000),
    });

    // A wrong check digit in the account: refused, nothing stored.
    const before = await rows(id);
    const wrong = await http(
      'post',
      `/applications/${id}/payout-requests`,
      KARI,
      finalBody(finalPayment, { accountNumber: '1503 12 34563' }),
    );
    expect(wrong.status).toBe(422);
    expect(wrong.headers['content-type']).toMatch(/problem\+json/);
    expect(wrong.body).toMatchObject({ code: 'invalid_account_number', field: 'accountNumber' });
    expect(await rows(id)).toEqual(before);

    // The final request, drafted and sent: the final report is submitted with it.
    const draft = await ok(
      http(
        'post',
        `/applications/${id}/payout-requests`,
        KARI,
        finalBody(finalPayment + nok(1_000)),
        'fpr-create-1',
      ),
      201,
    );
    expect(draft).toMatchObject({ number: 3, kind: 'final', status: 'draft', accountNumber: '15031234562' });
    const sent = await ok(
      http('post', `/applications/${id}/payout-requests/3/send`, KARI, undefined, 'fpr-send-1'),
    );
    expect(sent).toMatchObject({ status: 'sent', version: 1 });
    expect(await state(id)).toBe('reported.report_review');
    // The same key again: the same answer, one report.
    expect(
      await ok(http('post', `/applications/${id}/payout-requests/3/send`, KARI, undefined, 'fpr-send-1')),
    ).toEqual(sent);
    const reports = async () =>
      (
        await t.dataSource.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM application_report WHERE application_id = $1`,
          [id],
        )
      )[0]?.n;
    expect(await reports()).toBe(1);

    // Frozen once sent: an edit is refused, nothing changes.
    const frozenBefore = await rows(id);
    const frozen = await http('put', `/applications/${id}/payout-requests/3`, KARI, finalBody(nok(1_000)));
    expect(frozen.status).toBe(409);
    expect(frozen.body).toMatchObject({ code: 'payout_request_frozen' });
    expect(await rows(id)).toEqual(frozenBefore);

    // The report's own endpoints leave a report sent with a final request to the request.
    const direct = await act(t, OFFICER, id, 'approve-report', {});
    expect(direct.status).toBe(409);
    expect(direct.body).toMatchObject({ code: 'final_payout_request_pending' });
    // It cannot be rejected: it is returned with reasons.
    const rejected = await http('post', `/applications/${id}/payout-requests/3/reject`, OFFICER, {
      reason: 'Nei',
    });
    expect(rejected.status).toBe(409);

    // The approved, unpaid part payment stays on finance's list while the report is read.
    expect((await dueOf(reference)).map((d) => [d.kind, d.payoutRequest?.number, d.amount])).toEqual([
      ['payout_request', 2, nok(20_000)],
    ]);

    // Returned: the case is back with the applicant, who corrects the amount and sends it again.
    const returned = await ok(
      http('post', `/applications/${id}/payout-requests/3/return`, OFFICER, {
        reason: 'Beløpet er høyere enn kostnadene gir grunnlag for.',
      }),
    );
    expect(returned).toMatchObject({ status: 'returned', version: 2 });
    expect(await state(id)).toBe('granted.active');
    await ok(http('put', `/applications/${id}/payout-requests/3`, KARI, finalBody(finalPayment + 100)));
    const resent = await ok(http('post', `/applications/${id}/payout-requests/3/send`, KARI));
    expect(resent).toMatchObject({ status: 'sent', version: 2, amount: finalPayment + 100 });
    expect(resent.earlierVersions).toEqual([
      expect.objectContaining({ version: 1, amount: finalPayment + nok(1_000) }),
    ]);
    expect(await reports()).toBe(2);

    // More than the report entitles to: refused, nothing changes.
    const tooMuchBefore = await rows(id);
    const aboveEntitlement = await http('post', `/applications/${id}/payout-requests/3/approve`, OFFICER, {
      amount: finalPayment + 1,
    });
    expect(aboveEntitlement.status).toBe(422);
    expect(aboveEntitlement.body).toMatchObject({ code: 'final_payable_above_entitlement', entitled });
    expect(await rows(id)).toEqual(tooMuchBefore);

    // Approved: the report with it; the settlement releases what the lower costs left unspent.
    const approved = await ok(
      http(
        'post',
        `/applications/${id}/payout-requests/3/approve`,
        OFFICER,
        { amount: finalPayment },
        'fpr-approve',
      ),
    );
    expect(approved).toMatchObject({ status: 'approved', approvedAmount: finalPayment });
    expect(await state(id)).toBe('reported.settling');
    expect(await ledger(id)).toEqual({
      committed: nok(250_000),
      disbursed: nok(175_000),
      released: nok(250_000) - entitled,
    });
    // The settlement letter (sluttoppgjør) states the request's costs and the ledger's sums.
    const [letter] = await t.dataSource.query<Array<{ inputs: Record<string, unknown> }>>(
      `SELECT inputs FROM decision_letter WHERE application_id = $1 AND kind = 'settlement'`,
      [id],
    );
    expect(letter.inputs).toMatchObject({
      approvedCostsOre: 45_123_457,
      finalPayableOre: entitled,
      paidOre: nok(175_000),
      toPayOre: nok(20_000) + finalPayment,
      releasedOre: nok(250_000) - entitled,
      claim: null,
    });

    // Due: the part payment, and the final payment to the final request's account, not the plan's.
    const due = await dueOf(reference);
    expect(due.map((d) => [d.kind, d.payoutRequest?.kind, d.payoutRequest?.accountNumber, d.amount])).toEqual(
      [
        ['payout_request', 'part', '86011117947', nok(20_000)],
        ['payout_request', 'final', '15031234562', finalPayment],
      ],
    );

    const book = (number: number, amount: number, key: string) =>
      http('post', `/payments/due/${reference}/payout-requests/${number}/book`, FINANCE, { amount }, key);
    expect((await ok(book(2, nok(20_000), 'fpr-book-2'))).caseClosed).toBe(false);
    const closing = await ok(book(3, finalPayment, 'fpr-book-3'));
    expect(closing).toMatchObject({ payoutRequest: 3, amount: finalPayment, caseClosed: true });
    // Booked exactly once: the same key repeats the answer, another key is refused.
    expect(await ok(book(3, finalPayment, 'fpr-book-3'))).toEqual(closing);
    const twice = await book(3, finalPayment, 'fpr-book-3-again');
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'payment_not_due' });

    expect(await ledger(id)).toEqual({
      committed: nok(250_000),
      disbursed: entitled,
      released: nok(250_000) - entitled,
    });
    expect(await state(id)).toBe('closed');
    expect(await dueOf(reference)).toEqual([]);

    // Each step is in the case history.
    const events = await t.dataSource.query<Array<{ event: string }>>(
      `SELECT event FROM audit_record WHERE application_id = $1 ORDER BY occurred_at, id`,
      [id],
    );
    const names = events.map((e) => e.event);
    for (const event of [
      'PAYOUT_REQUEST_SENT',
      'SUBMIT_REPORT',
      'PAYOUT_REQUEST_RETURNED',
      'RETURN_REPORT',
      'PAYOUT_REQUEST_APPROVED',
      'APPROVE_REPORT',
      'PAYOUT_REQUEST_PAID',
      'SETTLE',
    ])
      expect(names).toContain(event);
  });

  it('settles costs below the advance with a final request for nothing more: the rest is claimed back', async () => {
    const { id, reference } = await acceptedGrant(t, { callId, amount: nok(250_000) });
    expect(await bookPaymentsDue(t, reference)).toBe(nok(125_000));
    // The training was cut short: the costs entitle to less than the advance already paid.
    const SMALL_COSTS = [
      { category: 'participant_wages', amountOre: nok(80_000) },
      { category: 'provider_fees', amountOre: nok(40_000) },
    ] as const;
    const entitled = computeFinalPayable(
      newBioCallParameters({ advancePaymentBasisPoints: 5_000, ...PARAMETERS }),
      nok(250_000),
      [...SMALL_COSTS],
      { employeeCount: 42 },
    ).payableOre;
    const overpaid = nok(125_000) - entitled;
    expect(overpaid).toBeGreaterThan(0);

    // Only the final request may ask for nothing more.
    const zeroPart = await http('post', `/applications/${id}/payout-requests`, KARI, partBody(0));
    expect(zeroPart.status).toBe(422);
    expect(zeroPart.body).toMatchObject({ code: 'payout_amount_zero', field: 'amount' });
    await ok(
      http(
        'post',
        `/applications/${id}/payout-requests`,
        KARI,
        // The applicant asks for 1 000 kr more; the county finds the costs cover less than was paid.
        finalBody(nok(1_000), {
          report: newBioReport({ actualCosts: [...SMALL_COSTS] }),
          costs: [
            { line: '0', accumulatedOre: SMALL_COSTS[0].amountOre },
            { line: '1', accumulatedOre: SMALL_COSTS[1].amountOre },
          ],
        }),
      ),
      201,
    );
    await ok(http('post', `/applications/${id}/payout-requests/1/send`, KARI));

    // A claim goes with paying nothing more, and is at most what was paid: refused, nothing changes.
    const before = await rows(id);
    const withPayment = await http('post', `/applications/${id}/payout-requests/1/approve`, OFFICER, {
      amount: 1,
      repayment: overpaid,
    });
    expect(withPayment.status).toBe(422);
    expect(withPayment.body).toMatchObject({ code: 'repayment_with_payment' });
    const abovePaid = await http('post', `/applications/${id}/payout-requests/1/approve`, OFFICER, {
      amount: 0,
      repayment: nok(125_000) + 1,
    });
    expect(abovePaid.status).toBe(422);
    expect(abovePaid.body).toMatchObject({ code: 'repayment_above_paid' });
    expect(await rows(id)).toEqual(before);
    expect(await state(id)).toBe('reported.report_review');

    // Approved with nothing more to pay and the overpayment claimed back.
    await ok(
      http('post', `/applications/${id}/payout-requests/1/approve`, OFFICER, {
        amount: 0,
        repayment: overpaid,
      }),
    );
    expect(await state(id)).toBe('reported.settling');
    expect(await ledger(id)).toEqual({
      committed: nok(250_000),
      disbursed: nok(125_000),
      released: nok(125_000),
    });
    expect(await dueOf(reference)).toEqual([]);
    const claims = (await ok(http('get', '/repayment-claims', FINANCE))).items as Array<{
      id: string;
      caseReference: string;
      amount: number;
      status: string;
    }>;
    const claim = claims.find((c) => c.caseReference === reference);
    expect(claim).toMatchObject({ amount: overpaid, status: 'open' });

    // Repaid: the money is back in the frame and the case closes.
    await ok(http('post', `/repayment-claims/${claim!.id}/settle`, FINANCE, { amount: overpaid }));
    expect(await state(id)).toBe('closed');
  });

  it('pays an approved final request in a payment run, whose approval closes the case', async () => {
    const { id, reference } = await acceptedGrant(t, { callId, amount: nok(250_000) });
    await bookPaymentsDue(t, reference);
    const entitled = computeFinalPayable(
      newBioCallParameters({ advancePaymentBasisPoints: 5_000, ...PARAMETERS }),
      nok(250_000),
      [...LOWER_COSTS],
      { employeeCount: 42 },
    ).payableOre;
    const finalPayment = entitled - nok(125_000);
    await ok(http('post', `/applications/${id}/payout-requests`, KARI, finalBody(finalPayment)), 201);
    await ok(http('post', `/applications/${id}/payout-requests/1/send`, KARI));
    await ok(
      http('post', `/applications/${id}/payout-requests/1/approve`, OFFICER, { amount: finalPayment }),
    );

    const run = await ok(
      http('post', '/payments/runs', FINANCE, {
        requestedExecutionDate: '2026-02-04',
        items: [{ caseReference: reference, payoutRequest: 1, amount: finalPayment }],
      }),
      201,
    );
    expect(run.items).toEqual([
      expect.objectContaining({
        payoutRequest: 1,
        payoutRequestKind: 'final',
        instalmentLabel: 'Sluttutbetaling, utbetalingsanmodning nr 1',
      }),
    ]);
    expect(await state(id)).toBe('reported.settling');
    await ok(http('post', `/payments/runs/${String(run.id)}/approve`, FINANCE, undefined, 'fpr-run-approve'));
    expect(await state(id)).toBe('closed');
    expect(await ledger(id)).toEqual({
      committed: nok(250_000),
      disbursed: entitled,
      released: nok(250_000) - entitled,
    });
    expect(await dueOf(reference)).toEqual([]);
  });

  it('refuses a final request without its report, a report on a part request, and a second final one', async () => {
    const { id, reference } = await acceptedGrant(t, { callId, amount: nok(250_000) });
    await bookPaymentsDue(t, reference);
    const noReport = await http('post', `/applications/${id}/payout-requests`, KARI, {
      ...finalBody(nok(10_000)),
      report: undefined,
    });
    expect(noReport.status).toBe(422);
    expect(noReport.body).toMatchObject({ code: 'final_report_required' });
    const badReport = await http(
      'post',
      `/applications/${id}/payout-requests`,
      KARI,
      finalBody(nok(10_000), { report: { summary: '' } }),
    );
    expect(badReport.status).toBe(400);
    const partWithReport = await http('post', `/applications/${id}/payout-requests`, KARI, {
      ...partBody(nok(10_000)),
      report,
    });
    expect(partWithReport.status).toBe(422);
    expect(partWithReport.body).toMatchObject({ code: 'report_only_on_final' });
    const tooMuch = await http('post', `/applications/${id}/payout-requests`, KARI, finalBody(nok(125_001)));
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ code: 'payout_amount_too_high', available: nok(125_000) });

    await ok(http('post', `/applications/${id}/payout-requests`, KARI, finalBody(nok(10_000))), 201);
    const second = await http('post', `/applications/${id}/payout-requests`, KARI, finalBody(nok(10_000)));
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'payout_request_open', open: 1 });
    // No part request beside a final one being drafted.
    const part = await http('post', `/applications/${id}/payout-requests`, KARI, partBody(nok(10_000)));
    expect(part.status).toBe(409);
    // The report's own endpoint leaves the report to the final request.
    const direct = await act(t, KARI, id, 'report', { report });
    expect(direct.status).toBe(409);
    expect(direct.body).toMatchObject({ code: 'final_payout_request_pending' });
    expect(await state(id)).toBe('granted.active');
  });
});
