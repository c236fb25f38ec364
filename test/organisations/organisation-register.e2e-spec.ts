import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { act, bioContent, draft, KARI, newClock, OFFICER } from '../support/bio';
import { registerRecord } from '../support/register';
import { startTestApp, TestApp } from '../support/test-app';

/** Numbers with valid check digits, each answered differently by the register below. */
const NORMAL = '912000060';
const NO_EMPLOYEES = '912000079';
const BANKRUPT = '912000087';
const DELETED = '912000095';
const GONE = '912000109';
const UNKNOWN = '912000117';
const SLOW = '912000125';
const LATER_BANKRUPT = '912000133';

/**
 * The register's `GET /enheter/{orgnr}` as recorded answers: a live AS, one without antallAnsatte,
 * a bankrupt one, a deleted one (200 with slettedato), one removed for legal reasons (410), an
 * unknown number (404) and one that answers too late.
 */
const answers = new Map<string, { status: number; body?: unknown }>([
  [NORMAL, { status: 200, body: registerRecord(NORMAL, { name: 'Nidelv Sveis AS', employeeCount: 17 }) }],
  [
    NO_EMPLOYEES,
    { status: 200, body: registerRecord(NO_EMPLOYEES, { name: 'Lade Lakk AS', employeeCount: null }) },
  ],
  [
    BANKRUPT,
    { status: 200, body: registerRecord(BANKRUPT, { name: 'Gauldal Snekkeri AS', bankrupt: true }) },
  ],
  [
    DELETED,
    {
      status: 200,
      body: {
        organisasjonsnummer: DELETED,
        navn: 'Slettet Eksempel AS',
        organisasjonsform: { kode: 'AS', beskrivelse: 'Aksjeselskap' },
        slettedato: '2024-03-01',
        respons_klasse: 'SlettetEnhet',
        _links: { self: { href: `https://data.brreg.no/enhetsregisteret/api/enheter/${DELETED}` } },
      },
    },
  ],
  [GONE, { status: 410, body: { organisasjonsnummer: GONE, slettedato: '2023-11-15', _links: {} } }],
  [LATER_BANKRUPT, { status: 200, body: registerRecord(LATER_BANKRUPT, { name: 'Byåsen Bygg AS' }) }],
]);

describe('organisations from the Brønnøysund register over HTTP', () => {
  let t: TestApp;
  let server: Server;
  const requests: Array<{ path: string; accept: string | undefined }> = [];
  const held: ServerResponse[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      requests.push({ path: req.url ?? '', accept: req.headers.accept });
      const number = /^\/enhetsregisteret\/api\/enheter\/(\d{9})$/.exec(req.url ?? '')?.[1] ?? '';
      if (number === SLOW) {
        held.push(res); // answered only when the test ends: longer than the service waits
        return;
      }
      const answer = answers.get(number) ?? { status: 404, body: { status: 404, error: 'Not Found' } };
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    t = await startTestApp({
      clock: newClock(),
      env: {
        REGISTER_MODE: 'http',
        REGISTER_URL: `http://127.0.0.1:${port}/enhetsregisteret/api/`,
        REGISTER_TIMEOUT_MS: '300',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    for (const res of held) res.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  const register = async (organisationNumber: string) =>
    t
      .http()
      .post('/api/v1/organisations')
      .set('authorization', await t.bearer(KARI))
      .send({ organisationNumber });
  const row = async (organisationNumber: string) =>
    (
      await t.dataSource.query('SELECT * FROM organisation WHERE organisation_number = $1', [
        organisationNumber,
      ])
    )[0];

  it('registers by number alone and stores the register values, asking with Accept: application/json', async () => {
    const res = await register(NORMAL);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      organisationNumber: NORMAL,
      name: 'Nidelv Sveis AS',
      form: 'AS',
      municipalityNumber: '5001',
      industryCode: '25.110',
      employeeCount: 17,
      bankrupt: false,
      underLiquidation: false,
      underForcedDissolution: false,
      deletedOn: null,
      registerCheckedAt: newClock().now().toISOString(),
    });
    expect(res.body.countyId).toEqual(expect.any(String));
    expect(requests).toContainEqual({
      path: `/enhetsregisteret/api/enheter/${NORMAL}`,
      accept: 'application/json',
    });
    expect(await row(NORMAL)).toMatchObject({ employee_count: 17, industry_code: '25.110' });
  });

  it('keeps a missing employee count as null, never 0', async () => {
    const res = await register(NO_EMPLOYEES);
    expect(res.status).toBe(201);
    expect(res.body.employeeCount).toBeNull();
    expect((await row(NO_EMPLOYEES)).employee_count).toBeNull();
  });

  it('registers a bankrupt unit with its status, and it cannot submit an application', async () => {
    const res = await register(BANKRUPT);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ bankrupt: true });
    const { id } = await draft(t, { organisationId: res.body.id as string, content: bioContent() });
    const submit = await act(t, KARI, id, 'submit');
    expect(submit.status).toBe(422);
    expect(submit.body).toMatchObject({
      code: 'organisation_not_active',
      organisationNumber: BANKRUPT,
      registerStatus: ['bankrupt'],
    });
    expect(submit.body.detail).toContain('Gauldal Snekkeri AS');
  });

  it.each([
    ['a deleted unit (200 with slettedato)', DELETED, 'organisation_deleted'],
    ['a unit removed for legal reasons (410)', GONE, 'organisation_deleted'],
    ['an unknown number (404)', UNKNOWN, 'organisation_not_in_register'],
  ])('refuses %s with 422, creating nothing', async (_what, organisationNumber, code) => {
    const res = await register(organisationNumber);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe(code);
    expect(await row(organisationNumber)).toBeUndefined();
  });

  it('keeps answers for a while: the unknown number is not asked again', async () => {
    const asked = () => requests.filter((r) => r.path.endsWith(UNKNOWN)).length;
    const before = asked();
    expect((await register(UNKNOWN)).status).toBe(422);
    expect(asked()).toBe(before);
  });

  it('answers 503 register_unavailable when the register does not answer in time', async () => {
    const res = await register(SLOW);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'register_unavailable', status: 503 });
    expect(await row(SLOW)).toBeUndefined();
  });

  it('refreshes from the register (member and county staff), updates the values and audits it', async () => {
    const registered = await register(LATER_BANKRUPT);
    expect(registered.status).toBe(201);
    const id = registered.body.id as string;
    answers.set(LATER_BANKRUPT, {
      status: 200,
      body: registerRecord(LATER_BANKRUPT, {
        name: 'Byåsen Bygg AS',
        employeeCount: 30,
        municipalityNumber: '5037',
        bankrupt: true,
      }),
    });
    const refreshed = await t
      .http()
      .post(`/api/v1/organisations/${id}/refresh-register`)
      .set('authorization', await t.bearer(OFFICER));
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ employeeCount: 30, municipalityNumber: '5037', bankrupt: true });
    const audit = await t.dataSource.query(
      `SELECT action, changes, actor_user_id FROM payment_audit_record WHERE subject_id = $1`,
      [id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'register_refreshed',
      changes: {
        employeeCount: { from: 42, to: 30 },
        municipalityNumber: { from: '5001', to: '5037' },
        bankrupt: { from: false, to: true },
      },
    });
    // The member asks again: nothing changed in the register, but the read is recorded.
    const again = await t
      .http()
      .post(`/api/v1/organisations/${id}/refresh-register`)
      .set('authorization', await t.bearer(KARI));
    expect(again.status).toBe(200);
    const audits = await t.dataSource.query(
      `SELECT changes FROM payment_audit_record WHERE subject_id = $1 ORDER BY seq`,
      [id],
    );
    expect(audits).toHaveLength(2);
    expect(audits[1].changes).toEqual({});
  });

  it('gives staff of another county 404 on refresh, and asks nothing', async () => {
    const id = (await row(NORMAL)).id as string;
    const before = requests.length;
    const res = await t
      .http()
      .post(`/api/v1/organisations/${id}/refresh-register`)
      .set('authorization', await t.bearer('saksbehandler@rogaland.example'));
    expect(res.status).toBe(404);
    expect(requests.length).toBe(before);
  });
});
