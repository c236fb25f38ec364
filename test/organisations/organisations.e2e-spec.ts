import { DEMO_ORGANISATIONS } from '../../src/seed/demo-data';
import { registerRecord } from '../support/register';
import { startTestApp, TestApp } from '../support/test-app';

const [fjordverk, innherred] = DEMO_ORGANISATIONS;

describe('organisations: validation and ownership', () => {
  let t: TestApp;
  let kari: string; // applicant of Fjordverk
  let ola: string; // applicant of Innherred
  let officer: string; // Trøndelag case officer
  let otherCountyOfficer: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    t.register.add(
      registerRecord('923609016', { name: 'Nidaros Bakeri AS', industryCode: '10.710', employeeCount: 12 }),
    );
    kari = await t.bearer(fjordverk.user.email);
    ola = await t.bearer(innherred.user.email);
    officer = await t.bearer('saksbehandler@trondelag.example');
    // The seeded second county's case officer.
    otherCountyOfficer = await t.bearer('saksbehandler@rogaland.example');
    for (const row of await t.dataSource.query('SELECT id, organisation_number FROM organisation')) {
      ids[row.organisation_number] = row.id;
    }
  });
  afterAll(() => t.close());

  const register = (bearer: string, body: Record<string, unknown>) =>
    t.http().post('/api/v1/organisations').set('authorization', bearer).send(body);
  const valid = { organisationNumber: '923 609 016' };

  it('refuses a wrong check digit with 422 and says why, creating nothing', async () => {
    const res = await register(kari, { ...valid, organisationNumber: '923609017' });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      code: 'invalid_organisation_number',
      detail: 'Organisation number 923609017 has a wrong check digit: 7, expected 6 (MOD11)',
      field: 'organisationNumber',
    });
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM organisation WHERE name = $1`,
      ['Nidaros Bakeri AS'],
    );
    expect(count).toBe(0);
  });

  it('refuses typed register values with 400 listing each: they come from the register', async () => {
    const res = await register(kari, {
      ...valid,
      name: 'Typed AS',
      municipalityNumber: '5001',
      employeeCount: 12,
      form: 'AS',
      industryCode: '10.710',
    });
    expect(res.status).toBe(400);
    expect((res.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'employeeCount',
      'form',
      'industryCode',
      'municipalityNumber',
      'name',
    ]);
  });

  it('registers an organisation, makes the applicant its member and places it in its county', async () => {
    const res = await register(kari, valid);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      organisationNumber: '923609016',
      name: 'Nidaros Bakeri AS',
      industryCode: '10.710',
      employeeCount: 12,
      version: 1,
    });
    expect(res.body.countyId).toEqual(expect.any(String));
    ids['923609016'] = res.body.id;
    const me = await t.http().get('/api/v1/me').set('authorization', kari);
    expect(
      me.body.organisations.map((o: { organisationNumber: string }) => o.organisationNumber).sort(),
    ).toEqual([fjordverk.organisationNumber, '923609016']);
    expect((await register(ola, valid)).status).toBe(409);
  });

  it('staff may not register organisations (403)', async () => {
    expect((await register(officer, { ...valid, organisationNumber: '942110464' })).status).toBe(403);
  });

  it("gives an applicant 404 for another organisation's object, to read and to change", async () => {
    const other = ids[innherred.organisationNumber];
    const read = await t.http().get(`/api/v1/organisations/${other}`).set('authorization', kari);
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('not_found');
    const change = await t
      .http()
      .patch(`/api/v1/organisations/${other}`)
      .set('authorization', kari)
      .send({ version: 1, name: 'Hijacked AS' });
    expect(change.status).toBe(404);
    const missing = await t
      .http()
      .get('/api/v1/organisations/00000000-0000-4000-8000-000000000000')
      .set('authorization', kari);
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe(read.body.detail);
    const [{ name }] = await t.dataSource.query('SELECT name FROM organisation WHERE id = $1', [other]);
    expect(name).toBe(innherred.name);
  });

  it('lists only what the caller may see', async () => {
    const own = await t.http().get('/api/v1/organisations').set('authorization', ola);
    expect(own.body.items.map((o: { name: string }) => o.name)).toEqual([innherred.name]);
    const county = await t.http().get('/api/v1/organisations').set('authorization', officer);
    // Trøndelag's three seeded organisations and the one registered above; not Rogaland's.
    expect(county.body.items).toHaveLength(4);
    expect(county.body.items.map((o: { name: string }) => o.name)).not.toContain('Stavanger kommune');
    const foreign = await t.http().get('/api/v1/organisations').set('authorization', otherCountyOfficer);
    expect(foreign.body.items.map((o: { name: string }) => o.name)).toEqual(['Stavanger kommune']);
  });

  it('pages with a keyset cursor', async () => {
    const first = await t.http().get('/api/v1/organisations?limit=3').set('authorization', officer);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t
      .http()
      .get(`/api/v1/organisations?limit=3&after=${first.body.nextCursor}`)
      .set('authorization', officer);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const names = [...first.body.items, ...second.body.items].map((o: { name: string }) => o.name);
    expect(names).toEqual([...names].sort());
    expect(
      (await t.http().get('/api/v1/organisations?after=bogus').set('authorization', officer)).status,
    ).toBe(400);
    expect((await t.http().get('/api/v1/organisations?limit=abc').set('authorization', officer)).status).toBe(
      400,
    );
  });

  it("gives staff of another county 404 for this county's organisation", async () => {
    const res = await t
      .http()
      .get(`/api/v1/organisations/${ids[fjordverk.organisationNumber]}`)
      .set('authorization', otherCountyOfficer);
    expect(res.status).toBe(404);
    const own = await t
      .http()
      .get(`/api/v1/organisations/${ids[fjordverk.organisationNumber]}`)
      .set('authorization', officer);
    expect(own.status).toBe(200);
  });

  it("refuses a member's change of register values with 422 register_value, changing nothing", async () => {
    const id = ids[fjordverk.organisationNumber];
    const res = await t
      .http()
      .patch(`/api/v1/organisations/${id}`)
      .set('authorization', kari)
      .send({ version: 1, employeeCount: 45, name: 'Renamed AS' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'register_value' });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['name', 'employeeCount']);
    const now = await t.http().get(`/api/v1/organisations/${id}`).set('authorization', kari);
    expect(now.body).toMatchObject({
      employeeCount: fjordverk.employeeCount,
      name: fjordverk.name,
      version: 1,
    });
    const stale = await t
      .http()
      .patch(`/api/v1/organisations/${id}`)
      .set('authorization', kari)
      .send({ version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 1 });
  });

  it('answers a non-UUID id with a 400 problem', async () => {
    const res = await t.http().get('/api/v1/organisations/not-a-uuid').set('authorization', kari);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
