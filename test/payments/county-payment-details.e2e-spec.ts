import { nok } from '@lib/common';
import { convert } from 'xmlbuilder2';
import { acceptedGrant, ADMIN, bioCallWithAdvance, FINANCE, KARI, newClock, OFFICER } from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const OTHER_ADMIN = 'admin@rogaland.example';
const SEEDED = { paymentAccount: '86011117947', organisationNumber: '817920632' };
const NEW = { paymentAccount: '12345678903', organisationNumber: '921456786' };
const EXECUTION_DATE = '2026-02-04';
type Node = Record<string, unknown>;

/**
 * The county's paying account and organisation number, kept by its administrators: MOD11-checked,
 * audited with the change, and what payment runs approved afterwards say; an approved run keeps what
 * it was approved with.
 */
describe("the county's payment details", () => {
  let t: TestApp;
  const clock = newClock();
  let callId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    callId = await bioCallWithAdvance(t, 5_000);
  });
  afterAll(() => t.close());

  const path = '/counties/current/payment-details';
  const get = async (email: string, url = path) =>
    t
      .http()
      .get(`/api/v1${url}`)
      .set('authorization', await t.bearer(email));
  const put = async (email: string, body: object, key?: string) => {
    const req = t
      .http()
      .put(`/api/v1${path}`)
      .set('authorization', await t.bearer(email));
    if (key) req.set('idempotency-key', key);
    return req.send(body);
  };
  const county = async () =>
    (
      await t.dataSource.query<Array<{ id: string; payment_account: string; organisation_number: string }>>(
        `SELECT id, payment_account, organisation_number FROM county WHERE code = '50'`,
      )
    )[0];
  const audit = async (countyId: string) =>
    t.dataSource.query<Array<{ action: string; actor_user_id: string; changes: Record<string, unknown> }>>(
      `SELECT action, actor_user_id, changes FROM payment_audit_record
        WHERE subject_kind = 'county' AND subject_id = $1 ORDER BY seq`,
      [countyId],
    );

  /** An approved run paying one advance, and its pain.001's debtor account and initiating party's number. */
  async function approvedRun(): Promise<{ id: string; debtor: () => Promise<[unknown, unknown]> }> {
    const grant = await acceptedGrant(t, { callId, amount: nok(200_000) });
    const [{ organisation_id: organisationId }] = await t.dataSource.query<
      Array<{ organisation_id: string }>
    >(`SELECT organisation_id FROM application WHERE id = $1`, [grant.id]);
    const finance = await t.bearer(FINANCE);
    await t
      .http()
      .put(`/api/v1/organisations/${organisationId}/payout-account`)
      .set('authorization', await t.bearer(KARI))
      .send({ accountNumber: '12345678903' });
    const due = (await t.http().get('/api/v1/payments/due?limit=500').set('authorization', finance)).body as {
      items: Array<{ caseReference: string; instalment: { number: number } | null; amount: number }>;
    };
    const advance = due.items.find((d) => d.caseReference === grant.reference && d.instalment)!;
    const run = await t
      .http()
      .post('/api/v1/payments/runs')
      .set('authorization', finance)
      .send({
        requestedExecutionDate: EXECUTION_DATE,
        items: [
          { caseReference: grant.reference, instalment: advance.instalment!.number, amount: advance.amount },
        ],
      });
    expect(run.status).toBe(201);
    const id = (run.body as { id: string }).id;
    expect(
      (await t.http().post(`/api/v1/payments/runs/${id}/approve`).set('authorization', finance).send({}))
        .status,
    ).toBe(200);
    return {
      id,
      debtor: async () => {
        const res = await t
          .http()
          .get(`/api/v1/payments/runs/${id}/pain001.xml`)
          .set('authorization', finance)
          .buffer(true)
          .parse((r, done) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => done(null, Buffer.concat(chunks)));
          });
        const init = (
          (convert((res.body as Buffer).toString('utf8'), { format: 'object' }) as unknown as Node)
            .Document as Node
        ).CstmrCdtTrfInitn as Node;
        const account = ((((init.PmtInf as Node).DbtrAcct as Node).Id as Node).Othr as Node).Id;
        const orgNumber = (((((init.GrpHdr as Node).InitgPty as Node).Id as Node).OrgId as Node).Othr as Node)
          .Id;
        return [account, orgNumber];
      },
    };
  }

  it('lets an administrator read and change them, audited; runs approved later pay from the new account, earlier ones keep theirs', async () => {
    const read = await get(ADMIN);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ countyName: 'Trøndelag fylkeskommune', ...SEEDED });

    const before = await approvedRun();
    expect(await before.debtor()).toEqual([SEEDED.paymentAccount, SEEDED.organisationNumber]);

    const changed = await put(
      ADMIN,
      { paymentAccount: '1234 56 78903', organisationNumber: '921 456 786' },
      'details-1',
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ countyName: 'Trøndelag fylkeskommune', ...NEW });
    // The same key again answers the same; the same values again change and audit nothing.
    expect(
      (await put(ADMIN, { paymentAccount: '1234 56 78903', organisationNumber: '921 456 786' }, 'details-1'))
        .body,
    ).toEqual(changed.body);
    expect((await put(ADMIN, NEW, 'details-2')).status).toBe(200);

    const row = await county();
    expect([row.payment_account, row.organisation_number]).toEqual([
      NEW.paymentAccount,
      NEW.organisationNumber,
    ]);
    const [{ id: adminId }] = await t.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM user_account WHERE email = $1`,
      [ADMIN],
    );
    expect(await audit(row.id)).toEqual([
      {
        action: 'payment_details_set',
        actor_user_id: adminId,
        changes: {
          paymentAccount: { from: SEEDED.paymentAccount, to: NEW.paymentAccount },
          organisationNumber: { from: SEEDED.organisationNumber, to: NEW.organisationNumber },
        },
      },
    ]);

    // The run approved before keeps what it was approved with; one approved now pays from the new account.
    expect(await before.debtor()).toEqual([SEEDED.paymentAccount, SEEDED.organisationNumber]);
    const after = await approvedRun();
    expect(await after.debtor()).toEqual([NEW.paymentAccount, NEW.organisationNumber]);
  });

  it('refuses a wrong account or organisation number with 4xx problem+json naming the field; nothing changes', async () => {
    const row = await county();
    const audited = (await audit(row.id)).length;
    for (const [body, status, code, field] of [
      [{ ...NEW, paymentAccount: '1234 56 78904' }, 422, 'invalid_account_number', 'paymentAccount'],
      [{ ...NEW, paymentAccount: '1234' }, 422, 'invalid_account_number', 'paymentAccount'],
      [{ ...NEW, organisationNumber: '921456787' }, 422, 'invalid_organisation_number', 'organisationNumber'],
      [{ paymentAccount: NEW.paymentAccount }, 400, 'validation_failed', 'organisationNumber'],
    ] as const) {
      const res = await put(ADMIN, body);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code });
      expect(JSON.stringify(res.body)).toContain(field);
    }
    expect(await county()).toEqual(row);
    expect(await audit(row.id)).toHaveLength(audited);
  });

  it('is for administrators only: a case officer and finance get 403; another county sees its own', async () => {
    const row = await county();
    for (const email of [OFFICER, FINANCE]) {
      expect((await get(email)).status).toBe(403);
      const res = await put(email, SEEDED);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await county()).toEqual(row);
    const theirs = await get(OTHER_ADMIN);
    if (theirs.status === 200)
      expect((theirs.body as { countyName: string }).countyName).not.toBe('Trøndelag fylkeskommune');
  });
});
