import { DAY_MS, ManualClock, nok } from '@lib/common';
import { ROGALAND_JOBBSJANSEN_CALL_PARAMETERS } from '../../src/schemes/jobbsjansen/jobbsjansen-call-parameters.dto';
import {
  newJobbsjansenApplication,
  newJobbsjansenReport,
  patchJson,
} from '../../src/schemes/jobbsjansen/jobbsjansen-testing';
import { DeadlineSweeper } from '../../src/deadlines/deadline-sweeper';
import { DEMO_ORGANISATIONS, DEMO_OTHER_STAFF, DEMO_STAFF } from '../../src/seed/demo-data';
import { bookPaymentsDue } from '../support/bio';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * Jobbsjansen del B over HTTP, on the real database and Redis: Trondheim kommune applies under the
 * seeded Trøndelag call for the school year 2026/27, and the case runs from draft to closed, with
 * the money through the call's frame (commitment, the autumn instalment, the underspend released at
 * the final report, the rest paid). Then the refusals: the scheme's rules at submit, the hard
 * participant rule of a Rogaland-style call, and a report carrying personal data.
 */

const TOVE = DEMO_ORGANISATIONS[2].user.email; // Trondheim kommune (KOMM, 5001)
const SVERRE = DEMO_ORGANISATIONS[3].user.email; // Stavanger kommune (KOMM, 1103, Rogaland)
const [OFFICER, APPROVER, FINANCE] = DEMO_STAFF.map((s) => s.email);
const ROGALAND_OFFICER = DEMO_OTHER_STAFF[0].email;

/** Early August 2026: the call is open and the school year has not started. */
const newClock = () => new ManualClock(new Date('2026-08-03T09:00:00+02:00'));

type Json = Record<string, unknown>;

describe('Jobbsjansen del B, end to end over HTTP', () => {
  let t: TestApp;
  const clock = newClock();
  let callId: string;
  let frameId: string;
  let trondheim: string;
  let stavanger: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { OUTBOX_POLL_MS: '50', SWEEP_INTERVAL_SECONDS: '3600' } });
    const [call] = await t.dataSource.query(
      `SELECT c.id, c.frame_id FROM funding_call c JOIN county k ON k.id = c.county_id
        WHERE c.scheme_id = 'jobbsjansen' AND k.code = '50'`,
    );
    callId = call.id;
    frameId = call.frame_id;
    const orgs: Array<{ id: string; organisation_number: string }> = await t.dataSource.query(
      `SELECT id, organisation_number FROM organisation`,
    );
    const org = (i: number) =>
      orgs.find((o) => o.organisation_number === DEMO_ORGANISATIONS[i].organisationNumber)!.id;
    trondheim = org(2);
    stavanger = org(3);
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(newClock().now()));

  /**
   * Moves the clock and lets what fell due meanwhile (the preliminary reply, report reminders) fire
   * and settle before the test acts, as it would have in the months that passed.
   */
  async function passTime(to: string) {
    clock.set(to);
    await t.app.get(DeadlineSweeper).sweep();
    const stop = Date.now() + 10_000;
    for (;;) {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM deadline WHERE status = 'scheduled' AND due_at <= $1`,
        [clock.now()],
      );
      if (n === 0) return;
      if (Date.now() > stop) throw new Error(`${n} deadlines due by ${to} did not settle`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const act = async (email: string, id: string, action: string, body: object = {}) =>
    t
      .http()
      .post(`/api/v1/applications/${id}/${action}`)
      .set('authorization', await t.bearer(email))
      .send(body);

  async function ok(response: Promise<{ status: number; text: string; body: unknown }>): Promise<Json> {
    const res = await response;
    if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${res.text}`);
    return res.body as Json;
  }

  async function draft(
    content: object = newJobbsjansenApplication(),
    options: { email?: string; organisationId?: string; call?: string } = {},
  ): Promise<string> {
    const res = await t
      .http()
      .post('/api/v1/applications')
      .set('authorization', await t.bearer(options.email ?? TOVE))
      .send({
        callId: options.call ?? callId,
        organisationId: options.organisationId ?? trondheim,
        content: JSON.parse(JSON.stringify(content)) as Json,
      });
    if (res.status !== 201) throw new Error(`draft: ${res.status} ${res.text}`);
    return (res.body as { id: string }).id;
  }

  const frame = async () =>
    (
      await t
        .http()
        .get(`/api/v1/frames/${frameId}`)
        .set('authorization', await t.bearer(FINANCE))
    ).body as {
      allocated: number;
      committed: number;
      disbursed: number;
      available: number;
    };

  /** Pays outside the plan: refused for an application's grant. */
  const disburse = async (id: string, amount: number, reason: string) =>
    t
      .http()
      .post(`/api/v1/frames/${frameId}/disbursements`)
      .set('authorization', await t.bearer(FINANCE))
      .send({ grantKey: id, amount, reason });
  /** Finance pays what the plan says is due now. */
  const payDue = async (id: string) => {
    const res = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await t.bearer(FINANCE));
    return bookPaymentsDue(t, (res.body as { reference: string }).reference, FINANCE);
  };

  it('runs draft → applied → assessment → granted → active → reported → closed, with the money on the frame', async () => {
    const before = await frame();
    expect(before.allocated).toBe(nok(6_000_000));

    const id = await draft();
    const created = await ok(
      t
        .http()
        .get(`/api/v1/applications/${id}`)
        .set('authorization', await t.bearer(TOVE)),
    );
    expect(created).toMatchObject({ status: 'draft', schemeId: 'jobbsjansen' });
    expect(created.reference).toMatch(/^JOBB-2026-\d{6}$/);

    expect(await ok(act(TOVE, id, 'submit'))).toMatchObject({
      status: 'applied',
      requestedAmount: nok(720_000),
      maximumAmount: nok(720_000),
    });
    await ok(act(OFFICER, id, 'assign'));
    await ok(
      act(OFFICER, id, 'recommend-grant', { amount: nok(720_000), notes: '18 participants, sound plan' }),
    );

    // 720 000 NOK is above the call's delegation limit of 500 000 NOK: the committee decides.
    const withoutCommittee = await act(APPROVER, id, 'decide-grant');
    expect(withoutCommittee.status).toBe(422);
    expect(withoutCommittee.body.reasons).toEqual([expect.stringContaining('delegation limit')]);
    const granted = await ok(act(APPROVER, id, 'decide-grant', { committeeCaseRef: 'HU 45/26' }));
    expect(granted).toMatchObject({ status: 'granted', grantedAmount: nok(720_000) });
    expect(await frame()).toMatchObject({
      committed: before.committed + nok(720_000),
      available: before.available - nok(720_000),
    });

    clock.advance(2 * DAY_MS);
    expect(await ok(act(TOVE, id, 'accept'))).toMatchObject({ state: 'granted.active' });

    // Two instalments a year, on the call's dates: autumn first in a school-year project.
    const view = await ok(
      t
        .http()
        .get(`/api/v1/applications/${id}`)
        .set('authorization', await t.bearer(FINANCE)),
    );
    const plan = view.paymentPlan as Array<{ label: string; amount: number; on: string; date: string }>;
    expect(plan.map((i) => [i.on, i.date, i.amount])).toEqual([
      ['date', '2026-12-15', nok(360_000)],
      ['date', '2027-03-15', nok(360_000)],
    ]);
    await passTime('2026-12-15T10:00:00+01:00');
    expect(await payDue(id)).toBe(plan[0].amount);
    expect(await frame()).toMatchObject({
      committed: before.committed + nok(360_000),
      disbursed: before.disbursed + nok(360_000),
    });

    // The final report after the school year: 850 000 NOK spent, own financing 180 000 NOK.
    await passTime('2027-06-28T10:00:00+02:00');
    const report = newJobbsjansenReport();
    expect(await ok(act(TOVE, id, 'report', { report }))).toMatchObject({ state: 'reported.report_review' });

    // 850 000 − 180 000 = 670 000 NOK payable; 50 000 NOK of the grant goes back to the frame.
    const closed = await ok(act(OFFICER, id, 'approve-report'));
    expect(closed).toMatchObject({ status: 'reported', state: 'reported.settling' });
    expect((closed.case as { finalPayableAmount: number }).finalPayableAmount).toBe(nok(670_000));
    expect(await frame()).toMatchObject({
      committed: before.committed + nok(310_000),
      disbursed: before.disbursed + nok(360_000),
      available: before.available - nok(670_000),
    });

    // The spring instalment is what is left of the payable amount, and nothing more can be paid.
    expect(await payDue(id)).toBe(nok(310_000));
    const over = await disburse(id, 1, 'One øre too many');
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('payment_outside_plan');
    const after = await frame();
    expect(after).toMatchObject({
      committed: before.committed,
      disbursed: before.disbursed + nok(670_000),
      available: before.available - nok(670_000),
    });

    const entries = await t.dataSource.query(
      `SELECT kind, amount::bigint AS amount FROM ledger_entry WHERE grant_key = $1 ORDER BY id`,
      [id],
    );
    expect(entries.map((e: { kind: string; amount: string }) => [e.kind, Number(e.amount)])).toEqual([
      ['commitment', nok(720_000)],
      ['disbursement', nok(360_000)],
      ['release', nok(50_000)],
      ['disbursement', nok(310_000)],
    ]);
    // The participant rows are stored as sent: codes, age bands and outcomes only.
    const [stored] = await t.dataSource.query(
      `SELECT content FROM application_report WHERE application_id = $1`,
      [id],
    );
    expect(Object.keys(stored.content.participants[0]).sort()).toEqual(['ageBand', 'code', 'outcome']);
  });

  it('refuses a submission that breaks the rules with 422 problem+json naming every reason', async () => {
    const base = newJobbsjansenApplication();
    const content = newJobbsjansenApplication({
      costPlan: base.costPlan.map((line, i) =>
        i === 2 ? { ...line, category: 'ordinary_operations' } : line,
      ),
      financingPlan: { ownFinancingOre: 0, otherFundingOre: 0, requestedGrantOre: nok(900_000) },
    });
    const id = await draft(content);
    const res = await act(TOVE, id, 'submit');
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('not_eligible');
    expect(res.body.reasons).toEqual([
      expect.objectContaining({ code: 'ordinary_operations_not_eligible', field: 'costPlan.2.category' }),
      expect.objectContaining({ code: 'own_financing_missing', field: 'financingPlan.ownFinancingOre' }),
    ]);
    const [row] = await t.dataSource.query(`SELECT status FROM application WHERE id = $1`, [id]);
    expect(row.status).toBe('draft');
  });

  it('refuses a municipality of another county under the Trøndelag call', async () => {
    const id = await draft(newJobbsjansenApplication(), { email: SVERRE, organisationId: stavanger });
    const res = await act(SVERRE, id, 'submit');
    expect(res.status).toBe(422);
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toEqual(['outside_county']);
  });

  it('lets 14 participants through where 15 is advisory, and refuses them where the call makes it a hard rule', async () => {
    const fourteen = newJobbsjansenApplication({
      participants: { aged16to18: 5, aged19to21: 5, aged22to24: 4 },
    });
    // Trøndelag: an advisory for the case officer, not a refusal.
    const soft = await draft(fourteen);
    expect(await ok(act(TOVE, soft, 'submit'))).toMatchObject({ status: 'applied' });
    const detail = async (email: string) =>
      ok(
        t
          .http()
          .get(`/api/v1/applications/${soft}`)
          .set('authorization', await t.bearer(email)),
      );
    expect((await detail(OFFICER)).advisories).toEqual([
      {
        code: 'too_few_participants',
        message: 'The project has 14 participants; the scheme expects at least 15',
        text: {
          nb: 'Prosjektet har 14 deltakere; ordningen forventer minst 15',
          en: 'The project has 14 participants; the scheme expects at least 15',
        },
        field: 'participants',
      },
    ]);
    expect((await detail(TOVE)).advisories).toEqual([]);

    // A Rogaland call with the hard rule, as a county might configure it.
    const [rogaland] = await t.dataSource.query(`SELECT id FROM county WHERE code = '11'`);
    const [call] = await t.dataSource.query(
      `INSERT INTO funding_call (county_id, scheme_id, year, title, status, opens_at, closes_at, parameters, published_at, version)
       VALUES ($1, 'jobbsjansen', 2026, 'Jobbsjansen del B 2026/27 – Rogaland', 'published', $2, $3, $4, now(), 1)
       RETURNING id`,
      [
        rogaland.id,
        ROGALAND_JOBBSJANSEN_CALL_PARAMETERS.window.opensAt,
        ROGALAND_JOBBSJANSEN_CALL_PARAMETERS.window.closesAt,
        JSON.stringify(ROGALAND_JOBBSJANSEN_CALL_PARAMETERS),
      ],
    );
    // Rogaland asks for 25 % own financing: 225 000 of 900 000 NOK.
    const financingPlan = {
      ownFinancingOre: nok(225_000),
      otherFundingOre: 0,
      requestedGrantOre: nok(675_000),
    };
    const options = { email: SVERRE, organisationId: stavanger, call: call.id as string };
    const hard = await draft({ ...fourteen, financingPlan }, options);
    const refused = await act(SVERRE, hard, 'submit');
    expect(refused.status).toBe(422);
    expect(refused.body.reasons).toEqual([
      expect.objectContaining({ code: 'too_few_participants', field: 'participants' }),
    ]);
    const fifteen = newJobbsjansenApplication({
      participants: { aged16to18: 5, aged19to21: 5, aged22to24: 5 },
      financingPlan,
    });
    const enough = await draft(fifteen, options);
    expect(await ok(act(SVERRE, enough, 'submit'))).toMatchObject({ status: 'applied' });
    // Rogaland's case is Rogaland's: Trøndelag's officer does not see it, Rogaland's does.
    const asTrondelag = await t
      .http()
      .get(`/api/v1/applications/${enough}`)
      .set('authorization', await t.bearer(OFFICER));
    expect(asTrondelag.status).toBe(404);
    const asRogaland = await t
      .http()
      .get(`/api/v1/applications/${enough}`)
      .set('authorization', await t.bearer(ROGALAND_OFFICER));
    expect(asRogaland.status).toBe(200);
  });

  it('refuses a final report with personal names (400) or rows that do not match the project level (422)', async () => {
    const smaller = nok(400_000);
    const id = await draft(
      newJobbsjansenApplication({
        costPlan: [{ category: 'teaching_staff', amountOre: nok(500_000) }],
        financingPlan: { ownFinancingOre: nok(100_000), otherFundingOre: 0, requestedGrantOre: smaller },
      }),
    );
    await ok(act(TOVE, id, 'submit'));
    await ok(act(OFFICER, id, 'assign'));
    await ok(act(OFFICER, id, 'recommend-grant', { amount: smaller, notes: 'ok' }));
    await ok(act(APPROVER, id, 'decide-grant'));
    await ok(act(TOVE, id, 'accept'));
    await passTime('2027-06-28T10:00:00+02:00');

    const withName = patchJson(newJobbsjansenReport(), { 'participants.0.name': 'Amina Hassan' });
    const named = await act(TOVE, id, 'report', { report: withName });
    expect(named.status).toBe(400);
    expect(named.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(named.body.errors.map((e: { field: string }) => e.field)).toEqual(['report.participants.0.name']);

    const withBirthDateAsCode = patchJson(newJobbsjansenReport(), { 'participants.0.code': '010408' });
    expect((await act(TOVE, id, 'report', { report: withBirthDateAsCode })).status).toBe(400);

    const base = newJobbsjansenReport();
    const mismatched = { ...base, participants: base.participants.slice(1) };
    const refused = await act(TOVE, id, 'report', { report: mismatched });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('report_not_acceptable');
    expect(refused.body.reasons.map((r: { code: string }) => r.code)).toEqual([
      'participant_rows_mismatch',
      'outcome_counts_mismatch',
    ]);
    const [row] = await t.dataSource.query(`SELECT state FROM application WHERE id = $1`, [id]);
    expect(row.state).toBe('granted.active');
    expect(await ok(act(TOVE, id, 'report', { report: base }))).toMatchObject({
      state: 'reported.report_review',
    });
  });
});
