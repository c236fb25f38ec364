import { nok } from '@lib/common';
import {
  acceptedGrant,
  bioCallWithAdvance,
  bookPaymentsDue,
  FINANCE,
  KARI,
  newClock,
  OFFICER,
  OLA,
} from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const OTHER_OFFICER = 'saksbehandler@rogaland.example';
const OTHER_FINANCE = 'okonomi@rogaland.example';
const ACCOUNT = '8601 11 17947';

interface PayoutRequest {
  number: number;
  status: string;
  version: number;
  amount: number;
  accountNumber: string | null;
  approvedAmount: number | null;
  decisionText: string | null;
  earlierVersions: Array<{ version: number; amount: number }>;
}
interface Terms {
  canRequest: boolean;
  available: number;
  outstanding: number;
  finalReserve: number;
  paidAmount: number;
  costPlan: Array<{ key: string; label: { nb: string }; approvedOre: number }>;
}

/**
 * Part payment requests (utbetalingsanmodning, delutbetaling) on a BIO grant whose plan pays a 50 %
 * advance on acceptance: the applicant files one, it is frozen once sent, the officer approves it
 * with less, finance finds it on the due list and pays it once; refusals change nothing.
 */
describe('payout requests', () => {
  let t: TestApp;
  const clock = newClock();
  let callId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    // 250 000 kr granted: 125 000 kr advance; part payments may reach 90 %, so 100 000 kr are left
    // to ask for; an accountant's confirmation from 50 000 kr.
    callId = await bioCallWithAdvance(t, 5_000, {
      payoutAttestation: {
        managerSignatureBelowOre: nok(20_000),
        accountantConfirmationFromOre: nok(50_000),
      },
    });
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
  const list = async (id: string, email = KARI) => {
    const res = await http('get', `/applications/${id}/payout-requests`, email);
    expect(res.status).toBe(200);
    return res.body as { terms: Terms; items: PayoutRequest[] };
  };
  const requestBody = (overrides: Record<string, unknown> = {}) => ({
    amount: nok(60_000),
    accountNumber: ACCOUNT,
    statusReport: 'Fire av seks moduler er gjennomført; to operatører er sertifisert.',
    costs: [
      { line: '0', accumulatedOre: nok(180_000) },
      { line: '1', accumulatedOre: nok(120_000) },
    ],
    managerName: 'Kari Nordmann',
    accountant: { name: 'Siv Revisor', role: 'auditor' },
    ...overrides,
  });
  const count = async (table: string, id: string) =>
    (
      await t.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM ${table} WHERE application_id = $1`,
        [id],
      )
    )[0].n;

  /** An accepted grant of 250 000 kr with its advance paid. */
  async function grantWithAdvancePaid() {
    const grant = await acceptedGrant(t, { callId, amount: nok(250_000) });
    expect(await bookPaymentsDue(t, grant.reference)).toBe(nok(125_000));
    return grant;
  }

  it('walks a part payment: filed, sent and frozen, approved with less, due, paid once', async () => {
    const { id, reference } = await grantWithAdvancePaid();
    const { terms, items } = await list(id);
    expect(items).toEqual([]);
    expect(terms).toMatchObject({
      canRequest: true,
      paidAmount: nok(125_000),
      outstanding: nok(125_000),
      finalReserve: nok(25_000),
      available: nok(100_000),
    });
    expect(terms.costPlan.map((l) => [l.key, l.approvedOre])).toEqual([
      ['0', nok(400_000)],
      ['1', nok(250_000)],
      ['2', nok(30_000)],
      ['3', nok(20_000)],
    ]);
    expect(terms.costPlan[0].label.nb).toContain('Lønn til deltakerne');

    // More than may be paid before the final report: refused with the numbers.
    const tooMuch = await http(
      'post',
      `/applications/${id}/payout-requests`,
      KARI,
      requestBody({ amount: nok(100_001) }),
    );
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.headers['content-type']).toMatch(/problem\+json/);
    expect(tooMuch.body).toMatchObject({
      code: 'payout_amount_too_high',
      available: nok(100_000),
      outstanding: nok(125_000),
      finalReserve: nok(25_000),
      requested: nok(100_001),
    });

    const created = await http(
      'post',
      `/applications/${id}/payout-requests`,
      KARI,
      requestBody(),
      'pr-create-1',
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 1, status: 'draft', accountNumber: '86011117947' });
    // One open request at a time.
    const second = await http(
      'post',
      `/applications/${id}/payout-requests`,
      KARI,
      requestBody({ amount: nok(1_000) }),
    );
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'payout_request_open', open: 1 });

    // A draft may be edited; sending freezes it (the same key twice: one send).
    const edited = await http(
      'put',
      `/applications/${id}/payout-requests/1`,
      KARI,
      requestBody({ amount: nok(55_000) }),
    );
    expect(edited.status).toBe(200);
    const sent = await http(
      'post',
      `/applications/${id}/payout-requests/1/send`,
      KARI,
      undefined,
      'pr-send-1',
    );
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'sent', amount: nok(55_000) });
    const again = await http(
      'post',
      `/applications/${id}/payout-requests/1/send`,
      KARI,
      undefined,
      'pr-send-1',
    );
    expect(again.body).toEqual(sent.body);
    const versions = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM payout_request_version v JOIN payout_request r ON r.id = v.payout_request_id
        WHERE r.application_id = $1`,
      [id],
    );
    expect(versions[0].n).toBe(1);

    const before = await t.dataSource.query(`SELECT * FROM payout_request WHERE application_id = $1`, [id]);
    const frozen = await http(
      'put',
      `/applications/${id}/payout-requests/1`,
      KARI,
      requestBody({ amount: nok(10_000) }),
    );
    expect(frozen.status).toBe(409);
    expect(frozen.headers['content-type']).toMatch(/problem\+json/);
    expect(frozen.body).toMatchObject({ code: 'payout_request_frozen' });
    expect(await t.dataSource.query(`SELECT * FROM payout_request WHERE application_id = $1`, [id])).toEqual(
      before,
    );

    // The officer approves less than asked; more than asked is refused.
    const above = await http('post', `/applications/${id}/payout-requests/1/approve`, OFFICER, {
      amount: nok(55_001),
    });
    expect(above.status).toBe(422);
    const approved = await http(
      'post',
      `/applications/${id}/payout-requests/1/approve`,
      OFFICER,
      { amount: nok(40_000) },
      'pr-approve-1',
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      approvedAmount: nok(40_000),
      decidedByName: 'Siri Saksbehandler',
    });

    // On finance's list, as its own kind of item with the request's account; not another county's.
    const due = await http('get', '/payments/due?limit=500', FINANCE);
    const item = (due.body as { items: Array<Record<string, unknown>> }).items.find(
      (d) => d.caseReference === reference && d.kind === 'payout_request',
    );
    expect(item).toMatchObject({
      amount: nok(40_000),
      instalment: null,
      payoutRequest: { number: 1, accountNumber: '86011117947', iban: null, bic: null },
    });
    const elsewhere = await http('get', '/payments/due?limit=500', OTHER_FINANCE);
    expect(JSON.stringify(elsewhere.body)).not.toContain(reference);

    // Paid once: a second booking (another key) is refused, the ledger has one payment more.
    const book = (key: string) =>
      http(
        'post',
        `/payments/due/${reference}/payout-requests/1/book`,
        FINANCE,
        { amount: nok(40_000) },
        key,
      );
    const booked = await book('pr-book-1');
    expect(booked.status).toBe(200);
    expect(booked.body).toMatchObject({ caseReference: reference, payoutRequest: 1, amount: nok(40_000) });
    expect((await book('pr-book-1')).body).toEqual(booked.body);
    const twice = await book('pr-book-2');
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'payment_not_due' });
    const disbursed = await t.dataSource.query<Array<{ amount: string }>>(
      `SELECT amount FROM ledger_entry WHERE application_id = $1 AND kind = 'disbursement' ORDER BY id`,
      [id],
    );
    expect(disbursed.map((d) => Number(d.amount))).toEqual([nok(125_000), nok(40_000)]);
    const after = await list(id);
    expect(after.items[0]).toMatchObject({ status: 'paid' });
    expect(after.terms).toMatchObject({ paidAmount: nok(165_000), available: nok(60_000), canRequest: true });
    const dueNow = await http('get', '/payments/due?limit=500', FINANCE);
    expect(JSON.stringify(dueNow.body)).not.toContain(reference);

    // The plan counts it like any other payment: the final instalment has 40 000 kr paid.
    const detail = await http('get', `/applications/${id}`, KARI);
    expect((detail.body as { paymentPlan: Array<{ paid: number }> }).paymentPlan.map((p) => p.paid)).toEqual([
      nok(125_000),
      nok(40_000),
    ]);

    // The case history names the people; the officer and the applicant were told.
    const history = await http('get', `/applications/${id}/history`, KARI);
    const events = (history.body as Array<{ event: string; actorName: string | null }>).filter((e) =>
      e.event.startsWith('PAYOUT_REQUEST'),
    );
    expect(events.map((e) => [e.event, e.actorName])).toEqual([
      ['PAYOUT_REQUEST_DRAFTED', 'Kari Nordmann'],
      ['PAYOUT_REQUEST_EDITED', 'Kari Nordmann'],
      ['PAYOUT_REQUEST_SENT', 'Kari Nordmann'],
      ['PAYOUT_REQUEST_APPROVED', 'Siri Saksbehandler'],
      ['PAYOUT_REQUEST_PAID', 'Åse Økonomi'],
    ]);
    const verification = await http('get', `/applications/${id}/history/verification`, OFFICER);
    expect(verification.body).toMatchObject({ valid: true });
    const notes = await t.dataSource.query<Array<{ template: string; recipient_email: string }>>(
      `SELECT template, recipient_email FROM notification WHERE application_id = $1 AND template LIKE 'payout%' ORDER BY created_at`,
      [id],
    );
    expect(notes.map((n) => n.template)).toEqual(['payout_request_sent', 'payout_request_approved']);
    expect(notes[0].recipient_email).toBe(OFFICER);
    expect(notes[1].recipient_email).toBe(KARI);
  });

  it('returns a request with reasons, keeps the version sent, and rejects with grounds', async () => {
    const { id } = await grantWithAdvancePaid();
    await http('post', `/applications/${id}/payout-requests`, KARI, requestBody({ amount: nok(30_000) }));
    await http('post', `/applications/${id}/payout-requests/1/send`, KARI);
    const returned = await http('post', `/applications/${id}/payout-requests/1/return`, OFFICER, {
      reason: 'Kostnadene for kursavgift mangler bilag.',
    });
    expect(returned.body).toMatchObject({
      status: 'returned',
      version: 2,
      decisionText: 'Kostnadene for kursavgift mangler bilag.',
    });
    const resent = await http(
      'put',
      `/applications/${id}/payout-requests/1`,
      KARI,
      requestBody({ amount: nok(25_000) }),
    );
    expect(resent.status).toBe(200);
    const sent = await http('post', `/applications/${id}/payout-requests/1/send`, KARI);
    expect(sent.body).toMatchObject({ status: 'sent', version: 2, amount: nok(25_000) });
    expect((sent.body as PayoutRequest).earlierVersions).toMatchObject([{ version: 1, amount: nok(30_000) }]);
    const rejected = await http('post', `/applications/${id}/payout-requests/1/reject`, OFFICER, {
      reason: 'Prosjektet er ikke startet.',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionText: 'Prosjektet er ikke startet.' });
    // Rejected is closed: a new request may be filed.
    expect((await list(id)).terms.canRequest).toBe(true);
  });

  it('refuses a wrong account check digit and a missing accountant, storing nothing', async () => {
    const { id } = await grantWithAdvancePaid();
    const before = [await count('payout_request', id), await count('audit_record', id)];

    const wrongDigit = await http(
      'post',
      `/applications/${id}/payout-requests`,
      KARI,
      requestBody({ accountNumber: '8601 11 17949' }),
    );
    expect(wrongDigit.status).toBe(422);
    expect(wrongDigit.headers['content-type']).toMatch(/problem\+json/);
    expect(wrongDigit.body).toMatchObject({ code: 'invalid_account_number', field: 'accountNumber' });

    // 60 000 kr is above the call's 50 000 kr: the accountant's or auditor's confirmation is required.
    const noAccountant = await http(
      'post',
      `/applications/${id}/payout-requests`,
      KARI,
      requestBody({ accountant: null }),
    );
    expect(noAccountant.status).toBe(422);
    expect(noAccountant.body).toMatchObject({
      code: 'accountant_confirmation_required',
      threshold: nok(50_000),
      requested: nok(60_000),
    });
    const unknownLine = await http(
      'post',
      `/applications/${id}/payout-requests`,
      KARI,
      requestBody({ costs: [{ line: '9', accumulatedOre: 1 }] }),
    );
    expect(unknownLine.status).toBe(422);
    expect([await count('payout_request', id), await count('audit_record', id)]).toEqual(before);

    // Below the threshold the managing director's confirmation suffices.
    const small = await http(
      'post',
      `/applications/${id}/payout-requests`,
      KARI,
      requestBody({ amount: nok(40_000), accountant: null }),
    );
    expect(small.status).toBe(201);
  });

  it("answers 404 for another organisation's or county's request, and refuses a grant not yet accepted", async () => {
    const { id, reference } = await grantWithAdvancePaid();
    await http('post', `/applications/${id}/payout-requests`, KARI, requestBody());
    await http('post', `/applications/${id}/payout-requests/1/send`, KARI);
    expect((await http('get', `/applications/${id}/payout-requests`, OLA)).status).toBe(404);
    expect((await http('post', `/applications/${id}/payout-requests`, OLA, requestBody())).status).toBe(404);
    expect((await http('get', `/applications/${reference}/payout-requests`, OTHER_OFFICER)).status).toBe(404);
    const approve = await http('post', `/applications/${id}/payout-requests/1/approve`, OTHER_OFFICER, {
      amount: 1,
    });
    expect(approve.status).toBe(404);
    expect(approve.headers['content-type']).toMatch(/problem\+json/);
    expect((await http('get', `/applications/${id}/payout-requests`, OFFICER)).status).toBe(200);

    const notAccepted = await acceptedGrant(t, { callId, amount: nok(250_000), accept: false });
    const refused = await http(
      'post',
      `/applications/${notAccepted.id}/payout-requests`,
      KARI,
      requestBody(),
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'grant_not_active' });
  });
});
