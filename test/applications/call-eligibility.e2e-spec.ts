import { DEMO_ORGANISATIONS } from '../../src/seed/demo-data';
import { ids, KARI, newClock, OFFICER } from '../support/bio';
import { startTestApp, TestApp } from '../support/test-app';

const TOVE = DEMO_ORGANISATIONS[2].user.email; // Trondheim kommune: a municipality, in Trøndelag
const SVERRE = DEMO_ORGANISATIONS[3].user.email; // Stavanger kommune: a municipality, in Rogaland

/** Before the form: the call's own rules against the organisation in the register, with every reason. */
describe('eligibility under a call, before applying', () => {
  let t: TestApp;
  let callId: string;
  let fjordverk: string;
  let innherred: string;
  const orgId = async (name: string) => {
    const [row] = await t.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM organisation WHERE name = $1`,
      [name],
    );
    return row.id;
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: newClock() });
    ({ callId, fjordverk, innherred } = await ids(t));
  });
  afterAll(() => t.close());

  const check = async (email: string, call: string, organisationId?: string) =>
    t
      .http()
      .get(`/api/v1/calls/${call}/eligibility`)
      .query(organisationId ? { organisationId } : {})
      .set('authorization', await t.bearer(email));

  it('says a company in the county meets the BIO call rules', async () => {
    const res = await check(KARI, callId, fjordverk);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      callId,
      organisationId: fjordverk,
      organisationName: 'Fjordverk Mekaniske AS',
      eligible: true,
      reasons: [],
    });
  });

  it('names the organisation form a municipality has and the forms the call allows', async () => {
    const res = await check(TOVE, callId, await orgId('Trondheim kommune'));
    expect(res.status).toBe(200);
    expect(res.body.eligible).toBe(false);
    expect(res.body.reasons).toEqual([
      {
        code: 'organisation_form_not_eligible',
        rule: 'organisation_form',
        message: expect.stringContaining('KOMM') as string,
        actual: 'KOMM',
        required: ['AS', 'ASA', 'ENK', 'ANS', 'DA', 'SA', 'NUF'],
      },
    ]);
  });

  it('gives every reason at once, counties by name', async () => {
    const res = await check(SVERRE, callId, await orgId('Stavanger kommune'));
    expect(res.status).toBe(200);
    expect(res.body.eligible).toBe(false);
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toEqual([
      'organisation_form_not_eligible',
      'outside_county',
    ]);
    expect(res.body.reasons[1]).toMatchObject({
      rule: 'county',
      actual: 'Rogaland fylkeskommune',
      required: ['Trøndelag fylkeskommune'],
    });
  });

  it("answers 404 for another organisation's id and for an unknown call; 400 without an organisation", async () => {
    const other = await check(KARI, callId, innherred);
    expect(other.status).toBe(404);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect((await check(KARI, '00000000-0000-4000-8000-000000000000', fjordverk)).status).toBe(404);
    expect((await check(KARI, callId)).status).toBe(400);
  });

  it('is for applicants only', async () => {
    expect((await check(OFFICER, callId, fjordverk)).status).toBe(403);
  });
});
