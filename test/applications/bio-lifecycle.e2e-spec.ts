import { DAY_MS } from '@lib/common';
import { startTestApp, TestApp } from '../support/test-app';
import {
  act,
  APPROVER,
  bioContent,
  bookPaymentsDue,
  draft,
  expectOk,
  FINANCE,
  KARI,
  newClock,
  OLA,
  OFFICER,
  recommended,
} from '../support/bio';

describe('BIO application, end to end over HTTP', () => {
  let t: TestApp;
  const clock = newClock();
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(newClock().now()));

  it('runs draft → applied → assessment → recommended → granted → active → reported → closed', async () => {
    const created = await draft(t);
    expect(created).toMatchObject({ status: 'draft', state: 'draft', contentVersion: 1 });
    expect(created.reference).toMatch(/^BIO-2026-\d{6}$/);
    expect((created as unknown as { allowedActions: string[] }).allowedActions).toEqual([
      'SUBMIT',
      'WITHDRAW',
      'EDIT',
    ]);
    const id = created.id;

    const submitted = await expectOk(act(t, KARI, id, 'submit'));
    expect(submitted).toMatchObject({
      status: 'applied',
      requestedAmount: 30_000_000,
      maximumAmount: 30_000_000,
    });

    const officerView = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await t.bearer(OFFICER));
    expect(officerView.body.allowedActions).toEqual(['ASSIGN']);

    expect(await expectOk(act(t, OFFICER, id, 'assign'))).toMatchObject({ state: 'assessment.in_review' });
    clock.advance(3600_000);
    const rec = await expectOk(
      act(t, OFFICER, id, 'recommend-grant', { amount: 25_000_000, notes: 'Strong restructuring case' }),
    );
    expect(rec).toMatchObject({ state: 'assessment.recommended' });

    // The applicant does not see the officer's recommendation notes.
    const applicantView = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await t.bearer(KARI));
    expect(JSON.stringify(applicantView.body)).not.toContain('Strong restructuring case');
    expect(applicantView.body.allowedActions).toEqual(['WITHDRAW']);

    const granted = await expectOk(act(t, APPROVER, id, 'decide-grant'));
    expect(granted).toMatchObject({
      status: 'granted',
      state: 'granted.awaiting_acceptance',
      grantedAmount: 25_000_000,
    });
    expect((granted.case as { acceptanceDueAt: string }).acceptanceDueAt).toBe(
      new Date(clock.now().getTime() + 21 * DAY_MS).toISOString(),
    );

    clock.advance(DAY_MS);
    expect(await expectOk(act(t, KARI, id, 'accept'))).toMatchObject({ state: 'granted.active' });
    // The call pays no advance: everything on the final report.
    const detail = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await t.bearer(KARI));
    expect(detail.body.paymentPlan).toEqual([
      { label: 'Sluttutbetaling', amount: 25_000_000, on: 'final_report', paid: 0 },
    ]);
    expect(detail.body.advisories).toEqual([]);

    clock.set('2027-03-01T10:00:00+01:00');
    const report = {
      summary: 'All four operators completed the robot programming modules',
      participantsCompleted: 4,
      actualCosts: [
        { category: 'participant_wages', amountOre: 36_000_000 },
        { category: 'provider_fees', amountOre: 24_000_000 },
        { category: 'travel_subsistence', amountOre: 2_000_000 },
      ],
    };
    expect(await expectOk(act(t, KARI, id, 'report', { report }))).toMatchObject({
      state: 'reported.report_review',
    });
    for (const reader of [KARI, OFFICER, FINANCE]) {
      const read = await t
        .http()
        .get(`/api/v1/applications/${id}/report`)
        .set('authorization', await t.bearer(reader));
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ content: report, withheld: [] });
    }
    const stranger = await t
      .http()
      .get(`/api/v1/applications/${id}/report`)
      .set('authorization', await t.bearer(OLA));
    expect(stranger.status).toBe(404);

    // 50 % of 620 000 NOK actual eligible costs = 310 000 NOK, capped at the 250 000 NOK granted.
    // Settling until finance pays the final payment (sluttutbetaling); then the case closes.
    const approved = await expectOk(act(t, OFFICER, id, 'approve-report'));
    expect(approved).toMatchObject({ status: 'reported', state: 'reported.settling' });
    expect((approved.case as { finalPayableAmount: number }).finalPayableAmount).toBe(25_000_000);
    expect(await bookPaymentsDue(t, approved.reference as string)).toBe(25_000_000);

    const history = await t
      .http()
      .get(`/api/v1/applications/${id}/history`)
      .set('authorization', await t.bearer(OFFICER));
    expect(history.body.map((r: { event: string }) => r.event)).toEqual([
      'CREATE',
      'SUBMIT',
      'ASSIGN',
      'RECOMMEND_GRANT',
      'DECIDE_GRANT',
      'FUNDS_COMMITTED',
      'ACCEPT',
      'SUBMIT_REPORT',
      'APPROVE_REPORT',
      'PAYMENT_DISBURSED',
      'SETTLE',
    ]);
    // The record lists everything the transition does: the preliminary-reply notice at submission,
    // and at the decision the frame the grant is charged to as well as the money.
    expect(history.body[1].effects).toContainEqual({
      kind: 'scheduleNotice',
      notice: 'preliminary_reply',
      dueAt: expect.any(String),
    });
    expect(history.body[4]).toMatchObject({
      actorRole: 'approver',
      fromState: 'assessment.recommended',
      toState: 'granted.awaiting_acceptance',
      effects: expect.arrayContaining([{ kind: 'assignFrame' }, { kind: 'commitFunds', amount: 25_000_000 }]),
    });
    const verification = await t
      .http()
      .get(`/api/v1/applications/${id}/history/verification`)
      .set('authorization', await t.bearer(OFFICER));
    expect(verification.body).toEqual({ valid: true, records: 11 });

    // Deadlines and notifications were written to the outbox in their transitions' transactions.
    const outbox = await t.dataSource.query(
      `SELECT kind FROM outbox_message WHERE application_id = $1 ORDER BY id`,
      [id],
    );
    expect(outbox.map((o: { kind: string }) => o.kind)).toEqual(
      expect.arrayContaining(['deadline.arm', 'deadline.disarm', 'notification.send']),
    );
    // Each deadline a transition set is a row; the acceptance one was settled by the acceptance.
    const deadlines = await t.dataSource.query(
      `SELECT kind, status FROM deadline WHERE application_id = $1 ORDER BY created_at`,
      [id],
    );
    expect(deadlines).toEqual(
      expect.arrayContaining([
        { kind: 'acceptance', status: 'cancelled' },
        { kind: 'final_report', status: 'cancelled' },
        { kind: 'reminder.final_report.1', status: 'cancelled' },
      ]),
    );
    // The preliminary reply is never sent for a case decided within the month (skipped once due).
    expect(deadlines.find((d: { kind: string }) => d.kind === 'preliminary_reply').status).not.toBe('fired');
    // The money went through the ledger, in the decision's transaction, charged to the call's frame;
    // the final payment settled it.
    const entries = await t.dataSource.query(
      `SELECT kind, amount::bigint AS amount FROM ledger_entry WHERE application_id = $1 ORDER BY id`,
      [id],
    );
    expect(entries).toEqual([
      { kind: 'commitment', amount: '25000000' },
      { kind: 'disbursement', amount: '25000000' },
    ]);
    expect(outbox.map((o: { kind: string }) => o.kind)).not.toContain('commitFunds');
  });

  it('lists applications for the county work queue and for the applicant, with filters', async () => {
    const { id } = await draft(t);
    await expectOk(act(t, KARI, id, 'submit'));
    const queue = await t
      .http()
      .get('/api/v1/applications?status=applied&schemeId=bio')
      .set('authorization', await t.bearer(OFFICER));
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(id);
    expect(queue.body.items.every((a: { status: string }) => a.status === 'applied')).toBe(true);
    const own = await t
      .http()
      .get('/api/v1/applications?limit=1')
      .set('authorization', await t.bearer(KARI));
    expect(own.body.items).toHaveLength(1);
    expect(own.body.nextCursor).toEqual(expect.any(String));
    expect(
      (
        await t
          .http()
          .get('/api/v1/applications?status=nonsense')
          .set('authorization', await t.bearer(KARI))
      ).status,
    ).toBe(400);
  });

  it("finds an application by its case reference, but never another organisation's", async () => {
    const { id, reference } = await draft(t);
    const byReference = async (email: string) =>
      t
        .http()
        .get(`/api/v1/applications?reference=${encodeURIComponent(reference)}`)
        .set('authorization', await t.bearer(email));
    expect((await byReference(KARI)).body.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await byReference(OLA)).body.items).toEqual([]);
  });

  it('keeps a draft editable with versions, and refuses a stale version with 409', async () => {
    const { id } = await draft(t);
    const edit = (version: number, restructuringNeed: string) =>
      t
        .http()
        .patch(`/api/v1/applications/${id}`)
        .set('authorization', '')
        .send({ version, content: bioContent({ restructuringNeed }) });
    const bearer = await t.bearer(KARI);
    const first = await edit(1, 'First edit').set('authorization', bearer);
    expect(first.status).toBe(200);
    expect(first.body.contentVersion).toBe(2);
    const stale = await edit(1, 'Lost update').set('authorization', bearer);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 2 });
    const now = await t.http().get(`/api/v1/applications/${id}`).set('authorization', bearer);
    expect(now.body.content.restructuringNeed).toBe('First edit');

    // Drafts may be incomplete but not malformed.
    const partial = await t
      .http()
      .patch(`/api/v1/applications/${id}`)
      .set('authorization', bearer)
      .send({ version: 2, content: { restructuringNeed: 'Only this so far' } });
    expect(partial.status).toBe(200);
    const malformed = await t
      .http()
      .patch(`/api/v1/applications/${id}`)
      .set('authorization', bearer)
      .send({ version: 3, content: { participants: { count: 'four' }, surprise: true } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'content.participants.count',
      'content.surprise',
    ]);
    // …and an incomplete one cannot be submitted.
    const submit = await act(t, KARI, id, 'submit');
    expect(submit.status).toBe(422);
    expect(submit.body.code).toBe('application_incomplete');
    expect(submit.body.errors.map((e: { field: string }) => e.field)).toContain('content.trainingPlan');
  });

  it('handles a request for more information, answered with an edited form', async () => {
    const { id } = await draft(t);
    await expectOk(act(t, KARI, id, 'submit'));
    await expectOk(act(t, OFFICER, id, 'assign'));
    const asked = await expectOk(
      act(t, OFFICER, id, 'request-information', {
        message: 'Please name the course provider contact',
        dueAt: '2026-02-20T12:00:00+01:00',
      }),
    );
    expect(asked).toMatchObject({ state: 'assessment.awaiting_applicant' });

    const kariView = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await t.bearer(KARI));
    expect(kariView.body.case.informationRequest).toEqual({
      message: 'Please name the course provider contact',
      dueAt: '2026-02-20T11:00:00.000Z',
    });
    expect(kariView.body.allowedActions).toEqual(['WITHDRAW', 'ANSWER_INFO', 'EDIT']);

    const edited = await t
      .http()
      .patch(`/api/v1/applications/${id}`)
      .set('authorization', await t.bearer(KARI))
      .send({
        version: kariView.body.contentVersion,
        content: bioContent({ restructuringNeed: 'Updated with provider contact' }),
      });
    expect(edited.status).toBe(200);
    expect(await expectOk(act(t, KARI, id, 'answer-information', { message: 'Added' }))).toMatchObject({
      state: 'assessment.in_review',
    });
    // Not editable once back with the officer.
    const late = await t
      .http()
      .patch(`/api/v1/applications/${id}`)
      .set('authorization', await t.bearer(KARI))
      .send({ version: 2, content: bioContent() });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('not_editable');
  });

  it('rejects with grounds', async () => {
    const { id } = await draft(t);
    await expectOk(act(t, KARI, id, 'submit'));
    await expectOk(act(t, OFFICER, id, 'assign'));
    await expectOk(act(t, OFFICER, id, 'recommend-rejection', { grounds: 'Training is mandatory by law' }));
    const rejected = await expectOk(
      act(t, APPROVER, id, 'decide-rejection', { grounds: 'Training is mandatory by law' }),
    );
    expect(rejected).toMatchObject({ status: 'rejected', grantedAmount: null });
    expect(rejected.tags).toContain('appealable');
    expect((await act(t, APPROVER, id, 'decide-rejection', { grounds: 'again' })).status).toBe(409);
  });

  it('lets the applicant withdraw before a decision, and not after', async () => {
    const { id } = await draft(t);
    await expectOk(act(t, KARI, id, 'submit'));
    expect(await expectOk(act(t, KARI, id, 'withdraw', { reason: 'Postponed' }))).toMatchObject({
      status: 'withdrawn',
    });
    const again = await act(t, KARI, id, 'withdraw', {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'event_not_accepted',
      currentStatus: 'withdrawn',
      allowedEvents: [],
    });
  });

  it('answers an event the state does not accept with 409, the current state and the allowed events', async () => {
    const { id } = await draft(t);
    const res = await act(t, KARI, id, 'accept');
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      code: 'event_not_accepted',
      currentStatus: 'draft',
      currentState: 'draft',
      allowedEvents: ['SUBMIT', 'WITHDRAW'],
    });
  });

  it('refuses a role that may not send the event with 403', async () => {
    const { id } = await draft(t);
    await expectOk(act(t, KARI, id, 'submit'));
    const res = await act(t, APPROVER, id, 'assign');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'event_forbidden', requiredRoles: ['case_officer'] });
    // And the applicant cannot recommend itself a grant.
    expect((await act(t, KARI, id, 'recommend-grant', { amount: 1, notes: 'x' })).status).toBe(403);
  });

  it('refuses a recommendation above the computed maximum with the reason', async () => {
    const { id } = await draft(t);
    await expectOk(act(t, KARI, id, 'submit'));
    await expectOk(act(t, OFFICER, id, 'assign'));
    const res = await act(t, OFFICER, id, 'recommend-grant', { amount: 30_000_001, notes: 'x' });
    expect(res.status).toBe(422);
    expect(res.body.reasons).toEqual([expect.stringContaining('exceeds the maximum grant')]);
  });

  it('refuses unknown fields and fractional or negative money in command bodies', async () => {
    const { id } = await draft(t);
    expect((await act(t, KARI, id, 'submit', { status: 'granted' })).status).toBe(400);
    await expectOk(act(t, KARI, id, 'submit'));
    await expectOk(act(t, OFFICER, id, 'assign'));
    for (const amount of [1.5, -100, '100']) {
      const res = await act(t, OFFICER, id, 'recommend-grant', { amount, notes: 'x' });
      expect(res.status).toBe(400);
    }
    const view = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await t.bearer(OFFICER));
    expect(view.body.state).toBe('assessment.in_review');
  });

  it('starts from a recommended state helper used by other files', async () => {
    const id = await recommended(t);
    const view = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await t.bearer(APPROVER));
    expect(view.body.allowedActions).toEqual(['RETURN_TO_REVIEW', 'DECIDE_GRANT']);
  });
});
