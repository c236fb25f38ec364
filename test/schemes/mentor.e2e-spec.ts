import { ManualClock, nok } from '@lib/common';
import type { MentorApplicationContent } from '../../src/schemes/mentor';
import { newMentorApplication, newMentorReport } from '../../src/schemes/mentor/mentor-testing';
import { DEMO_ORGANISATIONS } from '../../src/seed/demo-data';
import { bookPaymentsDue } from '../support/bio';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * The mentor and trainee scheme end to end over HTTP, on the seeded demo calls: Trøndelag's 2027
 * rounds (municipalities only) and Rogaland's rolling call.
 */

const TOVE = 'tove@trondheim.example'; // Trondheim kommune (KOMM, 5001)
const SVERRE = 'sverre@stavanger.example'; // Stavanger kommune (KOMM, 1103)
const KARI = 'kari@fjordverk.example'; // Fjordverk Mekaniske AS
const OFFICER = 'saksbehandler@trondelag.example';
const APPROVER = 'godkjenner@trondelag.example';
const FINANCE = 'okonomi@trondelag.example';
const ROGALAND_OFFICER = 'saksbehandler@rogaland.example';

const organisationNumber = (name: string) =>
  DEMO_ORGANISATIONS.find((o) => o.name === name)!.organisationNumber;

/** 23 November 2026: inside the Trøndelag call, before its first deadline (1 April 2027). */
const newClock = () => new ManualClock(new Date('2026-11-23T10:00:00+01:00'));

/** What the tests read of GET /applications/:id. */
interface CaseView {
  httpStatus: number;
  allowedActions: string[];
  advisories: Array<{ code: string; message: string; field?: string }>;
  paymentPlan: Array<{ on: string; amount: number }> | null;
}

const json = (value: object) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('mentor and trainee scheme, end to end over HTTP', () => {
  let t: TestApp;
  const clock = newClock();
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(newClock().now()));

  async function demoCall(countyCode: '50' | '11') {
    const [row] = await t.dataSource.query(
      `SELECT c.id, c.frame_id FROM funding_call c JOIN county k ON k.id = c.county_id
        WHERE c.scheme_id = 'mentor' AND k.code = $1`,
      [countyCode],
    );
    return { callId: row.id as string, frameId: row.frame_id as string };
  }

  async function organisationId(name: string) {
    const [row] = await t.dataSource.query(`SELECT id FROM organisation WHERE organisation_number = $1`, [
      organisationNumber(name),
    ]);
    return row.id as string;
  }

  async function draft(email: string, organisation: string, callId: string, content: object) {
    const res = await t
      .http()
      .post('/api/v1/applications')
      .set('authorization', await t.bearer(email))
      .send({ callId, organisationId: await organisationId(organisation), content: json(content) });
    if (res.status !== 201) throw new Error(`draft: ${res.status} ${res.text}`);
    return res.body as { id: string; reference: string; status: string };
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

  async function get(email: string, id: string) {
    const res = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await t.bearer(email));
    return { httpStatus: res.status, ...(res.body as Omit<CaseView, 'httpStatus'>) };
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

  it('runs a Trøndelag municipality’s application from draft to closed, with the money on the frame', async () => {
    const { callId, frameId } = await demoCall('50');
    const allocated = nok(2_000_000);
    expect(await frame(frameId)).toMatchObject({
      schemeId: 'mentor',
      allocated,
      committed: 0,
      available: allocated,
    });

    const created = await draft(TOVE, 'Trondheim kommune', callId, newMentorApplication());
    expect(created.reference).toMatch(/^MENTOR-2027-\d{6}$/);
    const { id } = created;

    expect(await ok(TOVE, id, 'submit')).toMatchObject({
      status: 'applied',
      requestedAmount: nok(300_000),
      maximumAmount: nok(300_000),
    });
    await ok(OFFICER, id, 'assign');
    // Above the maximum (here: the amount applied for) a recommendation is refused.
    const over = await act(OFFICER, id, 'recommend-grant', { amount: nok(300_000) + 1, notes: 'Too much' });
    expect(over.status).toBe(422);
    await ok(OFFICER, id, 'recommend-grant', { amount: nok(280_000), notes: 'Good mentor recruitment plan' });
    const decided = await ok(APPROVER, id, 'decide-grant');
    expect(decided).toMatchObject({ status: 'granted', grantedAmount: nok(280_000) });
    expect(await frame(frameId)).toMatchObject({
      committed: nok(280_000),
      disbursed: 0,
      available: allocated - nok(280_000),
    });

    expect(await ok(TOVE, id, 'accept')).toMatchObject({ state: 'granted.active' });
    // The case shows the payment plan: 50 % on acceptance, the rest on the final report.
    const detail = await get(OFFICER, id);
    expect(detail.paymentPlan?.map((i) => [i.on, i.amount])).toEqual([
      ['acceptance', nok(140_000)],
      ['final_report', nok(140_000)],
    ]);
    expect(detail.advisories).toEqual([expect.objectContaining({ code: 'other_public_funding' })]);
    await payDue(id, detail.paymentPlan![0].amount);
    expect(await frame(frameId)).toMatchObject({ committed: nok(140_000), disbursed: nok(140_000) });

    // After the project: actual costs 520 000, own share 174 000, NAV 110 000 → 236 000 payable.
    clock.set('2027-12-20T10:00:00+01:00');
    expect(await ok(TOVE, id, 'report', { report: json(newMentorReport()) })).toMatchObject({
      state: 'reported.report_review',
    });
    const closed = await ok(OFFICER, id, 'approve-report');
    expect(closed).toMatchObject({ status: 'reported', state: 'reported.settling' });
    expect(closed.case.finalPayableAmount).toBe(nok(236_000));
    // The 44 000 NOK not used went back to the frame; 96 000 NOK is still owed.
    expect(await frame(frameId)).toMatchObject({
      committed: nok(96_000),
      disbursed: nok(140_000),
      available: allocated - nok(236_000),
    });
    await payDue(id, nok(96_000));
    expect(await get(OFFICER, id)).toMatchObject({ status: 'closed' });
    expect(await frame(frameId)).toMatchObject({
      committed: 0,
      disbursed: nok(236_000),
      available: allocated - nok(236_000),
    });

    const entries = await t.dataSource.query(
      `SELECT kind, amount::bigint AS amount FROM ledger_entry WHERE application_id = $1 ORDER BY id`,
      [id],
    );
    expect(entries).toEqual([
      { kind: 'commitment', amount: String(nok(280_000)) },
      { kind: 'disbursement', amount: String(nok(140_000)) },
      { kind: 'release', amount: String(nok(44_000)) },
      { kind: 'disbursement', amount: String(nok(96_000)) },
    ]);
  });

  it('refuses at submit with 422 problem+json naming every reason, and changes nothing', async () => {
    const { callId } = await demoCall('50');
    // A company (not a municipality) with an own share of 49.99 % of the 100 000 NOK applied for.
    const content: MentorApplicationContent = newMentorApplication({
      costPlan: [{ category: 'mentor_activities', amountOre: 14_999_000 }],
      financingPlan: {
        requestedGrantOre: 10_000_000,
        ownShare: [{ kind: 'cash', description: 'Company budget', amountOre: 4_999_000 }],
        otherPublicFunding: [],
      },
    });
    const { id } = await draft(KARI, 'Fjordverk Mekaniske AS', callId, content);
    const res = await act(KARI, id, 'submit');
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('not_eligible');
    expect(res.body.reasons).toEqual([
      expect.objectContaining({ code: 'organisation_form_not_eligible' }),
      expect.objectContaining({ code: 'own_share_too_low', field: 'financingPlan.ownShare' }),
    ]);
    const [row] = await t.dataSource.query(`SELECT status FROM application WHERE id = $1`, [id]);
    expect(row.status).toBe('draft');

    // At exactly 50 % the own share passes; only the organisation form is left.
    const fifty = newMentorApplication({
      costPlan: [{ category: 'mentor_activities', amountOre: 15_000_000 }],
      financingPlan: {
        requestedGrantOre: 10_000_000,
        ownShare: [{ kind: 'cash', description: 'Company budget', amountOre: 5_000_000 }],
        otherPublicFunding: [],
      },
    });
    const second = await draft(KARI, 'Fjordverk Mekaniske AS', callId, fifty);
    const again = await act(KARI, second.id, 'submit');
    expect(again.status).toBe(422);
    expect(again.body.reasons.map((r: { code: string }) => r.code)).toEqual([
      'organisation_form_not_eligible',
    ]);
  });

  it('takes a Rogaland municipality under Rogaland’s rolling call, seen only by Rogaland staff', async () => {
    const { callId } = await demoCall('11');
    const content = newMentorApplication({
      projectTitle: 'Mentor Stavanger',
      // Fewer participants than the priority (10): a warning for the case officer, not a refusal.
      targetGroup: { ...newMentorApplication().targetGroup, area: 'Stavanger', participantCount: 9 },
    });
    const { id, reference } = await draft(SVERRE, 'Stavanger kommune', callId, content);
    expect(reference).toMatch(/^MENTOR-2026-\d{6}$/);
    expect(await ok(SVERRE, id, 'submit')).toMatchObject({ status: 'applied', maximumAmount: nok(300_000) });
    const rogaland = await get(ROGALAND_OFFICER, id);
    expect(rogaland.httpStatus).toBe(200);
    expect(rogaland.allowedActions).toEqual(['ASSIGN']);
    expect(rogaland.advisories.map((a) => a.code)).toEqual(['few_participants', 'other_public_funding']);
    expect((await get(SVERRE, id)).advisories).toEqual([]);
    const trondelag = await get(OFFICER, id);
    expect(trondelag.httpStatus).toBe(404);
  });
});
