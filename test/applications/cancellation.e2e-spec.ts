import { DAY_MS } from '@lib/common';
import {
  acceptedGrant,
  act,
  APPROVER,
  bioCallWithAdvance,
  bookPaymentsDue,
  expectOk,
  FINANCE,
  KARI,
  newClock,
  OFFICER,
  OLA,
} from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

/** A case officer who is an approver too: four eyes stops them deciding what they proposed. */
const BOTH_ROLES = 'dobbel@trondelag.example';
const OTHER_APPROVER = 'godkjenner@rogaland.example';
const GROUNDS = 'Prosjektet ble ikke startet, og opplæringen blir ikke gjennomført.';

interface CaseView {
  status: string;
  state: string;
  tags: string[];
  allowedActions: string[];
  case: Record<string, unknown>;
}
interface Claim {
  id: string;
  caseReference: string;
  amount: number;
  status: string;
}

/**
 * Heving: an accepted grant cancelled by a recorded decision. The case officer proposes with grounds
 * and what is claimed back, an approver decides (four eyes); the unpaid rest goes back to the frame,
 * a claim is raised for what is claimed back, every deadline of the grant goes, the applicant gets
 * the letter with the grounds, and the case ends cancelled once settled.
 */
describe('cancellation of a grant (heving)', () => {
  let t: TestApp;
  const clock = newClock();
  /** A BIO call whose plan pays 50 % on acceptance (forskudd). */
  let callId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    callId = await bioCallWithAdvance(t, 5_000);
    await t.dataSource.query(
      `INSERT INTO user_account (email, full_name, kind, county_id, roles, password_hash)
       SELECT $1, 'Dina Dobbeltrolle', 'staff', county_id, ARRAY['case_officer', 'approver'], password_hash
         FROM user_account WHERE email = $2`,
      [BOTH_ROLES, OFFICER],
    );
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(newClock().now()));

  const get = async (path: string, email: string) =>
    t
      .http()
      .get(`/api/v1${path}`)
      .set('authorization', await t.bearer(email));
  const view = async (id: string, email = OFFICER) =>
    (await get(`/applications/${id}`, email)).body as CaseView;
  const ledger = async (id: string) =>
    (
      await t.dataSource.query<
        Array<{ frame_id: string; outstanding: number; released: number; paid: number }>
      >(
        `SELECT frame_id, (committed - released - disbursed - carried_out)::int AS outstanding,
                released::int AS released, (disbursed - repaid)::int AS paid
           FROM grant_position WHERE application_id = $1`,
        [id],
      )
    )[0];
  const openDeadlines = async (id: string) =>
    (
      await t.dataSource.query<Array<{ kind: string }>>(
        `SELECT kind FROM deadline WHERE application_id = $1 AND status = 'scheduled' ORDER BY kind`,
        [id],
      )
    ).map((d) => d.kind);
  const history = async (id: string) =>
    ((await get(`/applications/${id}/history`, OFFICER)).body as Array<{ event: string }>).map(
      (e) => e.event,
    );
  const letters = async (id: string, template: string) =>
    t.dataSource.query<Array<{ recipient_email: string; body: string }>>(
      `SELECT recipient_email, body FROM notification WHERE application_id = $1 AND template = $2`,
      [id, template],
    );
  const consistent = async (frameId: string) =>
    expect((await get(`/frames/${frameId}/rebuild`, FINANCE)).body).toMatchObject({ consistent: true });

  it('cancels a grant with its advance paid, claims part of it back, and ends cancelled once the claim is settled', async () => {
    const { id, reference } = await acceptedGrant(t, { callId, amount: 25_000_000 });
    expect(await bookPaymentsDue(t, reference)).toBe(12_500_000);
    expect(await openDeadlines(id)).toContain('final_report');

    clock.set('2026-03-02T10:00:00+01:00');
    const proposed = await expectOk(
      act(t, OFFICER, id, 'propose-cancellation', { grounds: GROUNDS, repaymentAmount: 5_000_000 }),
    );
    expect(proposed).toMatchObject({ status: 'granted', state: 'granted.active' });
    // The proposal is internal until decided: the applicant reads nothing of it yet.
    expect((await view(id, KARI)).case.cancellation).toBeNull();
    expect((await view(id, APPROVER)).allowedActions).toEqual(
      expect.arrayContaining(['DECIDE_CANCELLATION', 'DISMISS_CANCELLATION']),
    );

    const decided = await expectOk(act(t, APPROVER, id, 'decide-cancellation', {}, `cancel-${id}`));
    expect(decided).toMatchObject({ status: 'cancelled', state: 'cancelled.settling' });
    expect(
      (
        (await get('/applications?awaitingMyDecision=true', APPROVER)).body as {
          items: Array<{ id: string }>;
        }
      ).items,
    ).not.toContainEqual(expect.objectContaining({ id }));
    // The same key answers the same; nothing is released twice.
    expect(await expectOk(act(t, APPROVER, id, 'decide-cancellation', {}, `cancel-${id}`))).toEqual(decided);

    const position = await ledger(id);
    expect(position).toMatchObject({ outstanding: 0, released: 12_500_000, paid: 12_500_000 });
    const claims = (await get('/repayment-claims', FINANCE)).body as { items: Claim[] };
    const claim = claims.items.find((c) => c.caseReference === reference)!;
    expect(claim).toMatchObject({ amount: 5_000_000, status: 'open' });
    // Only the claim's own follow-ups are left: the final report, its reminders and notices are gone.
    expect(await openDeadlines(id)).toEqual(['repayment_claim.escalation', 'repayment_claim.reminder']);

    const [letter] = await letters(id, 'grant_cancelled');
    expect(letter).toBeDefined();
    expect((await letters(id, 'grant_cancelled')).map((l) => l.recipient_email)).toContain(KARI);
    expect(letter.body).toContain(GROUNDS);
    expect(letter.body).toMatch(/50\s000 kr/); // grouped with a no-break space
    expect((await letters(id, 'cancellation_claim_raised')).map((l) => l.recipient_email)).toContain(KARI);

    const applicant = await view(id, KARI);
    expect(applicant).toMatchObject({
      status: 'cancelled',
      case: { cancellation: { grounds: GROUNDS, repaymentAmount: 5_000_000 } },
    });

    const settled = await t
      .http()
      .post(`/api/v1/repayment-claims/${claim.id}/settle`)
      .set('authorization', await t.bearer(FINANCE))
      .send({ amount: 5_000_000 });
    expect(settled.status).toBe(200);
    expect(settled.body).toMatchObject({ caseClosed: true });
    const closed = await view(id);
    expect(closed).toMatchObject({ status: 'cancelled', state: 'cancelled.closed' });
    expect(closed.tags).toContain('terminal');
    expect(await ledger(id)).toMatchObject({ outstanding: 0, paid: 7_500_000 });
    expect(await history(id)).toEqual(
      expect.arrayContaining([
        'PROPOSE_CANCELLATION',
        'DECIDE_CANCELLATION',
        'FUNDS_RELEASED',
        'CLAIM_RAISED',
        'CLAIM_SETTLED',
        'SETTLE',
      ]),
    );
    await consistent(position.frame_id);
  });

  it('cancels a grant with nothing paid: all of it released and the case closed at once', async () => {
    const { id } = await acceptedGrant(t, { amount: 20_000_000 });

    // Nothing was paid, so nothing can be claimed back.
    const tooMuch = await act(t, OFFICER, id, 'propose-cancellation', {
      grounds: GROUNDS,
      repaymentAmount: 1,
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ code: 'repayment_above_paid' });

    await expectOk(act(t, OFFICER, id, 'propose-cancellation', { grounds: GROUNDS }));
    expect(await expectOk(act(t, APPROVER, id, 'decide-cancellation'))).toMatchObject({
      status: 'cancelled',
      state: 'cancelled.closed',
    });
    expect(await ledger(id)).toMatchObject({ outstanding: 0, released: 20_000_000, paid: 0 });
    expect(await openDeadlines(id)).toEqual([]);
    expect(await history(id)).toEqual(expect.arrayContaining(['DECIDE_CANCELLATION', 'SETTLE']));
    expect((await get('/repayment-claims', FINANCE)).body).not.toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ caseReference: id })]) as unknown,
    });
  });

  it('refuses the proposer deciding (four eyes), the applicant, another organisation and another county, with nothing changed', async () => {
    const { id } = await acceptedGrant(t, { amount: 20_000_000 });
    await expectOk(act(t, BOTH_ROLES, id, 'propose-cancellation', { grounds: GROUNDS }));
    const snapshot = async () =>
      (
        await t.dataSource.query(`SELECT snapshot, status FROM application WHERE id = $1`, [id])
      )[0] as unknown;
    const before = {
      snapshot: await snapshot(),
      ledger: await ledger(id),
      deadlines: await openDeadlines(id),
    };

    // The proposal waits in the other approvers' queue, not in the proposer's.
    const awaiting = async (email: string) =>
      (
        (await get('/applications?awaitingMyDecision=true', email)).body as { items: Array<{ id: string }> }
      ).items.map((i) => i.id);
    expect(await awaiting(APPROVER)).toContain(id);
    expect(await awaiting(BOTH_ROLES)).not.toContain(id);
    expect(await awaiting(OTHER_APPROVER)).not.toContain(id);

    const own = await act(t, BOTH_ROLES, id, 'decide-cancellation');
    expect(own.status).toBe(422);
    expect(own.body).toMatchObject({ code: 'rule_failed', reasons: [expect.stringContaining('four eyes')] });
    expect((await view(id, BOTH_ROLES)).allowedActions).not.toContain('DECIDE_CANCELLATION');

    expect((await act(t, KARI, id, 'decide-cancellation')).status).toBe(403);
    expect((await act(t, KARI, id, 'propose-cancellation', { grounds: GROUNDS })).status).toBe(403);
    expect((await act(t, OLA, id, 'decide-cancellation')).status).toBe(404);
    expect((await act(t, OTHER_APPROVER, id, 'decide-cancellation')).status).toBe(404);

    expect({
      snapshot: await snapshot(),
      ledger: await ledger(id),
      deadlines: await openDeadlines(id),
    }).toEqual(before);
    expect(await letters(id, 'grant_cancelled')).toEqual([]);

    // The approver may instead not cancel: the grant runs on.
    expect(
      await expectOk(
        act(t, APPROVER, id, 'dismiss-cancellation', { message: 'Prosjektet er i gang likevel' }),
      ),
    ).toMatchObject({ status: 'granted', state: 'granted.active' });
    expect((await view(id)).case.cancellation).toBeNull();
  });
});

/**
 * Utsatt frist: the applicant asks for a later final report deadline; the case officer grants it
 * (the deadline row and its reminders move) or refuses it with grounds (the deadline stays).
 */
describe('extension of the final report deadline (utsatt frist)', () => {
  let t: TestApp;
  const clock = newClock();

  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  const scheduled = async (id: string) =>
    t.dataSource.query<Array<{ id: string; kind: string; due_at: Date }>>(
      `SELECT id, kind, due_at FROM deadline
        WHERE application_id = $1 AND status = 'scheduled' AND (kind = 'final_report' OR kind LIKE 'reminder.%')
        ORDER BY kind`,
      [id],
    );
  const dueOf = (rows: Array<{ kind: string; due_at: Date }>, kind: string) =>
    rows.find((r) => r.kind === kind)?.due_at.getTime();
  const DAY = DAY_MS;

  it('moves the final report deadline and its reminders when granted, for the date the officer chose', async () => {
    const { id } = await acceptedGrant(t);
    const before = await scheduled(id);
    const due = dueOf(before, 'final_report')!;
    const reminders = before.filter((r) => r.kind.startsWith('reminder.'));
    expect(reminders.length).toBeGreaterThan(0);

    const asked = new Date(due + 60 * DAY).toISOString();
    const requested = await expectOk(
      act(t, KARI, id, 'request-extension', {
        reason: 'Kursleverandøren flyttet siste kursuke',
        dueAt: asked,
      }),
    );
    expect(requested).toMatchObject({ state: 'granted.active', case: { extension: { outcome: null } } });
    expect((await scheduled(id)).map((r) => r.id)).toEqual(before.map((r) => r.id));

    const given = new Date(due + 30 * DAY).toISOString();
    const granted = await expectOk(
      act(t, OFFICER, id, 'grant-extension', { dueAt: given, grounds: 'Forsinkelsen er godt begrunnet' }),
    );
    expect(granted).toMatchObject({
      case: { finalReportDueAt: given, extension: { outcome: { kind: 'granted' } } },
    });

    const after = await scheduled(id);
    expect(dueOf(after, 'final_report')).toBe(due + 30 * DAY);
    for (const reminder of reminders) {
      expect(dueOf(after, reminder.kind)).toBe(reminder.due_at.getTime() + 30 * DAY);
    }
    const [{ n }] = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM deadline WHERE id = ANY($1::uuid[]) AND status = 'cancelled'`,
      [before.map((r) => r.id)],
    );
    expect(n).toBe(before.length);

    const applicant = (
      await t
        .http()
        .get(`/api/v1/applications/${id}`)
        .set('authorization', await t.bearer(KARI))
    ).body as CaseView;
    expect(applicant.case).toMatchObject({
      finalReportDueAt: given,
      extension: { outcome: { kind: 'granted', dueAt: given, grounds: 'Forsinkelsen er godt begrunnet' } },
    });
    const [mail] = await t.dataSource.query<Array<{ body: string }>>(
      `SELECT body FROM notification WHERE application_id = $1 AND template = 'extension_granted'`,
      [id],
    );
    expect(mail?.body).toContain('Forsinkelsen er godt begrunnet');
  });

  it('extends the project period, and a deadline counted from the project end moves with it', async () => {
    const { id } = await acceptedGrant(t);
    const before = await scheduled(id);
    const due = dueOf(before, 'final_report')!;
    const view = async (as: string) =>
      (
        await t
          .http()
          .get(`/api/v1/applications/${id}`)
          .set('authorization', await t.bearer(as))
      ).body as CaseView;
    const end = Date.parse((await view(KARI)).case.projectEndsAt as string);
    // BIO counts its final report deadline 30 days from the project end.
    expect(due).toBe(end + 30 * DAY);

    const neither = await act(t, KARI, id, 'request-extension', { reason: 'Trenger mer tid' });
    expect(neither.status).toBe(422);
    const earlier = await act(t, KARI, id, 'request-extension', {
      reason: 'Trenger mer tid',
      projectEndsAt: new Date(end - DAY).toISOString(),
    });
    expect(earlier.status).toBe(422);
    expect(await scheduled(id)).toEqual(before);

    const requested = await expectOk(
      act(t, KARI, id, 'request-extension', {
        reason: 'Siste kursuke er flyttet til høsten',
        projectEndsAt: new Date(end + 60 * DAY).toISOString(),
      }),
    );
    expect(requested.case).toMatchObject({
      projectEndsAt: new Date(end).toISOString(),
      extension: {
        requestedProjectEndsAt: new Date(end + 60 * DAY).toISOString(),
        requestedDueAt: new Date(end + 90 * DAY).toISOString(),
        outcome: null,
      },
    });

    // The officer gives less than asked: the project end 45 days on, the deadline 30 days after it.
    await expectOk(
      act(t, OFFICER, id, 'grant-extension', { projectEndsAt: new Date(end + 45 * DAY).toISOString() }),
    );
    expect((await view(KARI)).case).toMatchObject({
      projectEndsAt: new Date(end + 45 * DAY).toISOString(),
      finalReportDueAt: new Date(end + 75 * DAY).toISOString(),
      extension: { outcome: { kind: 'granted', projectEndsAt: new Date(end + 45 * DAY).toISOString() } },
    });
    expect(dueOf(await scheduled(id), 'final_report')).toBe(due + 45 * DAY);
  });

  it('refuses a project end from the officer when the applicant asked only for a later deadline', async () => {
    const { id } = await acceptedGrant(t);
    const due = dueOf(await scheduled(id), 'final_report')!;
    await expectOk(
      act(t, KARI, id, 'request-extension', {
        reason: 'Trenger mer tid',
        dueAt: new Date(due + 20 * DAY).toISOString(),
      }),
    );
    const refused = await act(t, OFFICER, id, 'grant-extension', {
      projectEndsAt: new Date(due + 20 * DAY).toISOString(),
    });
    expect(refused.status).toBe(422);
    expect(dueOf(await scheduled(id), 'final_report')).toBe(due);
  });

  it('keeps the deadline when refused, and tells the applicant why', async () => {
    const { id } = await acceptedGrant(t);
    const before = await scheduled(id);
    const due = dueOf(before, 'final_report')!;

    const early = await act(t, KARI, id, 'request-extension', {
      reason: 'Trenger mer tid',
      dueAt: new Date(due - DAY).toISOString(),
    });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'rule_failed' });

    await expectOk(
      act(t, KARI, id, 'request-extension', {
        reason: 'Trenger mer tid',
        dueAt: new Date(due + 90 * DAY).toISOString(),
      }),
    );
    expect((await act(t, KARI, id, 'grant-extension', {})).status).toBe(403);
    const refused = await expectOk(
      act(t, OFFICER, id, 'refuse-extension', {
        grounds: 'Ingen grunn utenfor bedriftens kontroll er oppgitt',
      }),
    );
    expect(refused).toMatchObject({ case: { extension: { outcome: { kind: 'refused' } } } });
    expect(await scheduled(id)).toEqual(before);

    const [mail] = await t.dataSource.query<Array<{ recipient_email: string; body: string }>>(
      `SELECT recipient_email, body FROM notification WHERE application_id = $1 AND template = 'extension_refused'`,
      [id],
    );
    expect(mail).toMatchObject({ recipient_email: KARI });
    expect(mail.body).toContain('Ingen grunn utenfor bedriftens kontroll er oppgitt');
  });
});
