import {
  act,
  APPROVER,
  bioCallWithAdvance,
  draft,
  expectOk,
  FINANCE,
  KARI,
  newClock,
  OFFICER,
  OLA,
  recommended,
} from '../support/bio';
import { DeadlineSweeper } from '../../src/deadlines/deadline-sweeper';
import { startTestApp, TestApp } from '../support/test-app';

const OTHER_COUNTY = 'godkjenner@rogaland.example';
/** A case officer who is an approver too: four eyes stops them deciding what they proposed. */
const BOTH_ROLES = 'dobbel-klage@trondelag.example';
const GROUNDS = 'Opplæringen er påkrevd etter nye sertifiseringskrav, som avslaget ikke tok hensyn til.';

interface CaseView {
  status: string;
  state: string;
  allowedActions: string[];
  grantedAmount: number | null;
  case: { appeal: Record<string, unknown> | null } & Record<string, unknown>;
}

/**
 * Klage: the applicant appeals a decision; the county (case officer proposes, approver decides)
 * reverses it or sends it to the appeals board, whose outcome the county records. Money moves only
 * through the grant's ledger effects, and every step leaves a letter and a history entry.
 */
describe('appeals (klage)', () => {
  let t: TestApp;
  const clock = newClock();
  let callId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { OUTBOX_POLL_MS: '50', SWEEP_INTERVAL_SECONDS: '3600' } });
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

  const view = async (id: string, email = OFFICER) =>
    (
      await t
        .http()
        .get(`/api/v1/applications/${id}`)
        .set('authorization', await t.bearer(email))
    ).body as CaseView;
  const letters = async (id: string, email = KARI) =>
    (
      (
        await t
          .http()
          .get(`/api/v1/applications/${id}/letters`)
          .set('authorization', await t.bearer(email))
      ).body as Array<{ kind: string; sha256: string }>
    ).map((l) => l.kind);
  const position = async (id: string) =>
    (
      await t.dataSource.query<Array<{ committed: number; outstanding: number }>>(
        `SELECT committed::int AS committed, (committed - released - disbursed - carried_out)::int AS outstanding
           FROM grant_position WHERE application_id = $1`,
        [id],
      )
    )[0];
  const frameCommitted = async () =>
    Number(
      (
        await t.dataSource.query<Array<{ committed: string }>>(
          `SELECT f.committed FROM budget_frame f JOIN funding_call c ON c.frame_id = f.id WHERE c.id = $1`,
          [callId],
        )
      )[0]?.committed,
    );
  const history = async (id: string) =>
    (
      await t.dataSource.query<Array<{ event: string }>>(
        `SELECT event FROM audit_record WHERE application_id = $1 ORDER BY occurred_at, id`,
        [id],
      )
    ).map((r) => r.event);
  const openDeadlines = async (id: string) =>
    (
      await t.dataSource.query<Array<{ kind: string; due_at: Date }>>(
        `SELECT kind, due_at FROM deadline WHERE application_id = $1 AND status = 'scheduled' ORDER BY kind`,
        [id],
      )
    ).map((d) => d.kind);
  const notified = async (id: string, template: string) =>
    (
      await t.dataSource.query<Array<{ recipient_email: string }>>(
        `SELECT recipient_email FROM notification WHERE application_id = $1 AND template = $2`,
        [id, template],
      )
    ).map((n) => n.recipient_email);

  /** A fresh case rejected on the appealable call, decided at the clock's time. */
  async function rejected(onCall = callId): Promise<string> {
    const { id } = await draft(t, { callId: onCall });
    await expectOk(act(t, KARI, id, 'submit'));
    await expectOk(act(t, OFFICER, id, 'assign'));
    await expectOk(act(t, OFFICER, id, 'recommend-rejection', { grounds: 'Ordinær opplæring.' }));
    await expectOk(act(t, APPROVER, id, 'decide-rejection', { grounds: 'Ordinær opplæring.' }));
    return id;
  }

  it('reverses a rejection appealed in time: the grant is committed on the frame to the øre', async () => {
    const id = await rejected();
    clock.set('2026-02-10T10:00:00+01:00');
    const lodged = await expectOk(act(t, KARI, id, 'appeal', { grounds: GROUNDS }, `appeal-${id}`));
    expect(lodged).toMatchObject({ status: 'rejected' });
    // The same key answers the same; there is still one appeal.
    expect(await expectOk(act(t, KARI, id, 'appeal', { grounds: GROUNDS }, `appeal-${id}`))).toEqual(lodged);
    const appeal = (await view(id, KARI)).case.appeal;
    // Decided Monday 2 February: three weeks is Monday 23 February.
    expect(appeal).toMatchObject({
      grounds: GROUNDS,
      late: false,
      lastDay: '2026-02-23',
      against: 'rejection',
    });
    expect(await openDeadlines(id)).toContain('appeal.preparation');
    expect(await notified(id, 'appeal_lodged')).toContain(KARI);
    // One open appeal at a time.
    expect((await act(t, KARI, id, 'appeal', { grounds: 'Igjen.' })).status).toBe(422);

    const before = await frameCommitted();
    await expectOk(
      act(t, BOTH_ROLES, id, 'appeal/propose-reversal', { amount: 20_000_000, grounds: 'Kravet gjelder.' }),
    );
    // The proposal is internal until decided; the proposer may not decide it.
    expect(JSON.stringify((await view(id, KARI)).case.appeal)).not.toContain('Kravet gjelder.');
    expect((await view(id, BOTH_ROLES)).allowedActions).not.toContain('DECIDE_APPEAL_REVERSAL');
    const self = await act(t, BOTH_ROLES, id, 'appeal/decide-reversal', {});
    expect(self.status).toBe(422);
    expect(self.text).toContain('four eyes');

    const reversed = await expectOk(act(t, APPROVER, id, 'appeal/decide-reversal', {}));
    expect(reversed).toMatchObject({
      status: 'granted',
      state: 'granted.awaiting_acceptance',
      grantedAmount: 20_000_000,
    });
    expect(await frameCommitted()).toBe(before + 20_000_000);
    expect(await position(id)).toEqual({ committed: 20_000_000, outstanding: 20_000_000 });
    expect(await openDeadlines(id)).toEqual(expect.arrayContaining(['acceptance']));
    expect((await view(id, KARI)).case.appeal).toMatchObject({
      outcome: { kind: 'reversed', decidedBy: 'first_instance', amount: 20_000_000 },
    });
    expect(await letters(id)).toEqual(['rejection', 'appeal_outcome']);
    expect(await letters(id, OFFICER)).toEqual(['rejection', 'appeal_outcome']);
    expect(await notified(id, 'appeal_reversed')).toContain(KARI);
    expect(await history(id)).toEqual(
      expect.arrayContaining(['LODGE_APPEAL', 'PROPOSE_APPEAL_REVERSAL', 'DECIDE_APPEAL_REVERSAL']),
    );
    // The grant may be accepted like any other.
    await expectOk(act(t, KARI, id, 'accept'));
  });

  it('flags a late appeal on a grant, forwards it to the appeals board, and records it upheld', async () => {
    const id = await recommended(t, 25_000_000, { callId });
    await expectOk(act(t, APPROVER, id, 'decide-grant'));
    clock.set('2026-03-02T10:00:00+01:00');
    await expectOk(act(t, KARI, id, 'appeal', { grounds: 'Beløpet er for lavt.' }));
    expect((await view(id, KARI)).case.appeal).toMatchObject({ late: true, against: 'grant' });

    // A reversal must be in the applicant's favour.
    const lower = await act(t, OFFICER, id, 'appeal/propose-reversal', { amount: 25_000_000, grounds: 'x' });
    expect(lower.status).toBe(422);
    await expectOk(act(t, OFFICER, id, 'appeal/propose-forward', { note: 'Klagen bringer ikke noe nytt.' }));
    const before = await frameCommitted();
    const forwarded = await expectOk(act(t, APPROVER, id, 'appeal/decide-forward', {}));
    expect(forwarded).toMatchObject({ status: 'granted', state: 'granted.awaiting_acceptance' });
    expect((await view(id, KARI)).case.appeal).toMatchObject({
      forwardedAt: expect.any(String),
      outcome: null,
    });
    // The applicant may not record the board's outcome; staff of another county never see the case.
    expect((await act(t, KARI, id, 'appeal/upheld', { grounds: 'x' })).status).toBe(403);
    expect((await act(t, OTHER_COUNTY, id, 'appeal/upheld', { grounds: 'x' })).status).toBe(404);

    const upheld = await expectOk(
      act(t, APPROVER, id, 'appeal/upheld', { grounds: 'Tilskuddet er beregnet etter satsene.' }),
    );
    expect(upheld).toMatchObject({ status: 'granted', grantedAmount: 25_000_000 });
    expect(await frameCommitted()).toBe(before);
    expect(await letters(id)).toEqual(['grant', 'appeal_forwarded', 'appeal_outcome']);
    expect(await notified(id, 'appeal_upheld')).toContain(KARI);
    // The letters on the appeal are outgoing documents in the journal like the decision's.
    const journalled = await t.dataSource.query<Array<{ kind: string; type: string }>>(
      `SELECT l.kind, j.type FROM journal_entry j JOIN decision_letter l ON l.id = j.source_id
        WHERE j.application_id = $1 AND j.event = 'decision_letter' ORDER BY j.case_entry_number`,
      [id],
    );
    expect(journalled).toEqual([
      { kind: 'grant', type: 'U' },
      { kind: 'appeal_forwarded', type: 'U' },
      { kind: 'appeal_outcome', type: 'U' },
    ]);
    // The appeals board's decision is final.
    expect((await act(t, KARI, id, 'appeal', { grounds: 'Igjen.' })).status).toBe(422);
    await expectOk(act(t, KARI, id, 'accept'));
  });

  it('commits the grant when the appeals board reverses a rejection the county forwarded', async () => {
    const id = await rejected();
    clock.set('2026-02-12T10:00:00+01:00');
    await expectOk(act(t, KARI, id, 'appeal', { grounds: GROUNDS }));
    expect((await view(id, KARI)).case.appeal).toMatchObject({ late: false, against: 'rejection' });
    await expectOk(
      act(t, OFFICER, id, 'appeal/propose-forward', { note: 'Avslaget står etter vår vurdering.' }),
    );
    await expectOk(act(t, APPROVER, id, 'appeal/decide-forward', {}));
    const before = await frameCommitted();

    const reversed = await expectOk(
      act(t, APPROVER, id, 'appeal/reversed', {
        amount: 18_000_000,
        grounds: 'Klagenemnda gir klageren medhold.',
      }),
    );
    expect(reversed).toMatchObject({ status: 'granted', grantedAmount: 18_000_000 });
    expect(await frameCommitted()).toBe(before + 18_000_000);
    expect(await position(id)).toEqual({ committed: 18_000_000, outstanding: 18_000_000 });
    expect((await view(id, KARI)).case.appeal).toMatchObject({
      outcome: { kind: 'reversed', decidedBy: 'appeals_board', amount: 18_000_000 },
    });
    expect(await letters(id)).toEqual(['rejection', 'appeal_forwarded', 'appeal_outcome']);
    expect(await history(id)).toEqual(
      expect.arrayContaining(['LODGE_APPEAL', 'DECIDE_APPEAL_FORWARD', 'RECORD_APPEAL_REVERSED']),
    );
    await expectOk(act(t, KARI, id, 'accept'));
  });

  it('returns a quashed rejection to assessment', async () => {
    const id = await rejected();
    await expectOk(act(t, KARI, id, 'appeal', { grounds: GROUNDS }));
    await expectOk(act(t, OFFICER, id, 'appeal/propose-forward', { note: 'Vi står ved avslaget.' }));
    await expectOk(act(t, APPROVER, id, 'appeal/decide-forward', {}));
    const quashed = await expectOk(
      act(t, APPROVER, id, 'appeal/quashed', { grounds: 'Saken er ikke godt nok opplyst.' }),
    );
    expect(quashed).toMatchObject({ status: 'assessment', state: 'assessment.in_review' });
    expect((await view(id)).case).toMatchObject({ decision: null, recommendation: null });
    expect((await view(id)).allowedActions).toEqual(expect.arrayContaining(['RECOMMEND_GRANT']));
    expect(await letters(id)).toEqual(['rejection', 'appeal_forwarded', 'appeal_outcome']);
  });

  it("refuses an appeal where the call's decisions are not appealable, and hides other organisations' cases", async () => {
    const closedCall = await bioCallWithAdvance(t, 5_000, { appealable: false });
    const id = await rejected(closedCall);
    const refused = await act(t, KARI, id, 'appeal', { grounds: GROUNDS });
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'not_appealable' });
    expect((await view(id, KARI)).case.appeal).toBeNull();

    const other = await rejected();
    expect((await act(t, OLA, other, 'appeal', { grounds: GROUNDS })).status).toBe(404);
    expect((await act(t, FINANCE, other, 'appeal', { grounds: GROUNDS })).status).toBe(403);
  });

  // Last: it moves the clock three weeks on, and the sweeper fires whatever of this file is due.
  it("reminds the case officer of an appeal still with the county after the call's preparation days", async () => {
    const waiting = await rejected();
    const forwarded = await rejected();
    clock.set('2026-02-03T10:00:00+01:00');
    await expectOk(act(t, KARI, waiting, 'appeal', { grounds: GROUNDS }));
    await expectOk(act(t, KARI, forwarded, 'appeal', { grounds: GROUNDS }));
    await expectOk(act(t, OFFICER, forwarded, 'appeal/propose-forward', { note: 'Ikke noe nytt.' }));
    await expectOk(act(t, APPROVER, forwarded, 'appeal/decide-forward', {}));
    const [due] = await t.dataSource.query<Array<{ due_at: Date }>>(
      `SELECT due_at FROM deadline WHERE application_id = $1 AND kind = 'appeal.preparation'`,
      [waiting],
    );
    // The default: 21 days after the appeal came.
    expect(due?.due_at.toISOString()).toBe('2026-02-24T09:00:00.000Z');

    clock.set('2026-02-24T10:00:00+01:00');
    await t.app.get(DeadlineSweeper).sweep();
    const settled = async (id: string) =>
      (
        await t.dataSource.query<Array<{ status: string }>>(
          `SELECT status FROM deadline WHERE application_id = $1 AND kind = 'appeal.preparation'`,
          [id],
        )
      )[0]?.status;
    const stop = Date.now() + 20_000;
    while (
      Date.now() < stop &&
      ((await settled(waiting)) === 'scheduled' || (await settled(forwarded)) === 'scheduled')
    )
      await new Promise((r) => setTimeout(r, 50));
    expect([await settled(waiting), await settled(forwarded)]).toEqual(['fired', 'skipped']);
    expect(await notified(waiting, 'appeal_preparation_overdue')).toEqual([OFFICER]);
    expect(await notified(forwarded, 'appeal_preparation_overdue')).toEqual([]);
  });
});
