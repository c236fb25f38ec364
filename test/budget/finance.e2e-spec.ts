import { DAY_MS, type Actor } from '@lib/common';
import { ApplicationsService } from '../../src/applications/applications.service';
import { DEMO_BIO_FRAME_ORE } from '../../src/seed/demo-data';
import {
  act,
  APPROVER,
  bookPaymentsDue,
  expectOk,
  FINANCE,
  KARI,
  newClock,
  OFFICER,
  recommended,
} from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

describe('finance: frames over HTTP, and the lifecycle moving money', () => {
  let t: TestApp;
  const clock = newClock();
  let frameId: string;
  const system: Actor = { kind: 'system', userId: null, reason: 'deadline' };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    [{ frame_id: frameId }] = await t.dataSource.query(
      `SELECT frame_id FROM funding_call WHERE scheme_id = 'bio'`,
    );
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(newClock().now()));

  const get = async (path: string, email = FINANCE) =>
    t
      .http()
      .get(`/api/v1${path}`)
      .set('authorization', await t.bearer(email));
  const post = async (path: string, body: object, email = FINANCE) =>
    t
      .http()
      .post(`/api/v1${path}`)
      .set('authorization', await t.bearer(email))
      .send(body);
  const frame = async () =>
    (await get(`/frames/${frameId}`)).body as {
      allocated: number;
      committed: number;
      disbursed: number;
      available: number;
    };

  it('lets finance and approvers read frames, and only finance change them', async () => {
    const list = await get('/frames');
    expect(list.status).toBe(200);
    // The county's frames: BIO's and the other schemes' demo frames, all Trøndelag's.
    expect(list.body).toContainEqual(
      expect.objectContaining({
        id: frameId,
        schemeId: 'bio',
        year: 2026,
        currency: 'NOK',
        allocated: DEMO_BIO_FRAME_ORE,
        available: DEMO_BIO_FRAME_ORE,
      }),
    );
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM budget_frame f JOIN county c ON c.id = f.county_id WHERE c.code = '50'`,
    );
    expect(list.body).toHaveLength(n);
    expect((await get('/frames', APPROVER)).status).toBe(200);
    expect((await get('/frames', OFFICER)).status).toBe(403);
    expect((await get('/frames', KARI)).status).toBe(403);
    expect(
      (
        await post(
          `/frames/${frameId}/allocations`,
          { kind: 'top_up', amount: 1, reason: 'x', caseReference: 'FU 1/26' },
          APPROVER,
        )
      ).status,
    ).toBe(403);
  });

  it('gives staff of another county 404 for this county’s frame', async () => {
    // The seeded second county's finance officer.
    expect((await get(`/frames/${frameId}`, 'okonomi@rogaland.example')).status).toBe(404);
    expect((await get(`/frames/${frameId}/entries`, 'okonomi@rogaland.example')).status).toBe(404);
    const theirs = (await get('/frames', 'okonomi@rogaland.example')).body as Array<{ id: string }>;
    expect(theirs.map((f) => f.id)).not.toContain(frameId);
    const [{ rogaland }] = await t.dataSource.query(`SELECT id AS rogaland FROM county WHERE code = '11'`);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM budget_frame WHERE county_id = $1`,
      [rogaland],
    );
    expect(theirs).toHaveLength(n);
  });

  it('tops up with a case reference and lists entries newest first', async () => {
    const before = await frame();
    const missingRef = await post(`/frames/${frameId}/allocations`, {
      kind: 'top_up',
      amount: 100_000_00,
      reason: 'Extra',
    });
    expect(missingRef.status).toBe(422);
    expect(missingRef.body.code).toBe('case_reference_required');
    const topUp = await post(`/frames/${frameId}/allocations`, {
      kind: 'top_up',
      amount: 100_000_00,
      reason: 'Extra',
      caseReference: 'FU 161/20',
    });
    expect(topUp.status).toBe(200);
    expect(topUp.body.allocated).toBe(before.allocated + 100_000_00);
    const entries = await get(`/frames/${frameId}/entries?limit=1`);
    expect(entries.body.items[0]).toMatchObject({
      kind: 'top_up',
      amount: 100_000_00,
      caseReference: 'FU 161/20',
    });
    expect(entries.body.nextCursor).toEqual(expect.any(String));
    expect(
      (await post(`/frames/${frameId}/allocations`, { kind: 'allocation', amount: 10.5, reason: 'x' }))
        .status,
    ).toBe(400);
  });

  it("sums the grant recommendations waiting for an approver in the frame's pipeline, until returned or decided", async () => {
    const recommendedSum = async () =>
      ((await get(`/frames/${frameId}/pipeline`)).body as { recommended: number }).recommended;
    const before = await recommendedSum();
    const kept = await recommended(t, 11_000_000);
    const returned = await recommended(t, 7_000_000);
    expect(await recommendedSum()).toBe(before + 18_000_000);
    await expectOk(act(t, APPROVER, returned, 'return-to-review', { message: 'Check the budget' }));
    expect(await recommendedSum()).toBe(before + 11_000_000);
    await expectOk(act(t, APPROVER, kept, 'decide-grant'));
    expect(await recommendedSum()).toBe(before);
  });

  it('releases the money when a grant lapses (deadline event from the system)', async () => {
    const id = await recommended(t, 20_000_000);
    await expectOk(act(t, APPROVER, id, 'decide-grant'));
    const committed = (await frame()).committed;
    clock.advance(22 * DAY_MS);
    const lapsed = await t.app
      .get(ApplicationsService)
      .send(system, id, 'ACCEPTANCE_DEADLINE_PASSED', {}, undefined);
    expect(lapsed.status).toBe('lapsed');
    expect((await frame()).committed).toBe(committed - 20_000_000);
    const kinds = await t.dataSource.query(
      `SELECT kind FROM ledger_entry WHERE application_id = $1 ORDER BY id`,
      [id],
    );
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['commitment', 'release']);
  });

  it('pays an application only by its plan, and releases the underspend at the final report', async () => {
    const id = await recommended(t, 25_000_000);
    await expectOk(act(t, APPROVER, id, 'decide-grant'));
    await expectOk(act(t, KARI, id, 'accept'));
    // An application's grant is paid from the payments due, as its plan says; never from here.
    const outside = await post(`/frames/${frameId}/disbursements`, {
      grantKey: id,
      amount: 10_000_000,
      reason: 'Advance 40 %',
    });
    expect(outside.status).toBe(422);
    expect(outside.body.code).toBe('payment_outside_plan');

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
    const before = await frame();
    const approved = await expectOk(act(t, OFFICER, id, 'approve-report'));
    expect((approved.case as { finalPayableAmount: number }).finalPayableAmount).toBe(20_000_000);
    expect(approved).toMatchObject({ status: 'reported', state: 'reported.settling' });
    const after = await frame();
    expect(after.committed).toBe(before.committed - 5_000_000);
    expect(after.available).toBe(before.available + 5_000_000);
    // The final payment is due; paying it settles the grant and closes the case.
    expect(await bookPaymentsDue(t, approved.reference as string)).toBe(20_000_000);
    expect((await get(`/applications/${id}`)).body).toMatchObject({ status: 'closed' });
    expect(
      (await post(`/frames/${frameId}/disbursements`, { grantKey: id, amount: 1, reason: 'x' })).status,
    ).toBe(422);
  });

  it('names a grant by the case reference users see as well as by its id; an unknown one is 404 naming grantKey', async () => {
    const id = await recommended(t, 10_000_000);
    await expectOk(act(t, APPROVER, id, 'decide-grant'));
    await expectOk(act(t, KARI, id, 'accept'));
    const { reference } = (await get(`/applications/${id}`)).body as { reference: string };
    expect(reference).toMatch(/^BIO-\d{4}-\d{6}$/);
    // Found by its reference, and then refused for what it is: paid by its plan, nothing paid to repay.
    const paid = await post(`/frames/${frameId}/disbursements`, {
      grantKey: reference,
      amount: 1_000,
      reason: 'By reference',
    });
    expect(paid.status).toBe(422);
    expect(paid.body).toMatchObject({ code: 'payment_outside_plan', caseReference: reference });
    const repaid = await post(`/frames/${frameId}/repayments`, {
      grantKey: reference,
      amount: 1_000,
      reason: 'Back',
    });
    expect(repaid.status).toBe(422);
    expect(repaid.body.code).toBe('repayment_exceeds_disbursed');

    for (const grantKey of ['BIO-2099-999999', 'x\u00e6', '00000000-0000-4000-8000-000000000000']) {
      const unknown = await post(`/frames/${frameId}/disbursements`, { grantKey, amount: 1, reason: 'x' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.errors).toEqual([
        expect.objectContaining({ field: 'grantKey', pointer: '/grantKey' }),
      ]);
    }
  });

  it('commits a direct allocation without an application, and refuses a decision the frame cannot cover', async () => {
    const available = (await frame()).available;
    const direct = await post(`/frames/${frameId}/direct-allocations`, {
      recipient: 'Karrieresenteret i Trøndelag',
      organisationNumber: '987654325',
      amount: available - 10_000_000,
      decisionReference: 'FU 161/20',
      reason: 'Career guidance, corona measures',
    });
    expect(direct.status).toBe(200);
    expect(direct.body.grantKey).toMatch(/^direct:/);
    expect(direct.body.available).toBe(10_000_000);

    const id = await recommended(t, 10_000_001);
    const refused = await act(t, APPROVER, id, 'decide-grant');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'frame_exhausted',
      available: 10_000_000,
      requested: 10_000_001,
    });
    const view = await expectOk(
      t
        .http()
        .get(`/api/v1/applications/${id}`)
        .set('authorization', await t.bearer(APPROVER)),
    );
    expect(view).toMatchObject({ state: 'assessment.recommended', grantedAmount: null });
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_record WHERE application_id = $1 AND event = 'DECIDE_GRANT'`,
      [id],
    );
    expect(n).toBe(0);

    const alerts = await get(`/frames/${frameId}/alerts`);
    expect(alerts.body.map((a: { thresholdPercent: number }) => a.thresholdPercent)).toEqual([80, 90]);
  });

  it("carries an open commitment and its money over to a later year's frame, and refuses what it cannot", async () => {
    const newFrame = async (year: number, allocation: number) => {
      const created = await post('/frames', { schemeId: 'bio', year, name: `BIO ${year}` });
      expect(created.status).toBe(201);
      await expectOk(
        post(`/frames/${created.body.id}/allocations`, {
          kind: 'allocation',
          amount: allocation,
          reason: 'x',
        }),
      );
      return created.body.id as string;
    };
    const from = await newFrame(2030, 1_000_000);
    const to = await newFrame(2031, 500_000);
    const sameYear = await newFrame(2030, 1);
    const direct = await post(`/frames/${from}/direct-allocations`, {
      recipient: 'Karrieresenteret i Trøndelag',
      organisationNumber: '987654325',
      amount: 400_000,
      decisionReference: 'FU 161/20',
      reason: 'Career guidance',
    });
    const grantKey = direct.body.grantKey as string;
    const carry = (toFrameId: string, amount: number, email = FINANCE) =>
      post(
        `/frames/${from}/carry-overs`,
        { toFrameId, grantKey, amount, caseReference: 'FU 9/31', reason: 'Delayed course' },
        email,
      );

    expect((await carry(to, 100_000, APPROVER)).status).toBe(403);
    expect((await carry(to, 100_000, 'okonomi@rogaland.example')).status).toBe(404);
    const backwards = await carry(sameYear, 100_000);
    expect(backwards.status).toBe(422);
    expect(backwards.body).toMatchObject({ code: 'carry_over_not_forward', fromYear: 2030, toYear: 2030 });
    const over = await carry(to, 400_001);
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'carry_over_exceeds_outstanding', outstanding: 400_000 });

    const carried = await carry(to, 300_000);
    expect(carried.status).toBe(200);
    expect(carried.body).toMatchObject({
      from: { id: from, allocated: 700_000, committed: 100_000, available: 600_000 },
      to: { id: to, allocated: 800_000, committed: 300_000, available: 500_000 },
    });
    // The carried money is paid from next year's frame.
    expect(
      (await post(`/frames/${to}/disbursements`, { grantKey, amount: 300_000, reason: 'Paid' })).status,
    ).toBe(200);
    for (const id of [from, to]) expect((await get(`/frames/${id}/rebuild`)).body.consistent).toBe(true);
  });

  it('proves the running totals against a rebuild from the entries', async () => {
    const res = await get(`/frames/${frameId}/rebuild`);
    expect(res.status).toBe(200);
    expect(res.body.consistent).toBe(true);
    expect(res.body.running).toEqual(res.body.rebuilt);
  });

  it('refuses unknown fields and bad money in finance commands', async () => {
    expect(
      (
        await post(`/frames/${frameId}/allocations`, {
          kind: 'allocation',
          amount: 100,
          reason: 'x',
          committed: 0,
        })
      ).status,
    ).toBe(400);
    expect(
      (await post(`/frames/${frameId}/allocations`, { kind: 'allocation', amount: -100, reason: 'x' }))
        .status,
    ).toBe(400);
    expect(
      (await post(`/frames/${frameId}/allocations`, { kind: 'gift', amount: 100, reason: 'x' })).status,
    ).toBe(400);
  });
});
