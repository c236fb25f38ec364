import { DAY_MS } from '@lib/common';
import { startTestApp, TestApp } from '../support/test-app';
import { act, APPROVER, bioContent, draft, expectOk, ids, KARI, newClock, OFFICER } from '../support/bio';

const DOBBEL = 'dobbel@trondelag.example';
const RITA = 'rita@rogaland.example';
const PROBLEM = /^application\/problem\+json/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Row {
  id: string;
  reference: string;
  schemeId: string;
  organisationName: string;
  organisationNumber: string;
  status: string;
  state: string;
  requestedAmount: number | null;
  recommendedAmount: number | null;
  caseOfficerName: string | null;
  daysSinceSubmitted: number | null;
  daysWaitingOnApplicant: number | null;
}
interface Page {
  items: Row[];
  nextCursor: string | null;
}

const nok = (kroner: number) => kroner * 100;

/**
 * The county's work queue (GET /applications for staff): names instead of ids, the filters a case
 * officer and an approver use, the orders, keyset pages, and never another county's cases. The cases
 * sit in a call of their own, so the seeded data cannot disturb what a filter should return.
 */
describe('the work queue', () => {
  let t: TestApp;
  const clock = newClock();
  const start = clock.now().getTime();
  let callId: string;
  /** Created in this order (1–5); submitted in the order 2, 4, 1, 3, 5, a day apart (5 a minute after 3). */
  const cases: Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5', { id: string; reference: string }> = {} as never;

  const get = async (email: string, query: Record<string, string>) => {
    const res = await t
      .http()
      .get(`/api/v1/applications?${new URLSearchParams(query).toString()}`)
      .set('authorization', await t.bearer(email));
    return res;
  };
  const page = async (email: string, query: Record<string, string> = {}): Promise<Page> => {
    const res = await get(email, { limit: '200', callId, ...query });
    if (res.status !== 200) throw new Error(`${res.status}: ${res.text}`);
    return res.body as Page;
  };
  const refs = async (email: string, query: Record<string, string> = {}) =>
    (await page(email, query)).items.map((r) => r.reference);
  const ref = (name: keyof typeof cases) => cases[name].reference;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const [{ password_hash, county_id }] = await t.dataSource.query(
      `SELECT password_hash, county_id FROM user_account WHERE email = $1`,
      [OFFICER],
    );
    await t.dataSource.query(
      `INSERT INTO user_account (email, full_name, password_hash, kind, county_id, roles)
       VALUES ($1, 'Dag Dobbel', $2, 'staff', $3, '{case_officer,approver}')`,
      [DOBBEL, password_hash, county_id],
    );
    const [rogaland] = await t.dataSource.query(`SELECT id FROM county WHERE code = '11'`);
    await t.dataSource.query(
      `INSERT INTO user_account (email, full_name, password_hash, kind, county_id, roles)
       VALUES ($1, 'Rita', $2, 'staff', $3, '{case_officer,approver}')`,
      [RITA, password_hash, rogaland.id],
    );
    const [call] = await t.dataSource.query(
      `INSERT INTO funding_call (county_id, scheme_id, year, title, status, opens_at, parameters, published_at, version, frame_id)
       SELECT county_id, scheme_id, year, 'BIO 2026 – work queue', 'published', opens_at, parameters, now(), 1, frame_id
         FROM funding_call WHERE id = $1 RETURNING id`,
      [(await ids(t)).callId],
    );
    callId = call.id;
    const requested = { c1: 300_000, c2: 100_000, c3: 200_000, c4: 250_000, c5: 150_000 };
    for (const [name, kroner] of Object.entries(requested)) {
      const content = bioContent();
      const plan = content.financingPlan as Record<string, number>;
      const total = plan.ownContributionOre + plan.requestedGrantOre;
      content.financingPlan = {
        ...plan,
        requestedGrantOre: nok(kroner),
        ownContributionOre: total - nok(kroner),
      };
      cases[name as keyof typeof cases] = await draft(t, { callId, content });
    }
    const day = () => clock.set(new Date(clock.now().getTime() + DAY_MS));
    await expectOk(act(t, KARI, cases.c2.id, 'submit'));
    day();
    await expectOk(act(t, KARI, cases.c4.id, 'submit'));
    await expectOk(act(t, OFFICER, cases.c4.id, 'assign'));
    day();
    await expectOk(act(t, KARI, cases.c1.id, 'submit'));
    await expectOk(act(t, OFFICER, cases.c1.id, 'assign'));
    await expectOk(act(t, OFFICER, cases.c1.id, 'recommend-grant', { amount: nok(250_000), notes: 'Good' }));
    day();
    await expectOk(act(t, KARI, cases.c3.id, 'submit'));
    clock.set(new Date(clock.now().getTime() + 60_000));
    await expectOk(act(t, KARI, cases.c5.id, 'submit'));
    await expectOk(act(t, DOBBEL, cases.c5.id, 'assign'));
    await expectOk(act(t, DOBBEL, cases.c5.id, 'recommend-grant', { amount: nok(100_000), notes: 'Fine' }));
    await expectOk(
      act(t, OFFICER, cases.c4.id, 'request-information', {
        message: 'Please attach the training plan',
        dueAt: new Date(clock.now().getTime() + 14 * DAY_MS).toISOString(),
      }),
    );
    clock.set(new Date(start + 6 * DAY_MS + 3_600_000));
  });
  afterAll(() => t.close());

  it('names the organisation, the officer and the state, with amounts in øre and days counted', async () => {
    const rows = (await page(OFFICER)).items;
    const row = (name: keyof typeof cases) => rows.find((r) => r.reference === ref(name)) as Row;
    expect(row('c1')).toMatchObject({
      schemeId: 'bio',
      organisationName: expect.stringMatching(/^Testbedrift \d+ AS$/),
      organisationNumber: expect.stringMatching(/^\d{9}$/),
      status: 'assessment',
      state: 'assessment.recommended',
      requestedAmount: nok(300_000),
      recommendedAmount: nok(250_000),
      caseOfficerName: 'Siri Saksbehandler',
      daysSinceSubmitted: 4,
      daysWaitingOnApplicant: null,
    });
    expect(row('c2')).toMatchObject({
      state: 'applied',
      caseOfficerName: null,
      recommendedAmount: null,
      daysSinceSubmitted: 6,
    });
    expect(row('c4')).toMatchObject({
      state: 'assessment.awaiting_applicant',
      daysSinceSubmitted: 5,
      daysWaitingOnApplicant: 3,
    });
    // What a person reads is never an id.
    for (const r of rows) {
      expect(r.organisationName).not.toMatch(UUID);
      expect(r.caseOfficerName ?? '').not.toMatch(UUID);
    }
  });

  it('orders by submission time (not by id), oldest first, or by the amount applied for', async () => {
    expect(await refs(OFFICER)).toEqual([ref('c5'), ref('c3'), ref('c1'), ref('c4'), ref('c2')]);
    expect(await refs(OFFICER, { sort: 'newest' })).toEqual(await refs(OFFICER));
    expect(await refs(OFFICER, { sort: 'oldest' })).toEqual([
      ref('c2'),
      ref('c4'),
      ref('c1'),
      ref('c3'),
      ref('c5'),
    ]);
    expect(await refs(OFFICER, { sort: 'amount_desc' })).toEqual([
      ref('c1'),
      ref('c4'),
      ref('c3'),
      ref('c5'),
      ref('c2'),
    ]);
    expect(await refs(OFFICER, { sort: 'amount_asc' })).toEqual([
      ref('c2'),
      ref('c5'),
      ref('c3'),
      ref('c4'),
      ref('c1'),
    ]);
  });

  it.each(['newest', 'oldest', 'amount_desc', 'amount_asc'])(
    'pages by cursor (%s): every case once, in the same order as one page',
    async (sort) => {
      const whole = await refs(OFFICER, { sort });
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const p: Page = await page(OFFICER, { sort, limit: '2', ...(after ? { after } : {}) });
        seen.push(...p.items.map((r) => r.reference));
        after = p.nextCursor;
        if (!after) break;
      }
      expect(seen).toEqual(whole);
    },
  );

  it('filters by status, sub-state, scheme, call, assignment and case reference', async () => {
    expect(await refs(OFFICER, { status: 'applied' })).toEqual([ref('c3'), ref('c2')]);
    expect(await refs(OFFICER, { status: 'assessment' })).toEqual([ref('c5'), ref('c1'), ref('c4')]);
    expect(await refs(OFFICER, { status: 'assessment.recommended' })).toEqual([ref('c5'), ref('c1')]);
    expect(await refs(OFFICER, { status: 'assessment.awaiting_applicant' })).toEqual([ref('c4')]);
    expect(await refs(OFFICER, { assigned: 'me' })).toEqual([ref('c1'), ref('c4')]);
    expect(await refs(DOBBEL, { assigned: 'me' })).toEqual([ref('c5')]);
    expect(await refs(OFFICER, { assigned: 'none' })).toEqual([ref('c3'), ref('c2')]);
    expect(await refs(OFFICER, { assigned: 'me', status: 'assessment.recommended' })).toEqual([ref('c1')]);
    expect(await refs(OFFICER, { schemeId: 'mentor' })).toEqual([]);
    expect(await refs(OFFICER, { schemeId: 'bio', status: 'applied' })).toEqual([ref('c3'), ref('c2')]);
    // The call filter: the county's queue has them all; another call's has none of them.
    const county = await get(OFFICER, { limit: '200' });
    const inCounty = (county.body as Page).items.map((r) => r.reference);
    for (const c of Object.values(cases)) expect(inCounty).toContain(c.reference);
    expect(await refs(OFFICER, { callId: (await ids(t)).callId })).not.toContain(ref('c1'));
    // A reference, exactly or by its beginning (any case); one that does not exist finds nothing.
    expect(await refs(OFFICER, { reference: ref('c3') })).toEqual([ref('c3')]);
    expect(await refs(OFFICER, { referencePrefix: ref('c3') })).toEqual([ref('c3')]);
    expect(await refs(OFFICER, { referencePrefix: ref('c3').toLowerCase() })).toEqual([ref('c3')]);
    const shared = ref('c1').slice(0, -2);
    const expected = Object.values(cases)
      .map((c) => c.reference)
      .filter((r) => r.startsWith(shared));
    expect((await refs(OFFICER, { referencePrefix: shared })).sort()).toEqual(expected.sort());
    expect(await refs(OFFICER, { referencePrefix: 'BIO-1999-' })).toEqual([]);
  });

  it('shows an approver the recommendations awaiting their decision, never their own', async () => {
    expect(await refs(APPROVER, { awaitingMyDecision: 'true' })).toEqual([ref('c5'), ref('c1')]);
    // Dag recommended c5 himself (four eyes): only c1 awaits his decision.
    expect(await refs(DOBBEL, { awaitingMyDecision: 'true' })).toEqual([ref('c1')]);
    // Not an approver: nothing awaits their decision.
    expect(await refs(OFFICER, { awaitingMyDecision: 'true' })).toEqual([]);
  });

  it("never shows another county's cases, whatever the filter", async () => {
    for (const query of <Array<Record<string, string>>>[
      {},
      { status: 'assessment.recommended' },
      { awaitingMyDecision: 'true' },
      { assigned: 'none' },
      { referencePrefix: 'BIO' },
      { sort: 'amount_desc' },
    ]) {
      const res = await get(RITA, { limit: '200', ...query });
      expect(res.status).toBe(200);
      const seen = (res.body as Page).items.map((r) => r.reference);
      for (const c of Object.values(cases)) expect(seen).not.toContain(c.reference);
    }
  });

  it('keeps the applicant list: own cases newest created first, with names, but no recommendation', async () => {
    const own = (await page(KARI)).items;
    expect(own.map((r) => r.reference)).toEqual([ref('c5'), ref('c4'), ref('c3'), ref('c2'), ref('c1')]);
    expect(own.find((r) => r.reference === ref('c1'))).toMatchObject({
      organisationName: expect.stringMatching(/^Testbedrift/),
      recommendedAmount: null,
      daysSinceSubmitted: 4,
    });
  });

  it.each([
    ['status', 'recommended_or_not'],
    ['sort', 'random'],
    ['assigned', 'someone'],
    ['awaitingMyDecision', 'yes'],
    ['callId', 'not-a-uuid'],
    ['referencePrefix', 'BIO%'],
    ['referencePrefix', ''],
    ['after', 'bm90IGEgY3Vyc29y'],
  ])('refuses %s=%s with a 400 problem naming it', async (name, value) => {
    const res = await get(OFFICER, { [name]: value });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(JSON.stringify(res.body)).toContain(name);
  });

  it("refuses a cursor of another order's shape", async () => {
    const p = await page(OFFICER, { limit: '1' });
    const res = await get(OFFICER, { sort: 'amount_desc', after: p.nextCursor as string });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
  });

  // Last: it adds a case of its own (in the seeded call, outside this file's queue call).
  it('takes the case reference wherever a case id goes, in any letter case', async () => {
    const { id, reference } = await draft(t);
    const path = (suffix = '') => `/api/v1/applications/${reference.toLowerCase()}${suffix}`;
    const submitted = await expectOk(act(t, KARI, reference, 'submit'));
    expect(submitted).toMatchObject({ id, status: 'applied' });
    expect(await expectOk(act(t, OFFICER, reference.toLowerCase(), 'assign'))).toMatchObject({
      id,
      state: 'assessment.in_review',
    });
    const officer = await t.bearer(OFFICER);
    const read = await t.http().get(path()).set('authorization', officer);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, reference });
    const history = await t.http().get(path('/history')).set('authorization', officer);
    expect(history.body.map((e: { event: string }) => e.event)).toEqual(['CREATE', 'SUBMIT', 'ASSIGN']);
    const verification = await t.http().get(path('/history/verification')).set('authorization', officer);
    expect(verification.status).toBe(200);
    // Another county's staff: 404, as for an unknown reference.
    const rita = await t
      .http()
      .get(path())
      .set('authorization', await t.bearer(RITA));
    expect(rita.status).toBe(404);
    expect(
      (await t.http().get('/api/v1/applications/BIO-2026-999999').set('authorization', officer)).status,
    ).toBe(404);
    // Neither an id nor a reference: 400 naming id.
    for (const bad of ['BIO-2026', 'BIO-2026-12', 'not-a-case']) {
      const res = await t.http().get(`/api/v1/applications/${bad}`).set('authorization', officer);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    }
  });
});
