import { startTestApp, TestApp } from '../support/test-app';
import {
  act,
  freshOrganisation,
  APPROVER,
  bioContent,
  draft,
  expectOk,
  ids,
  KARI,
  newClock,
  OFFICER,
  OLA,
  recommended,
} from '../support/bio';

describe('BIO applications: refusals, ownership, idempotency and the audit trail', () => {
  let t: TestApp;
  const clock = newClock();
  beforeAll(async () => {
    t = await startTestApp({ clock });
    const [{ password_hash }] = await t.dataSource.query(
      `SELECT password_hash FROM user_account WHERE email = $1`,
      [OFFICER],
    );
    const [{ county_id }] = await t.dataSource.query(`SELECT county_id FROM user_account WHERE email = $1`, [
      OFFICER,
    ]);
    // One person holding both roles, to probe four eyes.
    await t.dataSource.query(
      `INSERT INTO user_account (email, full_name, password_hash, kind, county_id, roles) VALUES ('dobbel@trondelag.example', 'Dag Dobbel', $1, 'staff', $2, '{case_officer,approver}')`,
      [password_hash, county_id],
    );
    // Another county (seeded) with an officer of its own who may also decide.
    const [rogaland] = await t.dataSource.query(`SELECT id FROM county WHERE code = '11'`);
    await t.dataSource.query(
      `INSERT INTO user_account (email, full_name, password_hash, kind, county_id, roles) VALUES ('rita@rogaland.example', 'Rita', $1, 'staff', $2, '{case_officer,approver}')`,
      [password_hash, rogaland.id],
    );
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(newClock().now()));

  it('enforces four eyes: the recommender cannot decide', async () => {
    const { id } = await draft(t);
    await expectOk(act(t, KARI, id, 'submit'));
    await expectOk(act(t, 'dobbel@trondelag.example', id, 'assign'));
    await expectOk(
      act(t, 'dobbel@trondelag.example', id, 'recommend-grant', { amount: 20_000_000, notes: 'ok' }),
    );
    const res = await act(t, 'dobbel@trondelag.example', id, 'decide-grant');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'rule_failed', reasons: [expect.stringContaining('four eyes')] });
    const view = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await t.bearer('dobbel@trondelag.example'));
    expect(view.body.state).toBe('assessment.recommended');
    expect(view.body.allowedActions).not.toContain('DECIDE_GRANT');
    // Another approver may.
    expect((await act(t, APPROVER, id, 'decide-grant')).status).toBe(200);
  });

  it('refuses an ineligible application with every reason at once, and changes nothing', async () => {
    const content = bioContent({
      participants: { count: 4, weeksEach: 60 },
      financingPlan: {
        ownContributionOre: 10_000_000,
        otherPublicSupportOre: 0,
        requestedGrantOre: 60_000_000,
      },
      declarations: {
        otherPublicSupportReceived: false,
        otherPublicSupportAmountOre: 0,
        notInEconomicDifficulty: false,
      },
    });
    const { id } = await draft(t, { content });
    const res = await act(t, KARI, id, 'submit');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('not_eligible');
    const codes = (res.body.reasons as Array<{ code: string }>).map((r) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'weeks_per_participant_exceeded',
        'grant_exceeds_size_cap',
        'economic_difficulty_declaration_missing',
      ]),
    );
    expect(codes.length).toBeGreaterThanOrEqual(4);
    // Each reason says it in bokmål for the form and in English as before (message = text.en).
    const sizeCap = (res.body.reasons as Array<{ code: string; message: string; text: object }>).find(
      (r) => r.code === 'grant_exceeds_size_cap',
    );
    expect(sizeCap?.text).toEqual({
      nb: expect.stringMatching(/^Omsøkt beløp på 600 000 kr er mer enn maksimum på [\d ]+ kr for /),
      en: sizeCap?.message,
    });
    const [row] = await t.dataSource.query(`SELECT status FROM application WHERE id = $1`, [id]);
    expect(row.status).toBe('draft');
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_record WHERE application_id = $1`,
      [id],
    );
    expect(count).toBe(1); // CREATE only
  });

  it('refuses a second BIO application while the organisation holds an active grant', async () => {
    const organisationId = await freshOrganisation(t);
    const first = await draft(t, { organisationId });
    await expectOk(act(t, KARI, first.id, 'submit'));
    await expectOk(act(t, OFFICER, first.id, 'assign'));
    await expectOk(act(t, OFFICER, first.id, 'recommend-grant', { amount: 20_000_000, notes: 'ok' }));
    await expectOk(act(t, APPROVER, first.id, 'decide-grant'));
    const second = await draft(t, { organisationId });
    const res = await act(t, KARI, second.id, 'submit');
    expect(res.status).toBe(422);
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toContain('other_active_bio_grant');
  });

  it('answers a repeated Idempotency-Key with the first result and does nothing again', async () => {
    const { id } = await draft(t, {
      email: OLA,
      organisationId: (await ids(t)).innherred,
      content: bioContent(),
    });
    const first = await act(t, OLA, id, 'submit', {}, 'submit-key-0001');
    expect(first.status).toBe(200);
    clock.advance(60_000);
    const again = await act(t, OLA, id, 'submit', {}, 'submit-key-0001');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const other = await act(t, OLA, id, 'withdraw', { reason: 'x' }, 'submit-key-0001');
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    const events = await t.dataSource.query(
      `SELECT event FROM audit_record WHERE application_id = $1 ORDER BY seq`,
      [id],
    );
    expect(events.map((e: { event: string }) => e.event)).toEqual(['CREATE', 'SUBMIT']);
  });

  it('serialises concurrent repeats of one key: one transition, two equal answers', async () => {
    const { id } = await draft(t, {
      email: OLA,
      organisationId: (await ids(t)).innherred,
      content: bioContent(),
    });
    await expectOk(act(t, OLA, id, 'submit'));
    const [a, b] = await Promise.all([
      act(t, OFFICER, id, 'assign', {}, 'assign-key-0001'),
      act(t, OFFICER, id, 'assign', {}, 'assign-key-0001'),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_record WHERE application_id = $1 AND event = 'ASSIGN'`,
      [id],
    );
    expect(count).toBe(1);
  });

  it('gives an applicant of another organisation 404, to read, edit and act', async () => {
    const { id } = await draft(t);
    const ola = await t.bearer(OLA);
    expect((await t.http().get(`/api/v1/applications/${id}`).set('authorization', ola)).status).toBe(404);
    expect((await t.http().get(`/api/v1/applications/${id}/history`).set('authorization', ola)).status).toBe(
      404,
    );
    const edit = await t
      .http()
      .patch(`/api/v1/applications/${id}`)
      .set('authorization', ola)
      .send({ version: 1, content: bioContent() });
    expect(edit.status).toBe(404);
    const submit = await act(t, OLA, id, 'submit');
    expect(submit.status).toBe(404);
    expect(submit.body.code).toBe('not_found');
    // Nor may it start an application for an organisation it does not act for.
    const { callId, fjordverk } = await ids(t);
    const foreign = await t
      .http()
      .post('/api/v1/applications')
      .set('authorization', ola)
      .send({ callId, organisationId: fjordverk, content: {} });
    expect(foreign.status).toBe(404);
    const own = await t.http().get(`/api/v1/applications`).set('authorization', ola);
    expect(own.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
  });

  it("keeps a draft from the county's staff until it is submitted", async () => {
    const { id } = await draft(t);
    const officer = await t.bearer(OFFICER);
    expect((await t.http().get(`/api/v1/applications/${id}`).set('authorization', officer)).status).toBe(404);
    const queue = await t.http().get('/api/v1/applications?limit=200').set('authorization', officer);
    expect(queue.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
    await expectOk(act(t, KARI, id, 'submit'));
    expect((await t.http().get(`/api/v1/applications/${id}`).set('authorization', officer)).status).toBe(200);
  });

  it('gives staff of another county 404 and an empty work queue', async () => {
    const { id } = await draft(t);
    await expectOk(act(t, KARI, id, 'submit'));
    const rita = await t.bearer('rita@rogaland.example');
    expect((await t.http().get(`/api/v1/applications/${id}`).set('authorization', rita)).status).toBe(404);
    expect((await act(t, 'rita@rogaland.example', id, 'assign')).status).toBe(404);
    const queue = await t.http().get('/api/v1/applications').set('authorization', rita);
    expect(queue.body.items).toEqual([]);
  });

  it('requires the committee above the call’s delegation limit', async () => {
    // A call of its own with a low limit: 200 000 NOK.
    const { callId } = await ids(t);
    const [call] = await t.dataSource.query(
      `INSERT INTO funding_call (county_id, scheme_id, year, title, status, opens_at, parameters, published_at, version, frame_id)
       SELECT county_id, scheme_id, year, 'BIO 2026 – low delegation', 'published', opens_at,
              jsonb_set(parameters, '{delegationThresholdOre}', '20000000'), now(), 1, frame_id
         FROM funding_call WHERE id = $1 RETURNING id`,
      [callId],
    );
    const organisationId = await freshOrganisation(t);
    const res = await t
      .http()
      .post('/api/v1/applications')
      .set('authorization', await t.bearer(KARI))
      .send({ callId: call.id, organisationId, content: bioContent() });
    const id = res.body.id as string;
    await expectOk(act(t, KARI, id, 'submit'));
    await expectOk(act(t, OFFICER, id, 'assign'));
    await expectOk(act(t, OFFICER, id, 'recommend-grant', { amount: 25_000_000, notes: 'above the limit' }));
    const without = await act(t, APPROVER, id, 'decide-grant');
    expect(without.status).toBe(422);
    expect(without.body.reasons).toEqual([expect.stringContaining('delegation limit')]);
    const withRef = await expectOk(act(t, APPROVER, id, 'decide-grant', { committeeCaseRef: 'FU 161/26' }));
    expect((withRef.case as { decision: { committeeCaseRef: string } }).decision.committeeCaseRef).toBe(
      'FU 161/26',
    );
  });

  it('refuses a submission one second after the call closed, with a clear message', async () => {
    const { id } = await draft(t);
    const { callId } = await ids(t);
    await t.dataSource.query(
      `UPDATE funding_call SET closes_at = '2026-03-01T00:00:00+01:00' WHERE id = $1`,
      [callId],
    );
    try {
      clock.set('2026-03-01T00:00:01+01:00');
      const res = await act(t, KARI, id, 'submit');
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        code: 'call_closed',
        detail: 'The call closed at 2026-02-28T23:00:00.000Z',
      });
    } finally {
      await t.dataSource.query(`UPDATE funding_call SET closes_at = NULL WHERE id = $1`, [callId]);
    }
  });

  describe('the audit trail', () => {
    it('verifies, refuses changes in the database, and detects tampering done around the guard', async () => {
      const id = await recommended(t);
      const verify = async () =>
        (
          await t
            .http()
            .get(`/api/v1/applications/${id}/history/verification`)
            .set('authorization', await t.bearer(OFFICER))
        ).body;
      expect(await verify()).toEqual({ valid: true, records: 4 });

      // The service's login may not change it at all; the owner is stopped by the trigger.
      await expect(
        t.dataSource.query(`UPDATE audit_record SET actor_role = 'approver' WHERE application_id = $1`, [id]),
      ).rejects.toThrow(/permission denied/);
      await expect(
        t.owner.query(`UPDATE audit_record SET actor_role = 'approver' WHERE application_id = $1`, [id]),
      ).rejects.toThrow(/append-only/);
      await expect(t.owner.query(`DELETE FROM audit_record WHERE application_id = $1`, [id])).rejects.toThrow(
        /append-only/,
      );
      await expect(t.owner.query(`TRUNCATE audit_record CASCADE`)).rejects.toThrow(/append-only/);

      // A superuser who switches triggers off can still write; the chain shows it.
      await t.owner.transaction(async (tx) => {
        await tx.query(`SET LOCAL session_replication_role = replica`);
        await tx.query(
          `UPDATE audit_record SET payload = jsonb_set(payload, '{amount}', '99900000') WHERE application_id = $1 AND event = 'RECOMMEND_GRANT'`,
          [id],
        );
      });
      expect(await verify()).toEqual({
        valid: false,
        records: 4,
        brokenAt: 4,
        problem: 'content does not match its hash',
      });
    });

    it('is not for applicants to verify (403), but they can read their history without internal notes', async () => {
      const id = await recommended(t);
      const kari = await t.bearer(KARI);
      expect(
        (await t.http().get(`/api/v1/applications/${id}/history/verification`).set('authorization', kari))
          .status,
      ).toBe(403);
      const history = await t.http().get(`/api/v1/applications/${id}/history`).set('authorization', kari);
      expect(history.status).toBe(200);
      expect(JSON.stringify(history.body)).not.toContain('Solid plan');
    });
  });
});
