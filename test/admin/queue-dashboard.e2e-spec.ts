import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { QueueDashboardModule } from '../../src/admin/queue-dashboard.module';
import { AppModule } from '../../src/app.module';
import { parseConfig } from '../../src/config/app-config';
import { DEMO_ORGANISATIONS, DEMO_STAFF } from '../../src/seed/demo-data';
import { startTestApp, TestApp } from '../support/test-app';

const staff = Object.fromEntries(DEMO_STAFF.map((s) => [s.roles[0], s.email]));
const APPLICANT = DEMO_ORGANISATIONS[0].user.email;
const BOARD = '/api/v1/admin/queues';
const QUEUES_API = `${BOARD}/api/queues`;

/** The `queue_dashboard=…` pair and the attributes of the Set-Cookie header that carries it. */
function dashboardCookie(setCookie: string | string[] | undefined) {
  const header = [setCookie ?? []].flat().find((c) => c.startsWith('queue_dashboard='));
  if (!header) throw new Error(`no dashboard cookie in ${JSON.stringify(setCookie)}`);
  const [pair, ...attributes] = header.split(';').map((part) => part.trim());
  return { pair, attributes: attributes.map((a) => a.toLowerCase()) };
}

describe('queue dashboard: bull-board for admins only', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const expectProblem = (
    res: { status: number; headers: Record<string, string>; body: unknown },
    status: number,
    code: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, code, type: `urn:grant-engine:problem:${code}` });
  };

  it('answers 401 problem+json without credentials, for the page, its API and its assets', async () => {
    for (const path of [`${BOARD}/`, QUEUES_API, `${BOARD}/static/favicon-32x32.png`]) {
      const res = await t.http().get(path).set('x-request-id', 'dashboard-anonymous');
      expectProblem(res, 401, 'unauthenticated');
      expect(res.body).toMatchObject({ instance: path, requestId: 'dashboard-anonymous' });
    }
    expectProblem(
      await t.http().get(QUEUES_API).set('authorization', 'Bearer not-a-token'),
      401,
      'unauthenticated',
    );
    expectProblem(await t.http().post(`${BOARD}/session`), 401, 'unauthenticated');
  });

  // 403, not 404: the dashboard is documented and its role check is the API's usual `@Allow('admin')`
  // refusal; 404 is kept for other organisations' and counties' objects.
  it('refuses a case officer, finance and an applicant with 403 problem+json', async () => {
    for (const email of [staff.case_officer, staff.finance, APPLICANT]) {
      const bearer = await t.bearer(email);
      const page = await t.http().get(QUEUES_API).set('authorization', bearer);
      expectProblem(page, 403, 'forbidden');
      expect(page.body.detail).toBe('This action is for: admin');
      expectProblem(await t.http().post(`${BOARD}/session`).set('authorization', bearer), 403, 'forbidden');
    }
  });

  it('shows an admin the three queues, the page and its assets, with a CSP of its own', async () => {
    const bearer = await t.bearer(staff.admin);
    const api = await t.http().get(QUEUES_API).set('authorization', bearer);
    expect(api.status).toBe(200);
    expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([
      'deadlines',
      'notifications',
      'system',
    ]);

    const page = await t.http().get(`${BOARD}/`).set('authorization', bearer);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain(`<base href="${BOARD}/" />`);
    expect(page.headers['cache-control']).toBe('no-store');
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");

    const script = /src="(static\/js\/main\.[\w.]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    const asset = await t.http().get(`${BOARD}/${script}`).set('authorization', bearer);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);

    // The rest of the API keeps helmet's policy.
    const elsewhere = await t.http().get('/api/v1/me').set('authorization', bearer);
    expect(elsewhere.headers['content-security-policy']).not.toBe(csp);
    expect(elsewhere.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });

  it('opens a session cookie for a browser: HttpOnly, SameSite=Strict, scoped to the dashboard', async () => {
    const res = await t
      .http()
      .post(`${BOARD}/session`)
      .set('authorization', await t.bearer(staff.admin));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ url: `${BOARD}/`, expiresIn: t.config.auth.jwtTtlSeconds });
    const { pair, attributes } = dashboardCookie(res.headers['set-cookie']);
    expect(attributes).toEqual(
      expect.arrayContaining(['httponly', 'samesite=strict', `path=${BOARD.toLowerCase()}`, 'max-age=900']),
    );

    const withCookie = await t.http().get(QUEUES_API).set('cookie', `other=1; ${pair}`);
    expect(withCookie.status).toBe(200);
    expect(withCookie.body.queues).toHaveLength(3);
    expect((await t.http().get(`${BOARD}/queue/deadlines`).set('cookie', pair)).status).toBe(200);

    // The cookie's token is no access token: the API refuses it as a bearer.
    const token = pair.slice('queue_dashboard='.length);
    expectProblem(
      await t.http().get('/api/v1/me').set('authorization', `Bearer ${token}`),
      401,
      'unauthenticated',
    );

    const closed = await t.http().delete(`${BOARD}/session`).set('cookie', pair);
    expect(closed.status).toBe(204);
    expect(dashboardCookie(closed.headers['set-cookie']).attributes).toContain(
      'expires=thu, 01 jan 1970 00:00:00 gmt',
    );
  });

  it('refuses an ordinary access token placed in the cookie, and a tampered cookie', async () => {
    const accessToken = (await t.bearer(staff.admin)).slice('Bearer '.length);
    expectProblem(
      await t.http().get(QUEUES_API).set('cookie', `queue_dashboard=${accessToken}`),
      401,
      'unauthenticated',
    );
    const res = await t
      .http()
      .post(`${BOARD}/session`)
      .set('authorization', await t.bearer(staff.admin));
    const { pair } = dashboardCookie(res.headers['set-cookie']);
    const tampered = `${pair.slice(0, -1)}${pair.endsWith('A') ? 'B' : 'A'}`;
    expectProblem(await t.http().get(QUEUES_API).set('cookie', tampered), 401, 'unauthenticated');
  });

  it('refuses a correctly signed token or cookie without exp or without iat', async () => {
    const jwt = t.app.get(JwtService);
    const { sub } = jwt.decode<{ sub: string }>((await t.bearer(staff.admin)).slice('Bearer '.length));
    const now = Math.floor(Date.now() / 1000);
    const cookie = {
      secret: createHmac('sha256', t.config.auth.jwtSecret).update('queue-dashboard').digest('hex'),
      audience: 'queue-dashboard',
    };
    // The same signing as a real session works, so only the missing claim is refused below.
    const complete = jwt.sign({ sub }, { ...cookie, expiresIn: 600 });
    expect((await t.http().get(QUEUES_API).set('cookie', `queue_dashboard=${complete}`)).status).toBe(200);
    for (const bearer of [jwt.sign({ sub }), jwt.sign({ sub, exp: now + 600 }, { noTimestamp: true })]) {
      const res = await t.http().get(QUEUES_API).set('authorization', `Bearer ${bearer}`);
      expectProblem(res, 401, 'unauthenticated');
    }
    for (const session of [
      jwt.sign({ sub }, cookie),
      jwt.sign({ sub, exp: now + 600 }, { ...cookie, noTimestamp: true }),
    ]) {
      const res = await t.http().get(QUEUES_API).set('cookie', `queue_dashboard=${session}`);
      expectProblem(res, 401, 'unauthenticated');
    }
  });

  it('checks the role in the database on every request: a revoked admin is refused at once', async () => {
    const res = await t
      .http()
      .post(`${BOARD}/session`)
      .set('authorization', await t.bearer(staff.admin));
    const { pair } = dashboardCookie(res.headers['set-cookie']);
    const bearer = await t.bearer(staff.admin);
    await t.dataSource.query(`UPDATE user_account SET roles = '{case_officer}' WHERE email = $1`, [
      staff.admin,
    ]);
    try {
      expectProblem(await t.http().get(QUEUES_API).set('cookie', pair), 403, 'forbidden');
      expectProblem(await t.http().get(QUEUES_API).set('authorization', bearer), 403, 'forbidden');
      await t.dataSource.query(`UPDATE user_account SET active = false WHERE email = $1`, [staff.admin]);
      expectProblem(await t.http().get(QUEUES_API).set('cookie', pair), 401, 'unauthenticated');
    } finally {
      await t.dataSource.query(`UPDATE user_account SET roles = '{admin}', active = true WHERE email = $1`, [
        staff.admin,
      ]);
    }
    expect((await t.http().get(QUEUES_API).set('cookie', pair)).status).toBe(200);
  });

  it('is composed only into processes that serve HTTP, unless QUEUE_DASHBOARD=false', () => {
    const mounted = (env: Record<string, string>) =>
      (AppModule.forRoot(parseConfig(env)).imports ?? []).includes(QueueDashboardModule);
    expect(mounted({ APP_ROLE: 'all' })).toBe(true);
    expect(mounted({ APP_ROLE: 'api' })).toBe(true);
    expect(mounted({ APP_ROLE: 'worker' })).toBe(false);
    expect(mounted({ APP_ROLE: 'api', QUEUE_DASHBOARD: 'false' })).toBe(false);
  });

  it('is not mounted with QUEUE_DASHBOARD=false', async () => {
    const off = await startTestApp({ env: { QUEUE_DASHBOARD: 'false' }, shareDatabaseOf: t, seed: false });
    try {
      const res = await off
        .http()
        .get(QUEUES_API)
        .set('authorization', await off.bearer(staff.admin));
      expectProblem(res, 404, 'not_found');
    } finally {
      await off.close();
    }
  });
});
