import { ManualClock, nok } from '@lib/common';
import {
  newEtablererApplication,
  newEtablererCompanyApplication,
  newEtablererReport,
} from '../../src/schemes/etablerer/etablerer-testing';
import { DEMO_ORGANISATIONS } from '../../src/seed/demo-data';
import { bookPaymentsDue } from '../support/bio';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * Entrepreneurship training for immigrants (etablereropplæring) end to end over HTTP, on the
 * seeded Trøndelag 2027 call.
 */

const TOVE = 'tove@trondheim.example'; // Trondheim kommune (KOMM, 14 000 employees)
const KARI = 'kari@fjordverk.example'; // Fjordverk Mekaniske AS (42 employees: an SME)
const OFFICER = 'saksbehandler@trondelag.example';
const APPROVER = 'godkjenner@trondelag.example';
const FINANCE = 'okonomi@trondelag.example';

const organisationNumber = (name: string) =>
  DEMO_ORGANISATIONS.find((o) => o.name === name)!.organisationNumber;

/** 23 November 2026: inside the call, before its first deadline (1 April 2027). */
const newClock = () => new ManualClock(new Date('2026-11-23T10:00:00+01:00'));

const json = (value: object) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('etablereropplæring, end to end over HTTP', () => {
  let t: TestApp;
  const clock = newClock();
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(newClock().now()));

  async function demoCall() {
    const [row] = await t.dataSource.query(
      `SELECT c.id, c.frame_id FROM funding_call c JOIN county k ON k.id = c.county_id
        WHERE c.scheme_id = 'etablerer' AND k.code = '50'`,
    );
    return { callId: row.id as string, frameId: row.frame_id as string };
  }

  async function draft(email: string, organisation: string, content: object) {
    const [org] = await t.dataSource.query(`SELECT id FROM organisation WHERE organisation_number = $1`, [
      organisationNumber(organisation),
    ]);
    const res = await t
      .http()
      .post('/api/v1/applications')
      .set('authorization', await t.bearer(email))
      .send({ callId: (await demoCall()).callId, organisationId: org.id, content: json(content) });
    if (res.status !== 201) throw new Error(`draft: ${res.status} ${res.text}`);
    return res.body as { id: string; reference: string };
  }

  async function act(email: string, id: string, action: string, body: object = {}) {
    return t
      .http()
      .post(`/api/v1/applications/${id}/${action}`)
      .set('authorization', await t.bearer(email))
      .send(body);
  }

  async function ok(email: string, id: string, action: string, body: object = {}) {
    const res = await act(email, id, action, body);
    if (res.status !== 200) throw new Error(`${action}: expected 200, got ${res.status}: ${res.text}`);
    return res.body as Record<string, unknown> & { case: Record<string, unknown> };
  }

  async function frame(frameId: string) {
    const res = await t
      .http()
      .get(`/api/v1/frames/${frameId}`)
      .set('authorization', await t.bearer(FINANCE));
    expect(res.status).toBe(200);
    return res.body as {
      schemeId: string;
      allocated: number;
      committed: number;
      disbursed: number;
      available: number;
    };
  }

  /** Finance pays what the plan says is due now (`amount` øre, as the test expects). */
  async function payDue(id: string, amount: number) {
    const res = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await t.bearer(FINANCE));
    expect(await bookPaymentsDue(t, (res.body as { reference: string }).reference, FINANCE)).toBe(amount);
  }

  it('runs a municipality’s course project from draft to closed, with the money on the frame', async () => {
    const { frameId } = await demoCall();
    const allocated = nok(1_000_000);
    expect(await frame(frameId)).toMatchObject({ schemeId: 'etablerer', allocated, committed: 0 });

    const { id, reference } = await draft(TOVE, 'Trondheim kommune', newEtablererApplication());
    expect(reference).toMatch(/^ETAB-2027-\d{6}$/);
    expect(await ok(TOVE, id, 'submit')).toMatchObject({
      status: 'applied',
      requestedAmount: nok(150_000),
      maximumAmount: nok(150_000),
    });
    await ok(OFFICER, id, 'assign');
    await ok(OFFICER, id, 'recommend-grant', { amount: nok(140_000), notes: 'Experienced provider' });
    expect(await ok(APPROVER, id, 'decide-grant')).toMatchObject({
      status: 'granted',
      grantedAmount: nok(140_000),
    });
    expect(await frame(frameId)).toMatchObject({
      committed: nok(140_000),
      available: allocated - nok(140_000),
    });

    await ok(TOVE, id, 'accept');
    // The case shows the payment plan: 50 % on acceptance, the rest on the final report.
    const detail = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await t.bearer(OFFICER));
    const [advance, rest] = detail.body.paymentPlan as Array<{ on: string; amount: number }>;
    expect(advance).toMatchObject({ on: 'acceptance', amount: nok(70_000) });
    expect(rest).toMatchObject({ on: 'final_report', amount: nok(70_000) });
    expect(detail.body.advisories).toEqual([]);
    await payDue(id, advance.amount);

    // Actual costs 280 000, own funds 150 000, other public funding 10 000 → 120 000 payable.
    clock.set('2027-12-20T10:00:00+01:00');
    await ok(TOVE, id, 'report', { report: json(newEtablererReport()) });
    const closed = await ok(OFFICER, id, 'approve-report');
    expect(closed).toMatchObject({ status: 'reported', state: 'reported.settling' });
    expect(closed.case.finalPayableAmount).toBe(nok(120_000));
    expect(await frame(frameId)).toMatchObject({
      committed: nok(50_000),
      disbursed: nok(70_000),
      available: allocated - nok(120_000),
    });
    await payDue(id, nok(50_000));
    expect(await frame(frameId)).toMatchObject({ committed: 0, disbursed: nok(120_000) });
    const entries = await t.dataSource.query(
      `SELECT kind, amount::bigint AS amount FROM ledger_entry WHERE application_id = $1 ORDER BY id`,
      [id],
    );
    expect(entries.map((e: { kind: string; amount: string }) => [e.kind, Number(e.amount)])).toEqual([
      ['commitment', nok(140_000)],
      ['disbursement', nok(70_000)],
      ['release', nok(20_000)],
      ['disbursement', nok(50_000)],
    ]);
  });

  it('refuses a company above 60 % support share and below own funds with 422 naming both, then takes 60 %', async () => {
    const over = newEtablererCompanyApplication({
      costPlan: [
        { category: 'trainer_personnel', amountOre: nok(200_000) },
        { category: 'other', amountOre: nok(40_000) },
      ],
      financingPlan: { ownFundsOre: nok(110_000), otherPublicFundingOre: 0, requestedGrantOre: nok(130_000) },
    });
    const { id } = await draft(KARI, 'Fjordverk Mekaniske AS', over);
    const res = await act(KARI, id, 'submit');
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('not_eligible');
    expect(res.body.reasons).toEqual([
      expect.objectContaining({ code: 'own_funds_too_low', field: 'financingPlan.ownFundsOre' }),
      expect.objectContaining({ code: 'support_share_exceeded', field: 'financingPlan.requestedGrantOre' }),
    ]);
    const [row] = await t.dataSource.query(`SELECT status FROM application WHERE id = $1`, [id]);
    expect(row.status).toBe('draft');

    // Exactly 60 % of eligible costs (an SME with economic activity), own funds equal: accepted.
    const atLimit = await draft(KARI, 'Fjordverk Mekaniske AS', newEtablererCompanyApplication());
    expect(await ok(KARI, atLimit.id, 'submit')).toMatchObject({
      status: 'applied',
      maximumAmount: nok(120_000),
    });
    // The case officer is reminded that this is training aid under GBER art. 31.
    const officerView = await t
      .http()
      .get(`/api/v1/applications/${atLimit.id}`)
      .set('authorization', await t.bearer(OFFICER));
    expect(officerView.body.advisories.map((a: { code: string }) => a.code)).toEqual(['state_aid_gber31']);
  });
});
