import { startTestApp, TestApp } from '../support/test-app';
import {
  act,
  APPROVER,
  bioContent,
  draft,
  expectOk,
  FINANCE,
  freshOrganisation,
  ids,
  KARI,
  newClock,
  OFFICER,
  recommended,
} from '../support/bio';
import { DEMO_OTHER_STAFF } from '../../src/seed/demo-data';

/** A case officer of another county. */
const ELSEWHERE = DEMO_OTHER_STAFF[0].email;

interface Note {
  id: string;
  text: string;
  authorUserId: string;
  authorName: string;
  createdAt: string;
}

/** What the county's staff read on a case page: names, internal notes, other cases, the committee route. */
describe('the staff case view', () => {
  let t: TestApp;
  const clock = newClock();
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  const get = async (path: string, email: string) =>
    t
      .http()
      .get(`/api/v1${path}`)
      .set('authorization', await t.bearer(email));
  const addNote = async (id: string, email: string, text: string, key?: string) => {
    const req = t
      .http()
      .post(`/api/v1/applications/${id}/notes`)
      .set('authorization', await t.bearer(email));
    if (key) req.set('idempotency-key', key);
    return req.send({ text });
  };

  it('names the people in the history, with their roles', async () => {
    const id = await recommended(t, 25_000_000);
    const staff = await get(`/applications/${id}/history`, OFFICER);
    expect(staff.status).toBe(200);
    const entries = staff.body as Array<{ event: string; actorName: string | null; actorRole: string }>;
    expect(entries.map((e) => [e.event, e.actorName, e.actorRole])).toEqual([
      ['CREATE', 'Kari Nordmann', 'applicant'],
      ['SUBMIT', 'Kari Nordmann', 'applicant'],
      ['ASSIGN', 'Siri Saksbehandler', 'case_officer'],
      ['RECOMMEND_GRANT', 'Siri Saksbehandler', 'case_officer'],
    ]);
  });

  it('names the call, the organisation and the case officer on the detail', async () => {
    const id = await recommended(t, 25_000_000);
    const detail = await get(`/applications/${id}`, APPROVER);
    expect(detail.status).toBe(200);
    expect(detail.body.names).toEqual({
      callTitle: expect.any(String),
      organisation: {
        id: detail.body.organisationId,
        name: expect.stringMatching(/^Testbedrift \d+ AS$/),
        organisationNumber: expect.stringMatching(/^\d{9}$/),
      },
      caseOfficerName: 'Siri Saksbehandler',
    });
    const [call] = await t.dataSource.query(`SELECT title FROM funding_call WHERE id = $1`, [
      detail.body.callId,
    ]);
    expect(detail.body.names.callTitle).toBe(call.title);
    // Within the limit of the seeded call (500 000 NOK): the administration decides.
    expect(detail.body.committee).toEqual({ delegationLimit: 50_000_000, required: false });
    expect((await get(`/applications/${id}`, KARI)).body.committee).toBeNull();
  });

  it('tells the approver before deciding that the recommendation goes to the committee', async () => {
    const { callId } = await ids(t);
    const [call] = await t.dataSource.query(
      `INSERT INTO funding_call (county_id, scheme_id, year, title, status, opens_at, parameters, published_at, version, frame_id)
       SELECT county_id, scheme_id, year, 'BIO 2026 – lav delegasjon', 'published', opens_at,
              jsonb_set(parameters, '{delegationThresholdOre}', '20000000'), now(), 1, frame_id
         FROM funding_call WHERE id = $1 RETURNING id`,
      [callId],
    );
    const { id } = await draft(t, { callId: call.id });
    await expectOk(act(t, KARI, id, 'submit'));
    await expectOk(act(t, OFFICER, id, 'assign'));
    const before = await get(`/applications/${id}`, APPROVER);
    expect(before.body.committee).toEqual({ delegationLimit: 20_000_000, required: false });
    await expectOk(act(t, OFFICER, id, 'recommend-grant', { amount: 25_000_000, notes: 'Over grensen' }));
    const after = await get(`/applications/${id}`, APPROVER);
    expect(after.body.committee).toEqual({ delegationLimit: 20_000_000, required: true });
    expect((await act(t, APPROVER, id, 'decide-grant', { grounds: 'God plan' })).status).toBe(422);
  });

  it("lists the organisation's other cases in the county, for staff and its own applicant", async () => {
    const organisationId = await freshOrganisation(t);
    const first = await draft(t, { organisationId });
    await expectOk(act(t, KARI, first.id, 'submit'));
    await draft(t, { organisationId }); // a draft: not the county's to see
    const other = await draft(t);
    await expectOk(act(t, KARI, other.id, 'submit'));

    const staff = await get(`/applications?organisationId=${organisationId}`, OFFICER);
    expect(staff.status).toBe(200);
    expect(staff.body.items.map((a: { id: string }) => a.id)).toEqual([first.id]);
    const applicant = await get(`/applications?organisationId=${organisationId}`, KARI);
    expect(applicant.body.items).toHaveLength(2);
    // Another county's staff see none of them.
    const rita = await get(`/applications?organisationId=${organisationId}`, ELSEWHERE);
    expect(rita.body.items).toEqual([]);
    expect((await get(`/applications?organisationId=not-a-uuid`, OFFICER)).status).toBe(400);
  });

  it('keeps internal notes for staff, with an audit record, and away from the applicant', async () => {
    const { id } = await draft(t);
    await expectOk(act(t, KARI, id, 'submit'));
    await expectOk(act(t, OFFICER, id, 'assign'));

    const added = await addNote(id, OFFICER, 'Ringte daglig leder: planen kommer neste uke');
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      id: expect.any(String),
      text: 'Ringte daglig leder: planen kommer neste uke',
      authorUserId: expect.any(String),
      authorName: 'Siri Saksbehandler',
      createdAt: clock.now().toISOString(),
    });
    clock.advance(60_000);
    expect((await addNote(id, APPROVER, 'Sett')).status).toBe(201);

    for (const reader of [OFFICER, APPROVER, FINANCE]) {
      const notes = await get(`/applications/${id}/notes`, reader);
      expect(notes.status).toBe(200);
      expect((notes.body as Note[]).map((n) => [n.authorName, n.text])).toEqual([
        ['Siri Saksbehandler', 'Ringte daglig leder: planen kommer neste uke'],
        ['Geir Godkjenner', 'Sett'],
      ]);
    }

    // The applicant: no notes, no sign of them in the history, and no way to write one.
    expect((await get(`/applications/${id}/notes`, KARI)).status).toBe(404);
    expect((await addNote(id, KARI, 'Hei')).status).toBe(403);
    const applicantHistory = await get(`/applications/${id}/history`, KARI);
    expect(applicantHistory.body.map((e: { event: string }) => e.event)).toEqual([
      'CREATE',
      'SUBMIT',
      'ASSIGN',
    ]);
    expect(JSON.stringify((await get(`/applications/${id}`, KARI)).body)).not.toContain('Ringte');
    // Finance reads notes but does not write them; another county does not see the case at all.
    expect((await addNote(id, FINANCE, 'Hei')).status).toBe(403);
    expect((await get(`/applications/${id}/notes`, ELSEWHERE)).status).toBe(404);
    expect((await addNote(id, ELSEWHERE, 'Hei')).status).toBe(404);

    // The staff history has each note's audit record, and the chain still verifies.
    const history = await get(`/applications/${id}/history`, OFFICER);
    const notes = (history.body as Array<{ event: string; payload: { noteId?: string }; actorName: string }>)
      .filter((e) => e.event === 'ADD_NOTE')
      .map((e) => e.actorName);
    expect(notes).toEqual(['Siri Saksbehandler', 'Geir Godkjenner']);
    const verified = await get(`/applications/${id}/history/verification`, OFFICER);
    expect(verified.body).toMatchObject({ valid: true });
    // The state did not move.
    expect((await get(`/applications/${id}`, OFFICER)).body.state).toBe('assessment.in_review');
  });

  it('adds a note once under one Idempotency-Key, and refuses bad notes', async () => {
    const { id } = await draft(t);
    await expectOk(act(t, KARI, id, 'submit'));
    const first = await addNote(id, OFFICER, 'Én gang', 'note-key-1');
    const again = await addNote(id, OFFICER, 'Én gang', 'note-key-1');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await addNote(id, OFFICER, 'Noe annet', 'note-key-1')).status).toBe(422);
    expect((await get(`/applications/${id}/notes`, OFFICER)).body).toHaveLength(1);

    for (const body of [
      {},
      { text: '' },
      { text: 42 },
      { text: 'ok', extra: 1 },
      { text: 'x'.repeat(8001) },
    ]) {
      const bad = await t
        .http()
        .post(`/api/v1/applications/${id}/notes`)
        .set('authorization', await t.bearer(OFFICER))
        .send(body);
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await addNote('00000000-0000-4000-8000-000000000000', OFFICER, 'Ingen sak')).status).toBe(404);
    // The case's application form is untouched by notes.
    expect((await get(`/applications/${id}`, OFFICER)).body.content).toEqual(bioContent());
  });
});
