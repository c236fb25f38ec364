import { startTestApp, TestApp } from '../support/test-app';
import { act, APPROVER, declareImpartial, draft, expectOk, KARI, newClock, OFFICER } from '../support/bio';
import { DEMO_OTHER_STAFF } from '../../src/seed/demo-data';

/** A case officer of another county. */
const ELSEWHERE = DEMO_OTHER_STAFF[0].email;
/** A second case officer of Trøndelag, and one who holds both roles (to probe four eyes). */
const OTHER_OFFICER = 'per@trondelag.example';
const BOTH = 'begge@trondelag.example';

/** Habilitet (forvaltningsloven §§ 6–8): staff declare impartiality on a case before acting on it. */
describe('impartiality on a case', () => {
  let t: TestApp;
  const clock = newClock();
  beforeAll(async () => {
    t = await startTestApp({ clock, impartialityRequired: true });
    const [{ password_hash, county_id }] = await t.dataSource.query(
      `SELECT password_hash, county_id FROM user_account WHERE email = $1`,
      [OFFICER],
    );
    await t.dataSource.query(
      `INSERT INTO user_account (email, full_name, password_hash, kind, county_id, roles)
       VALUES ($1, 'Per Saksbehandler', $3, 'staff', $4, '{case_officer}'),
              ($2, 'Berit Begge', $3, 'staff', $4, '{case_officer,approver}')`,
      [OTHER_OFFICER, BOTH, password_hash, county_id],
    );
  });
  afterAll(() => t.close());

  const declare = async (email: string, id: string, body: object, key?: string) => {
    const req = t
      .http()
      .post(`/api/v1/applications/${id}/impartiality`)
      .set('authorization', await t.bearer(email));
    if (key) req.set('idempotency-key', key);
    return req.send(body);
  };
  const read = async (email: string, id: string) =>
    t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set('authorization', await t.bearer(email));
  const history = async (id: string, email = OFFICER) =>
    (
      await t
        .http()
        .get(`/api/v1/applications/${id}/history`)
        .set('authorization', await t.bearer(email))
    ).body as Array<{
      event: string;
      actorName: string | null;
      payload: Record<string, unknown>;
    }>;
  const row = async (id: string) =>
    (
      await t.dataSource.query(`SELECT state, case_officer_id, snapshot FROM application WHERE id = $1`, [id])
    )[0];
  const submitted = async () => {
    const { id } = await draft(t);
    await expectOk(act(t, KARI, id, 'submit'));
    return id;
  };

  it('refuses a case command without a declaration and changes nothing; reading is allowed', async () => {
    const id = await submitted();
    // Assigning distributes work: no declaration is asked of it.
    await expectOk(act(t, OFFICER, id, 'assign'));
    const before = await row(id);
    const historyBefore = await history(id);

    const refused = await act(t, OFFICER, id, 'recommend-grant', { amount: 20_000_000, notes: 'ok' });
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'impartiality_not_declared' });
    expect(await row(id)).toEqual(before);
    expect(await history(id)).toEqual(historyBefore);

    const view = await read(OFFICER, id);
    expect(view.status).toBe(200);
    expect(view.body.impartiality).toEqual({ required: true, mine: null, declarations: [] });
  });

  it('lets an officer act once impartial, and records the declaration in the audit trail', async () => {
    const id = await submitted();
    await expectOk(act(t, OFFICER, id, 'assign'));
    const declared = await declare(OFFICER, id, { verdict: 'impartial' }, 'impartial-1');
    expect(declared.status).toBe(200);
    expect(declared.body).toMatchObject({
      required: true,
      mine: 'impartial',
      declarations: [{ name: 'Siri Saksbehandler', verdict: 'impartial', ground: null, explanation: null }],
    });
    // The same key answers the same; declaring again adds nothing.
    const replay = await declare(OFFICER, id, { verdict: 'impartial' }, 'impartial-1');
    expect(replay.body).toEqual(declared.body);
    expect((await declare(OFFICER, id, { verdict: 'impartial' })).status).toBe(200);
    const rows = await t.dataSource.query(
      `SELECT * FROM impartiality_declaration WHERE application_id = $1`,
      [id],
    );
    expect(rows).toHaveLength(1);

    await expectOk(act(t, OFFICER, id, 'recommend-grant', { amount: 20_000_000, notes: 'ok' }));
    const entries = await history(id);
    expect(entries.map((e) => e.event)).toEqual([
      'CREATE',
      'SUBMIT',
      'ASSIGN',
      'DECLARE_IMPARTIALITY',
      'RECOMMEND_GRANT',
    ]);
    expect(entries[3]).toMatchObject({ actorName: 'Siri Saksbehandler', payload: { verdict: 'impartial' } });
    // The applicant reads neither the declaration nor that one was made.
    expect((await history(id, KARI)).map((e) => e.event)).not.toContain('DECLARE_IMPARTIALITY');
    expect((await read(KARI, id)).body.impartiality).toBeNull();

    // The approver must declare too.
    const undeclared = await act(t, APPROVER, id, 'decide-grant');
    expect(undeclared.status).toBe(409);
    expect(undeclared.body).toMatchObject({ code: 'impartiality_not_declared' });
    expect((await row(id)).state).toBe('assessment.recommended');
    await declareImpartial(t, APPROVER, id);
    await expectOk(act(t, APPROVER, id, 'decide-grant'));
    const audit = await t
      .http()
      .get(`/api/v1/applications/${id}/history/verification`)
      .set('authorization', await t.bearer(OFFICER));
    expect(audit.body).toMatchObject({ valid: true });
  });

  it('takes a partial officer off the case for good; another officer proceeds', async () => {
    const id = await submitted();
    await expectOk(act(t, OFFICER, id, 'assign'));
    await declareImpartial(t, OFFICER, id);
    clock.advance(60_000);
    const partial = await declare(OFFICER, id, {
      verdict: 'partial',
      ground: 'related_to_party',
      explanation: 'My brother-in-law runs the company',
    });
    expect(partial.status).toBe(200);
    expect(partial.body.mine).toBe('partial');
    expect(partial.body.declarations.at(-1)).toMatchObject({
      name: 'Siri Saksbehandler',
      verdict: 'partial',
      ground: 'related_to_party',
      explanation: 'My brother-in-law runs the company',
    });
    // Unassigned, in the column and the lifecycle's context alike; the state stays.
    const after = await row(id);
    expect(after.case_officer_id).toBeNull();
    expect(after.snapshot.state.context.caseOfficerId).toBeNull();
    expect(after.state).toBe('assessment.in_review');
    const entries = await history(id);
    expect(entries.at(-1)).toMatchObject({
      event: 'DECLARE_IMPARTIALITY',
      payload: { verdict: 'partial', ground: 'related_to_party', unassigned: true },
    });

    const [{ id: officerId }] = await t.dataSource.query(`SELECT id FROM user_account WHERE email = $1`, [
      OFFICER,
    ]);
    // Barred: from acting, from declaring again, from taking the case back or being given it.
    const before = await row(id);
    for (const res of [
      await act(t, OFFICER, id, 'request-information', { message: 'Send the plan' }),
      await act(t, OFFICER, id, 'assign'),
      await declare(OFFICER, id, { verdict: 'impartial' }),
      await act(t, OTHER_OFFICER, id, 'assign', { caseOfficerId: officerId }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'partial_on_case' });
    }
    expect(await row(id)).toEqual(before);

    // Everyone with access reads who stepped aside, when and why; the officer may still read the case.
    const seen = await read(APPROVER, id);
    expect(seen.body.impartiality).toMatchObject({
      mine: null,
      declarations: [
        { name: 'Siri Saksbehandler', verdict: 'impartial' },
        { name: 'Siri Saksbehandler', verdict: 'partial', ground: 'related_to_party' },
      ],
    });
    expect((await read(OFFICER, id)).status).toBe(200);

    // Another officer takes it and proceeds.
    await expectOk(act(t, OTHER_OFFICER, id, 'assign'));
    await declareImpartial(t, OTHER_OFFICER, id);
    await expectOk(act(t, OTHER_OFFICER, id, 'recommend-grant', { amount: 20_000_000, notes: 'ok' }));
  });

  it('keeps four eyes: an impartial recommender still cannot decide', async () => {
    const id = await submitted();
    await expectOk(act(t, BOTH, id, 'assign'));
    await declareImpartial(t, BOTH, id);
    await expectOk(act(t, BOTH, id, 'recommend-grant', { amount: 20_000_000, notes: 'ok' }));
    const res = await act(t, BOTH, id, 'decide-grant');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'rule_failed', reasons: [expect.stringContaining('four eyes')] });
    expect((await row(id)).state).toBe('assessment.recommended');
  });

  it('asks the declaration before a payout request is decided', async () => {
    const id = await submitted();
    await expectOk(act(t, OFFICER, id, 'assign'));
    await declareImpartial(t, OFFICER, id);
    await expectOk(act(t, OFFICER, id, 'recommend-grant', { amount: 20_000_000, notes: 'ok' }));
    await declareImpartial(t, APPROVER, id);
    await expectOk(act(t, APPROVER, id, 'decide-grant'));
    await expectOk(act(t, KARI, id, 'accept'));
    const approve = await t
      .http()
      .post(`/api/v1/applications/${id}/payout-requests/1/approve`)
      .set('authorization', await t.bearer(OTHER_OFFICER))
      .send({ amount: 100_000 });
    expect(approve.status).toBe(409);
    expect(approve.body).toMatchObject({ code: 'impartiality_not_declared' });
  });

  it('refuses bad declarations with the field named, and hides other counties’ cases', async () => {
    const id = await submitted();
    const cases: Array<[object, string]> = [
      [{ verdict: 'maybe' }, 'verdict'],
      [{ verdict: 'partial' }, 'ground'],
      [{ verdict: 'partial', ground: 'cousin' }, 'ground'],
      [{ verdict: 'partial', ground: 'special_circumstances' }, 'explanation'],
      [{ verdict: 'impartial', ground: 'party' }, 'ground'],
      [{ verdict: 'impartial', explanation: 'x' }, 'explanation'],
    ];
    for (const [body, field] of cases) {
      const res = await declare(OFFICER, id, body);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    expect(
      await t.dataSource.query(`SELECT * FROM impartiality_declaration WHERE application_id = $1`, [id]),
    ).toEqual([]);
    expect((await declare(ELSEWHERE, id, { verdict: 'impartial' })).status).toBe(404);
    expect((await declare(KARI, id, { verdict: 'impartial' })).status).toBe(403);
  });
});
