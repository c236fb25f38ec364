import { convert } from 'xmlbuilder2';
import { acceptedGrant, bioCallWithAdvance, FINANCE, KARI, newClock } from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const OTHER_FINANCE = 'okonomi@rogaland.example';
const ACCOUNT_A = '86011117947';
const ACCOUNT_B = '12345678903';
/** Wednesday 4 February 2026, a business day after the test clock's Monday. */
const EXECUTION_DATE = '2026-02-04';

interface Due {
  caseReference: string;
  instalment: { number: number; label: string };
  amount: number;
  frameId: string;
}
interface Run {
  id: string;
  number: number;
  state: 'draft' | 'approved';
  requestedExecutionDate: string;
  itemCount: number;
  totalAmount: number;
  createdBy: string;
  approvedBy: string | null;
  approvedAt: string | null;
  messageId: string | null;
  items: Array<{
    caseReference: string;
    instalment: number;
    instalmentLabel: string;
    amount: number;
    organisationName: string;
    organisationNumber: string;
    account: string;
    endToEndId: string;
    bookedAt: string | null;
  }>;
}

/**
 * Payment runs (utbetalingslister): finance picks due payments, approves the run once, and exports it
 * as a pain.001.001.03 credit transfer file and a CSV. Approval books every item exactly once or
 * nothing at all.
 */
describe('payment runs', () => {
  let t: TestApp;
  const clock = newClock();
  /** A BIO call whose plan pays half once the grant is accepted. */
  let callId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    callId = await bioCallWithAdvance(t, 5_000);
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(newClock().now()));

  const auth = async (email: string) => t.bearer(email);
  const get = async (path: string, email = FINANCE) =>
    t
      .http()
      .get(`/api/v1${path}`)
      .set('authorization', await auth(email));
  const post = async (path: string, body: object, key?: string, email = FINANCE) => {
    const req = t
      .http()
      .post(`/api/v1${path}`)
      .set('authorization', await auth(email));
    if (key) req.set('idempotency-key', key);
    return req.send(body);
  };
  /** A download, as the bytes sent. */
  const download = async (path: string, email = FINANCE) =>
    t
      .http()
      .get(`/api/v1${path}`)
      .set('authorization', await auth(email))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const setAccount = async (organisationId: string, accountNumber: string, email = KARI) =>
    t
      .http()
      .put(`/api/v1/organisations/${organisationId}/payout-account`)
      .set('authorization', await auth(email))
      .send({ accountNumber });

  /** A fresh accepted grant of `amount` øre on the half-advance call; its advance is due now. */
  async function dueGrant(amount = 25_000_000, account: string | null = ACCOUNT_A) {
    const { id, reference } = await acceptedGrant(t, { callId, amount });
    const [{ organisation_id: organisationId }] = await t.dataSource.query<
      Array<{ organisation_id: string }>
    >(`SELECT organisation_id FROM application WHERE id = $1`, [id]);
    if (account) expect((await setAccount(organisationId, account)).status).toBe(200);
    const res = await get('/payments/due?limit=500');
    const due = (res.body as { items: Due[] }).items.find((d) => d.caseReference === reference)!;
    return { id, reference, organisationId, due };
  }
  const pick = (due: Due) => ({
    caseReference: due.caseReference,
    instalment: due.instalment.number,
    amount: due.amount,
  });
  const disbursements = async (ids: string[]) =>
    (
      await t.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM ledger_entry WHERE application_id = ANY($1) AND kind = 'disbursement'`,
        [ids],
      )
    )[0].n;
  const frameDisbursed = async (frameId: string) =>
    ((await get(`/frames/${frameId}`)).body as { disbursed: number }).disbursed;
  const runCount = async () =>
    (await t.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM payment_run`))[0].n;
  const auditOf = async (kind: string, id: string) =>
    t.dataSource.query<Array<{ action: string; actor_user_id: string; changes: Record<string, unknown> }>>(
      `SELECT action, actor_user_id, changes FROM payment_audit_record
        WHERE subject_kind = $1 AND subject_id = $2 ORDER BY seq`,
      [kind, id],
    );

  async function createRun(dues: Due[], date = EXECUTION_DATE): Promise<Run> {
    const res = await post('/payments/runs', { requestedExecutionDate: date, items: dues.map(pick) });
    if (res.status !== 201) throw new Error(`run: ${res.status} ${res.text}`);
    return res.body as Run;
  }

  it('approves a run of two due payments: both booked once, the frame pays their sum, who approved is recorded', async () => {
    const a = await dueGrant(25_000_000, ACCOUNT_A);
    const b = await dueGrant(30_000_000, ACCOUNT_B);
    const frameId = a.due.frameId;
    const before = await frameDisbursed(frameId);

    const run = await createRun([a.due, b.due]);
    expect(run).toMatchObject({
      // Stamped by the service clock, as its approval is.
      createdAt: clock.now().toISOString(),
      state: 'draft',
      requestedExecutionDate: EXECUTION_DATE,
      itemCount: 2,
      totalAmount: 12_500_000 + 15_000_000,
      createdBy: 'Åse Økonomi',
      approvedBy: null,
      messageId: null,
    });
    expect(run.items.map((i) => [i.caseReference, i.amount, i.account])).toEqual(
      [
        [a.reference, 12_500_000, ACCOUNT_A],
        [b.reference, 15_000_000, ACCOUNT_B],
      ].sort(),
    );
    // A draft books nothing and is not yet a file.
    expect(await disbursements([a.id, b.id])).toBe(0);
    expect((await download(`/payments/runs/${run.id}/pain001.xml`)).status).toBe(409);

    const key = `approve-${run.id}`;
    const approved = await post(`/payments/runs/${run.id}/approve`, {}, key);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      state: 'approved',
      approvedBy: 'Åse Økonomi',
      messageId: `UTB-50-${String(run.number).padStart(6, '0')}`,
    });
    expect((approved.body as Run).items.every((i) => i.bookedAt !== null)).toBe(true);
    expect(await disbursements([a.id])).toBe(1);
    expect(await disbursements([b.id])).toBe(1);
    expect(await frameDisbursed(frameId)).toBe(before + 27_500_000);
    // Neither is due any more.
    const due = ((await get('/payments/due?limit=500')).body as { items: Due[] }).items;
    expect(due.map((d) => d.caseReference)).not.toEqual(expect.arrayContaining([a.reference]));
    expect(due.map((d) => d.caseReference)).not.toEqual(expect.arrayContaining([b.reference]));

    // The run's history: made, then approved by finance, with what was booked.
    const [{ id: financeId }] = await t.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM user_account WHERE email = $1`,
      [FINANCE],
    );
    const audit = await auditOf('payment_run', run.id);
    expect(audit.map((r) => [r.action, r.actor_user_id])).toEqual([
      ['created', financeId],
      ['approved', financeId],
    ]);
    expect(audit[1].changes).toMatchObject({ totalAmount: 27_500_000 });

    // A retry with the same key, and another approval with another key: nothing more is booked.
    const retry = await post(`/payments/runs/${run.id}/approve`, {}, key);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(approved.body);
    const again = await post(`/payments/runs/${run.id}/approve`, {}, `${key}-other`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ state: 'approved', approvedAt: (approved.body as Run).approvedAt });
    const twice = await Promise.all([
      post(`/payments/runs/${run.id}/approve`, {}),
      post(`/payments/runs/${run.id}/approve`, {}),
    ]);
    for (const res of twice) expect(res.status).toBe(200);
    expect(await disbursements([a.id, b.id])).toBe(2);
    expect(await frameDisbursed(frameId)).toBe(before + 27_500_000);
    expect((await auditOf('payment_run', run.id)).length).toBe(2);
    // Nor can the one-by-one booking pay them again.
    const byHand = await post(`/payments/due/${a.reference}/book`, { instalment: 1, amount: 12_500_000 });
    expect(byHand.status).toBe(409);
    expect(await disbursements([a.id, b.id])).toBe(2);
  });

  it('refuses to approve a run with an item no longer due, naming it, and books nothing', async () => {
    const a = await dueGrant();
    const b = await dueGrant();
    const run = await createRun([a.due, b.due]);
    // Paid one by one meanwhile.
    expect(
      (await post(`/payments/due/${b.reference}/book`, { instalment: 1, amount: b.due.amount })).status,
    ).toBe(200);
    const before = await frameDisbursed(a.due.frameId);

    const res = await post(`/payments/runs/${run.id}/approve`, {}, `approve-${run.id}`);
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      code: 'run_items_not_due',
      items: [{ caseReference: b.reference, instalment: 1, code: 'payment_not_due' }],
    });
    expect((res.body as { detail: string }).detail).toContain(b.reference);
    expect(await disbursements([a.id])).toBe(0);
    expect(await disbursements([b.id])).toBe(1);
    expect(await frameDisbursed(a.due.frameId)).toBe(before);
    expect(((await get(`/payments/runs/${run.id}`)).body as Run).state).toBe('draft');
    expect((await auditOf('payment_run', run.id)).map((r) => r.action)).toEqual(['created']);
  });

  it('refuses an item for another amount than is due, and a payee without an account, in words', async () => {
    const a = await dueGrant();
    const noAccount = await dueGrant(25_000_000, null);
    const runs = await runCount();

    const wrong = await post('/payments/runs', {
      requestedExecutionDate: EXECUTION_DATE,
      items: [{ ...pick(a.due), amount: a.due.amount + 1 }],
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body).toMatchObject({
      code: 'run_items_not_due',
      items: [
        { caseReference: a.reference, code: 'due_amount_changed', reason: 'another amount is due now' },
      ],
    });

    const res = await post('/payments/runs', {
      requestedExecutionDate: EXECUTION_DATE,
      items: [pick(a.due), pick(noAccount.due)],
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'payee_account_missing',
      items: [
        {
          caseReference: noAccount.reference,
          code: 'payee_account_missing',
          reason: 'the payee has no payout account (kontonummer for utbetaling) registered',
        },
      ],
    });
    expect((res.body as { detail: string }).detail).toContain(noAccount.reference);
    expect(await runCount()).toBe(runs);
  });

  it("sets an organisation's payout account with its MOD11 check, audited; a wrong one changes nothing", async () => {
    const { organisationId } = await dueGrant(25_000_000, null);
    const bad = await setAccount(organisationId, '8601 11 17949');
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'invalid_account_number' });
    const short = await setAccount(organisationId, '8601 11');
    expect(short.status).toBe(422);
    expect((await get(`/organisations/${organisationId}`, KARI)).body).toMatchObject({ payoutAccount: null });
    expect(await auditOf('organisation', organisationId)).toEqual([]);

    const ok = await setAccount(organisationId, '8601.11.17947');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ payoutAccount: ACCOUNT_A });
    expect((await setAccount(organisationId, ACCOUNT_B)).status).toBe(200);
    const audit = await auditOf('organisation', organisationId);
    expect(audit.map((r) => [r.action, r.changes])).toEqual([
      ['payout_account_set', { payoutAccount: { from: null, to: ACCOUNT_A } }],
      ['payout_account_set', { payoutAccount: { from: ACCOUNT_A, to: ACCOUNT_B } }],
    ]);
    // Staff do not set it; nor does another organisation's user.
    expect((await setAccount(organisationId, ACCOUNT_A, FINANCE)).status).toBe(403);
    expect((await setAccount(organisationId, ACCOUNT_A, 'ola@innherred-tre.example')).status).toBe(404);
  });

  it('exports a pain.001.001.03 file whose counts, sums and amounts are exact, the same bytes each time', async () => {
    // 50 % of 24 691,34 kr = 12 345,67 kr.
    const a = await dueGrant(2_469_134, ACCOUNT_A);
    const b = await dueGrant(20_000_000, ACCOUNT_B);
    expect(a.due.amount).toBe(1_234_567);
    const run = await createRun([a.due, b.due]);
    expect((await post(`/payments/runs/${run.id}/approve`, {})).status).toBe(200);

    const first = await download(`/payments/runs/${run.id}/pain001.xml`);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/xml/);
    expect(first.headers['content-disposition']).toBe(
      `attachment; filename="utbetalingsliste-${run.number}-${EXECUTION_DATE}.xml"`,
    );
    const xml = (first.body as Buffer).toString('utf8');
    const second = await download(`/payments/runs/${run.id}/pain001.xml`);
    expect(Buffer.compare(first.body as Buffer, second.body as Buffer)).toBe(0);

    expect(xml).toContain('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">');
    type Node = Record<string, unknown>;
    const doc = convert(xml, { format: 'object' }) as unknown as Node;
    const init = (doc.Document as Node).CstmrCdtTrfInitn as Node;
    const header = init.GrpHdr as Node;
    const payment = init.PmtInf as Node;
    const transfers = payment.CdtTrfTxInf as Node[];
    expect(header).toMatchObject({
      MsgId: `UTB-50-${String(run.number).padStart(6, '0')}`,
      CreDtTm: '2026-02-02T09:00:00',
      NbOfTxs: '2',
      CtrlSum: '112345.67',
      InitgPty: { Nm: 'Trøndelag fylkeskommune', Id: { OrgId: { Othr: { Id: '817920632' } } } },
    });
    expect(payment).toMatchObject({
      PmtMtd: 'TRF',
      NbOfTxs: '2',
      CtrlSum: '112345.67',
      ReqdExctnDt: EXECUTION_DATE,
      Dbtr: { Nm: 'Trøndelag fylkeskommune' },
      DbtrAcct: { Id: { Othr: { Id: '86011117947', SchmeNm: { Cd: 'BBAN' } } } },
    });
    expect(transfers).toHaveLength(2);
    const byRef = new Map(transfers.map((tx) => [(tx.PmtId as Node).EndToEndId as string, tx]));
    expect(byRef.size).toBe(2);
    expect(byRef.get(`${a.reference}-1`)).toMatchObject({
      Amt: { InstdAmt: { '@Ccy': 'NOK', '#': '12345.67' } },
      Cdtr: { Nm: a.due.caseReference ? expect.stringMatching(/^Testbedrift \d+ AS$/) : '' },
      CdtrAcct: { Id: { Othr: { Id: ACCOUNT_A, SchmeNm: { Cd: 'BBAN' } } } },
      RmtInf: { Ustrd: `${a.reference} ${a.due.instalment.label}` },
    });
    expect(byRef.get(`${b.reference}-1`)).toMatchObject({
      Amt: { InstdAmt: { '@Ccy': 'NOK', '#': '100000.00' } },
      CdtrAcct: { Id: { Othr: { Id: ACCOUNT_B } } },
    });
    // The control sum is the sum of the amounts, to the øre.
    const cents = transfers.map((tx) =>
      Number((((tx.Amt as Node).InstdAmt as Node)['#'] as string).replace('.', '')),
    );
    expect(cents.reduce((x, y) => x + y, 0)).toBe(11_234_567);

    // The CSV of the same run, byte for byte.
    const csv = await download(`/payments/runs/${run.id}/items.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="utbetalingsliste-${run.number}-${EXECUTION_DATE}.csv"`,
    );
    const detail = (await get(`/payments/runs/${run.id}`)).body as Run & {
      items: Array<{ organisationNumber: string }>;
    };
    const rows = detail.items.map((i) =>
      [
        run.number,
        i.caseReference,
        i.instalmentLabel,
        i.organisationName,
        i.organisationNumber,
        i.account,
        '',
        i.amount === 1_234_567 ? '12345,67' : '100000,00',
        '04.02.2026',
        `${i.caseReference}-1`,
      ].join(';'),
    );
    const expected =
      '\uFEFF' +
      [
        'Utbetalingsliste;Saksnummer;Avdrag;Mottaker;Organisasjonsnummer;Kontonummer;BIC;Beløp (kr);Betalingsdato;Referanse',
        ...rows,
      ].join('\r\n') +
      '\r\n';
    expect((csv.body as Buffer).toString('utf8')).toEqual(expected);
    expect((csv.body as Buffer).equals(Buffer.from(expected, 'utf8'))).toBe(true);
    const csvAgain = await download(`/payments/runs/${run.id}/items.csv`);
    expect((csvAgain.body as Buffer).equals(csv.body as Buffer)).toBe(true);
  });

  it("shows another county's finance nothing of a run: 404 to read, approve or export it", async () => {
    const a = await dueGrant();
    const run = await createRun([a.due]);
    for (const path of [
      `/payments/runs/${run.id}`,
      `/payments/runs/${run.id}/pain001.xml`,
      `/payments/runs/${run.id}/items.csv`,
    ]) {
      expect((await get(path, OTHER_FINANCE)).status).toBe(404);
    }
    expect((await post(`/payments/runs/${run.id}/approve`, {}, undefined, OTHER_FINANCE)).status).toBe(404);
    const theirs = (await get('/payments/runs', OTHER_FINANCE)).body as { items: Run[] };
    expect(theirs.items.map((r) => r.id)).not.toContain(run.id);
    // Nor may they put this county's case in a run of theirs.
    const foreign = await post(
      '/payments/runs',
      { requestedExecutionDate: EXECUTION_DATE, items: [pick(a.due)] },
      undefined,
      OTHER_FINANCE,
    );
    expect(foreign.status).toBe(404);
    expect(await disbursements([a.id])).toBe(0);
    // This county's list has it, newest first.
    const ours = (await get('/payments/runs')).body as { items: Run[] };
    expect(ours.items[0]).toMatchObject({ id: run.id, itemCount: 1, state: 'draft' });
  });

  it('asks for an execution date that is a Norwegian business day, today or later', async () => {
    const a = await dueGrant();
    const runs = await runCount();
    for (const [date, code] of [
      ['2026-02-07', 'execution_date_not_business_day'], // Saturday
      ['2026-04-02', 'execution_date_not_business_day'], // Skjærtorsdag
      ['2026-01-30', 'execution_date_in_past'],
    ]) {
      const res = await post('/payments/runs', { requestedExecutionDate: date, items: [pick(a.due)] });
      expect([res.status, (res.body as { code: string }).code]).toEqual([422, code]);
    }
    expect(await runCount()).toBe(runs);
    // Today (a Monday) will do.
    expect((await createRun([a.due], '2026-02-02')).requestedExecutionDate).toBe('2026-02-02');
  });
});
