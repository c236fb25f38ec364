import { nok } from '@lib/common';
import { convert } from 'xmlbuilder2';
import { newBioCallParameters } from '../../src/schemes/bio/bio-testing';
import {
  acceptedGrant,
  ADMIN,
  bioCallWithAdvance,
  bookPaymentsDue,
  FINANCE,
  KARI,
  newClock,
  OFFICER,
} from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const ACCOUNT = '86011117947';
const IBAN = 'SE4550000000058398257466';
const BIC = 'ESSESESS';
/** Wednesday 4 February 2026, a business day after the test clock's Monday. */
const EXECUTION_DATE = '2026-02-04';
const ATTESTATION = {
  payoutAttestation: { managerSignatureBelowOre: nok(20_000), accountantConfirmationFromOre: nok(50_000) },
};

interface Due {
  kind: 'instalment' | 'payout_request';
  caseReference: string;
  instalment: { number: number } | null;
  payoutRequest: { number: number } | null;
  amount: number;
}
interface RunItem {
  caseReference: string;
  kind: 'instalment' | 'payout_request';
  instalment: number | null;
  payoutRequest: number | null;
  instalmentLabel: string;
  amount: number;
  account: string;
  bic: string | null;
  currency: string;
  endToEndId: string;
  bookedAt: string | null;
}
interface Run {
  id: string;
  number: number;
  state: 'draft' | 'approved';
  totalAmount: number;
  items: RunItem[];
}
type Node = Record<string, unknown>;

/**
 * Approved payout requests (utbetalingsanmodninger) in payment runs, beside plan instalments: paid to
 * the account the request names (a BBAN, or an IBAN and BIC abroad), booked exactly once whichever
 * way finance pays them, with nothing changed when a run is refused.
 */
describe('payment runs with payout requests', () => {
  let t: TestApp;
  const clock = newClock();
  /** NOK call paying a 50 % advance on acceptance; a SEK call on a Swedish frame, likewise. */
  let callId: string;
  let sekCallId: string;

  const http = async (method: 'get' | 'post', path: string, email: string, body?: object, key?: string) => {
    const agent = t.http();
    const req = agent[method](`/api/v1${path}`).set('authorization', await t.bearer(email));
    if (key) req.set('idempotency-key', key);
    return method === 'get' ? req : req.send(body ?? {});
  };
  const download = async (path: string) =>
    t
      .http()
      .get(`/api/v1${path}`)
      .set('authorization', await t.bearer(FINANCE))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const ok = async <T>(res: Promise<{ status: number; text: string; body: unknown }>, status = 200) => {
    const r = await res;
    if (r.status !== status) throw new Error(`${r.status} ${r.text}`);
    return r.body as T;
  };

  /** A Swedish frame of the county with money, and a BIO call on it paying half on acceptance. */
  async function sekCall(): Promise<string> {
    const frame = await ok<{ id: string }>(
      http('post', '/frames', FINANCE, {
        schemeId: 'bio',
        year: 2026,
        name: 'BIO Sverige 2026',
        currency: 'SEK',
      }),
      201,
    );
    await ok(
      http(
        'post',
        `/frames/${frame.id}/allocations`,
        FINANCE,
        {
          kind: 'allocation',
          amount: nok(5_000_000),
          reason: 'Interreg-midler 2026',
        },
        'sek-allocation',
      ),
    );
    const call = await ok<{ id: string }>(
      http('post', '/admin/calls', ADMIN, {
        schemeId: 'bio',
        year: 2026,
        title: 'BIO 2026 Sverige',
        frameId: frame.id,
        parameters: { ...newBioCallParameters({ advancePaymentBasisPoints: 5_000 }), ...ATTESTATION },
      }),
      201,
    );
    await ok(http('post', `/admin/calls/${call.id}/publish`, ADMIN));
    return call.id;
  }

  beforeAll(async () => {
    t = await startTestApp({ clock });
    callId = await bioCallWithAdvance(t, 5_000, ATTESTATION);
    sekCallId = await sekCall();
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(newClock().now()));

  /**
   * An accepted grant of 250 000 (kr or SEK) with its advance paid and payout request 1 of 60 000
   * approved at `approved`, paid to `account`.
   */
  async function approvedRequest(
    options: { call?: string; approved?: number; account?: object } = {},
  ): Promise<{ id: string; reference: string }> {
    const grant = await acceptedGrant(t, { callId: options.call ?? callId, amount: nok(250_000) });
    expect(await bookPaymentsDue(t, grant.reference)).toBe(nok(125_000));
    const base = `/applications/${grant.id}/payout-requests`;
    await ok(
      http('post', base, KARI, {
        amount: nok(60_000),
        ...(options.account ?? { accountNumber: '8601 11 17947' }),
        statusReport: 'Fire av seks moduler er gjennomført.',
        costs: [
          { line: '0', accumulatedOre: nok(180_000) },
          { line: '1', accumulatedOre: nok(120_000) },
        ],
        managerName: 'Kari Nordmann',
        accountant: { name: 'Siv Revisor', role: 'auditor' },
      }),
      201,
    );
    await ok(http('post', `${base}/1/send`, KARI));
    await ok(http('post', `${base}/1/approve`, OFFICER, { amount: options.approved ?? nok(40_000) }));
    return grant;
  }
  /** An accepted NOK grant of 200 000 kr, its advance due, its organisation's payout account set. */
  async function grantWithAccount() {
    const grant = await acceptedGrant(t, { callId, amount: nok(200_000) });
    const [{ organisation_id: organisationId }] = await t.dataSource.query<
      Array<{ organisation_id: string }>
    >(`SELECT organisation_id FROM application WHERE id = $1`, [grant.id]);
    const res = await t
      .http()
      .put(`/api/v1/organisations/${organisationId}/payout-account`)
      .set('authorization', await t.bearer(KARI))
      .send({ accountNumber: '12345678903' });
    expect(res.status).toBe(200);
    return grant;
  }
  const dueList = async () =>
    (await ok<{ items: Due[] }>(http('get', '/payments/due?limit=500', FINANCE))).items;
  const dueRequest = async (reference: string) =>
    (await dueList()).find((d) => d.caseReference === reference && d.kind === 'payout_request');
  const requestPick = (reference: string, amount = nok(40_000)) => ({
    caseReference: reference,
    payoutRequest: 1,
    amount,
  });
  const createRun = (items: object[], key?: string) =>
    http('post', '/payments/runs', FINANCE, { requestedExecutionDate: EXECUTION_DATE, items }, key);
  const state = async (applicationId: string) => {
    const [row] = await t.dataSource.query<Array<{ status: string; disbursements: number; paid: string }>>(
      `SELECT r.status,
              (SELECT count(*)::int FROM ledger_entry e WHERE e.application_id = r.application_id
                 AND e.kind = 'disbursement') AS disbursements,
              (SELECT coalesce(sum(disbursed), 0) FROM grant_position p
                WHERE p.application_id = r.application_id) AS paid
         FROM payout_request r WHERE r.application_id = $1 AND r.number = 1`,
      [applicationId],
    );
    return { status: row.status, disbursements: row.disbursements, paid: Number(row.paid) };
  };

  it('pays an approved request in a run beside an instalment: its account, its words, booked once', async () => {
    const request = await approvedRequest();
    const other = await grantWithAccount();
    const advance = (await dueList()).find((d) => d.caseReference === other.reference && d.instalment)!;
    expect(await dueRequest(request.reference)).toMatchObject({ amount: nok(40_000) });

    const created = await createRun([
      requestPick(request.reference),
      {
        caseReference: advance.caseReference,
        instalment: advance.instalment!.number,
        amount: advance.amount,
      },
    ]);
    expect(created.status).toBe(201);
    const run = created.body as Run;
    expect(run.totalAmount).toBe(nok(40_000) + nok(100_000));
    const item = run.items.find((i) => i.kind === 'payout_request')!;
    expect(item).toMatchObject({
      caseReference: request.reference,
      kind: 'payout_request',
      instalment: null,
      payoutRequest: 1,
      payoutRequestKind: 'part',
      instalmentLabel: 'Utbetalingsanmodning nr 1',
      account: ACCOUNT,
      bic: null,
      currency: 'NOK',
      endToEndId: `${request.reference}-U1`,
      bookedAt: null,
    });
    expect(run.items.find((i) => i.kind === 'instalment')).toMatchObject({
      instalment: 1,
      payoutRequest: null,
    });
    // A draft books nothing: the request is still approved and due.
    expect(await state(request.id)).toMatchObject({ status: 'approved', disbursements: 1 });

    const key = `approve-${run.id}`;
    const approved = await http('post', `/payments/runs/${run.id}/approve`, FINANCE, {}, key);
    expect(approved.status).toBe(200);
    expect(await state(request.id)).toEqual({ status: 'paid', disbursements: 2, paid: nok(165_000) });
    expect(await dueRequest(request.reference)).toBeUndefined();
    // The case's history says the run paid it.
    const [paid] = await t.dataSource.query<Array<{ payload: Record<string, unknown> }>>(
      `SELECT payload FROM audit_record WHERE application_id = $1 AND event = 'PAYOUT_REQUEST_PAID'`,
      [request.id],
    );
    expect(paid.payload).toMatchObject({ number: 1, amount: nok(40_000), paymentRun: run.number });

    // A retried approval (same key, another key) books nothing more.
    expect((await http('post', `/payments/runs/${run.id}/approve`, FINANCE, {}, key)).body).toEqual(
      approved.body,
    );
    expect((await http('post', `/payments/runs/${run.id}/approve`, FINANCE, {}, `${key}-2`)).status).toBe(
      200,
    );
    expect(await state(request.id)).toEqual({ status: 'paid', disbursements: 2, paid: nok(165_000) });

    // Paid by the run, it cannot be paid one by one.
    const single = await http(
      'post',
      `/payments/due/${request.reference}/payout-requests/1/book`,
      FINANCE,
      { amount: nok(40_000) },
      'single-after-run',
    );
    expect(single.status).toBe(409);
    expect(single.body).toMatchObject({ code: 'payment_not_due' });

    // The files: the request's account and the remittance naming the case and the request.
    const xml = (await download(`/payments/runs/${run.id}/pain001.xml`)).body as Buffer;
    const transfers = (
      (convert(xml.toString('utf8'), { format: 'object' }) as unknown as Node).Document as Node
    ).CstmrCdtTrfInitn as Node;
    const txs = (transfers.PmtInf as Node).CdtTrfTxInf as Node[];
    const tx = txs.find((x) => (x.PmtId as Node).EndToEndId === `${request.reference}-U1`)!;
    expect(tx).toMatchObject({
      Amt: { InstdAmt: { '@Ccy': 'NOK', '#': '40000.00' } },
      CdtrAcct: { Id: { Othr: { Id: ACCOUNT, SchmeNm: { Cd: 'BBAN' } } } },
      RmtInf: { Ustrd: `${request.reference} Utbetalingsanmodning nr 1` },
    });
    expect(tx.CdtrAgt).toBeUndefined();
    const csv = ((await download(`/payments/runs/${run.id}/items.csv`)).body as Buffer).toString('utf8');
    expect(csv).toContain(`;${request.reference};Utbetalingsanmodning nr 1;`);
    expect(csv).toContain(`;${ACCOUNT};;40000,00;04.02.2026;${request.reference}-U1`);
  });

  it('pays a request to an IBAN abroad: IBAN, BIC as the creditor agent, its currency, in a run of its own', async () => {
    const request = await approvedRequest({
      call: sekCallId,
      account: { iban: 'se45 5000 0000 0583 9825 7466', bic: 'esse se ss' },
    });
    expect(await dueRequest(request.reference)).toMatchObject({
      payoutRequest: { number: 1, accountNumber: null, iban: IBAN, bic: BIC },
    });
    // A NOK instalment and a SEK request do not share a run.
    const nokGrant = await grantWithAccount();
    const advance = (await dueList()).find((d) => d.caseReference === nokGrant.reference && d.instalment)!;
    const mixed = await createRun([
      requestPick(request.reference),
      {
        caseReference: advance.caseReference,
        instalment: advance.instalment!.number,
        amount: advance.amount,
      },
    ]);
    expect([mixed.status, (mixed.body as { code: string }).code]).toEqual([422, 'run_mixed_currencies']);

    const run = await ok<Run>(createRun([requestPick(request.reference)]), 201);
    expect(run.items[0]).toMatchObject({ account: IBAN, bic: BIC, currency: 'SEK' });
    await ok(http('post', `/payments/runs/${run.id}/approve`, FINANCE, {}, `approve-${run.id}`));
    expect(await state(request.id)).toMatchObject({ status: 'paid' });

    const xml = ((await download(`/payments/runs/${run.id}/pain001.xml`)).body as Buffer).toString('utf8');
    const init = ((convert(xml, { format: 'object' }) as unknown as Node).Document as Node)
      .CstmrCdtTrfInitn as Node;
    const tx = (init.PmtInf as Node).CdtTrfTxInf as Node;
    expect(tx).toMatchObject({
      PmtId: { EndToEndId: `${request.reference}-U1` },
      Amt: { InstdAmt: { '@Ccy': 'SEK', '#': '40000.00' } },
      CdtrAgt: { FinInstnId: { BIC: BIC } },
      Cdtr: {},
      CdtrAcct: { Id: { IBAN } },
      RmtInf: { Ustrd: `${request.reference} Utbetalingsanmodning nr 1` },
    });
    // The schema's order: the creditor's bank before the creditor.
    const block = xml.slice(xml.indexOf('<CdtTrfTxInf>'));
    expect(block.indexOf('<CdtrAgt>')).toBeLessThan(block.indexOf('<Cdtr>'));
    expect(block.indexOf('<Cdtr>')).toBeLessThan(block.indexOf('<CdtrAcct>'));
    const csv = ((await download(`/payments/runs/${run.id}/items.csv`)).body as Buffer).toString('utf8');
    expect(csv).toContain(`;${IBAN};${BIC};40000,00;`);
  });

  it('refuses a request paid one by one, or by another run, naming it; nothing changes', async () => {
    const request = await approvedRequest();
    const first = await ok<Run>(createRun([requestPick(request.reference)]), 201);
    const second = await ok<Run>(createRun([requestPick(request.reference)]), 201);

    // Paid one by one meanwhile.
    await ok(
      http(
        'post',
        `/payments/due/${request.reference}/payout-requests/1/book`,
        FINANCE,
        { amount: nok(40_000) },
        'single-first',
      ),
    );
    const before = await state(request.id);
    expect(before).toMatchObject({ status: 'paid', disbursements: 2 });

    for (const run of [first, second]) {
      const refused = await http(
        'post',
        `/payments/runs/${run.id}/approve`,
        FINANCE,
        {},
        `approve-${run.id}`,
      );
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'run_items_not_due',
        items: [
          { caseReference: request.reference, instalment: null, payoutRequest: 1, code: 'payment_not_due' },
        ],
      });
      expect((refused.body as { detail: string }).detail).toContain(
        `payout request 1 of ${request.reference}`,
      );
      const after = await ok<Run>(http('get', `/payments/runs/${run.id}`, FINANCE));
      expect(after).toMatchObject({ state: 'draft' });
      expect(after.items[0].bookedAt).toBeNull();
    }
    expect(await state(request.id)).toEqual(before);
    // A new run of it is refused too.
    const again = await createRun([requestPick(request.reference)]);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'run_items_not_due', items: [{ payoutRequest: 1 }] });
  });

  it('books a request in one run only: the other run that holds it is refused and books nothing', async () => {
    const request = await approvedRequest();
    const one = await ok<Run>(createRun([requestPick(request.reference)]), 201);
    const two = await ok<Run>(createRun([requestPick(request.reference)]), 201);
    const [a, b] = await Promise.all([
      http('post', `/payments/runs/${one.id}/approve`, FINANCE, {}),
      http('post', `/payments/runs/${two.id}/approve`, FINANCE, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await state(request.id)).toEqual({ status: 'paid', disbursements: 2, paid: nok(165_000) });
    const booked = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM payment_run_item WHERE booked_at IS NOT NULL AND payout_request_id =
         (SELECT id FROM payout_request WHERE application_id = $1 AND number = 1)`,
      [request.id],
    );
    expect(booked[0].n).toBe(1);
  });

  it('refuses bad picks before anything is written: both or neither kind, twice, another amount', async () => {
    const request = await approvedRequest();
    const runs = async () =>
      (await t.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM payment_run`))[0].n;
    const before = await runs();
    const both = await createRun([{ ...requestPick(request.reference), instalment: 1 }]);
    expect([both.status, (both.body as { code: string }).code]).toEqual([422, 'run_item_kind']);
    const neither = await createRun([{ caseReference: request.reference, amount: nok(40_000) }]);
    expect([neither.status, (neither.body as { code: string }).code]).toEqual([422, 'run_item_kind']);
    const twice = await createRun([requestPick(request.reference), requestPick(request.reference)]);
    expect([twice.status, (twice.body as { code: string }).code]).toEqual([422, 'duplicate_run_item']);
    const changed = await createRun([requestPick(request.reference, nok(60_000))]);
    expect(changed.status).toBe(409);
    expect(changed.body).toMatchObject({
      code: 'run_items_not_due',
      items: [{ payoutRequest: 1, code: 'due_amount_changed' }],
    });
    expect(await runs()).toBe(before);
    expect(await state(request.id)).toMatchObject({ status: 'approved', disbursements: 1 });
  });
});
