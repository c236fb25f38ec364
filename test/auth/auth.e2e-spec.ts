import { JwtService } from '@nestjs/jwt';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_STAFF } from '../../src/seed/demo-data';
import { startTestApp, TestApp } from '../support/test-app';

const officer = DEMO_STAFF[0].email;
const applicant = DEMO_ORGANISATIONS[0].user.email;

describe('login and /me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60' } });
  });
  afterAll(() => t.close());

  it('logs a staff user in and shows county and roles', async () => {
    const login = await t.http().post('/api/v1/auth/login').send({ email: officer, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = await t.http().get('/api/v1/me').set('authorization', `Bearer ${login.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: officer,
      kind: 'staff',
      roles: ['case_officer'],
      county: { code: '50', name: 'Trøndelag fylkeskommune' },
      organisations: [],
    });
  });

  it('logs an applicant in (e-mail case-insensitive) and shows its organisation', async () => {
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: applicant.toUpperCase(), password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const me = await t.http().get('/api/v1/me').set('authorization', `Bearer ${login.body.accessToken}`);
    expect(me.body).toMatchObject({
      kind: 'applicant',
      county: null,
      roles: [],
      organisations: [
        { organisationNumber: DEMO_ORGANISATIONS[0].organisationNumber, name: DEMO_ORGANISATIONS[0].name },
      ],
    });
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: applicant, password: 'not-the-password' });
    const unknown = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@nowhere.example', password: 'x' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        code: 'invalid_credentials',
        detail: 'Wrong e-mail address or password',
      });
      expect(res.body.accessToken).toBeUndefined();
    }
  });

  it('rate-limits repeated attempts for one address and e-mail, and only those', async () => {
    const email = DEMO_STAFF[1].email;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (
          await t
            .http()
            .post('/api/v1/auth/login')
            .send({ email, password: 'guess-' + i })
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Even the right password is refused while blocked.
    const blocked = await t.http().post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(blocked.body.code).toBe('too_many_requests');
    // The standard header says when to come back: within the 60-second window.
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another account from the same address is unaffected.
    const other = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: DEMO_STAFF[2].email, password: DEMO_PASSWORD });
    expect(other.status).toBe(200);
  });

  it('refuses a tampered, foreign or expired token', async () => {
    const token = (await t.bearer(officer)).slice('Bearer '.length);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
        sub: '00000000-0000-0000-0000-000000000000',
      }),
    ).toString('base64url');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    const subject = JSON.parse(Buffer.from(payload, 'base64url').toString()).sub as string;
    const expired = t.app.get(JwtService).sign({ sub: subject, exp: Math.floor(Date.now() / 1000) - 5 });
    expect((await t.http().get('/api/v1/me').set('authorization', `Bearer ${token}`)).status).toBe(200);
    for (const bad of [`${header}.${forged}.${signature}`, none, 'garbage', expired]) {
      const res = await t.http().get('/api/v1/me').set('authorization', `Bearer ${bad}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthenticated');
    }
  });

  it('refuses a correctly signed token without exp or without iat', async () => {
    const jwt = t.app.get(JwtService);
    const { sub } = jwt.decode<{ sub: string }>((await t.bearer(officer)).slice('Bearer '.length));
    const now = Math.floor(Date.now() / 1000);
    const withoutExp = jwt.sign({ sub }); // the module signs no lifetime by itself
    const withoutIat = jwt.sign({ sub, exp: now + 600 }, { noTimestamp: true });
    expect(jwt.decode<{ exp?: number }>(withoutExp).exp).toBeUndefined();
    expect(jwt.decode<{ iat?: number }>(withoutIat).iat).toBeUndefined();
    for (const token of [withoutExp, withoutIat]) {
      const res = await t.http().get('/api/v1/me').set('authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('unauthenticated');
    }
  });

  it('locks a deactivated user out at once, even with a valid token', async () => {
    const email = DEMO_ORGANISATIONS[1].user.email;
    const bearer = await t.bearer(email);
    expect((await t.http().get('/api/v1/me').set('authorization', bearer)).status).toBe(200);
    await t.dataSource.query('UPDATE user_account SET active = false WHERE email = $1', [email]);
    expect((await t.http().get('/api/v1/me').set('authorization', bearer)).status).toBe(401);
    expect((await t.http().post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD })).status).toBe(
      401,
    );
  });

  it('refuses login bodies with unknown fields or oversized passwords', async () => {
    const admin = DEMO_STAFF[3].email;
    const extra = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: admin, password: 'x', admin: true });
    expect(extra.status).toBe(400);
    const huge = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: admin, password: 'x'.repeat(201) });
    expect(huge.status).toBe(400);
    expect(huge.body.errors[0].field).toBe('password');
  });
});

describe('login limits per client address (password spraying)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { LOGIN_RATE_LIMIT: '5', LOGIN_ADDRESS_RATE_LIMIT: '4', LOGIN_RATE_WINDOW_SECONDS: '60' },
    });
  });
  afterAll(() => t.close());

  it('refuses one password tried over many accounts from one address, with Retry-After', async () => {
    const statuses: number[] = [];
    let last: { status: number; headers: Record<string, string>; body: { code?: string } } | undefined;
    for (let i = 0; i < 6; i++) {
      last = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: `person-${i}@sprayed.example`, password: 'Sommer2026!' });
      statuses.push(last.status);
    }
    // Each e-mail was tried once only: the per-address limit is what stops it.
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    expect(last!.body.code).toBe('too_many_requests');
    const retryAfter = Number(last!.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // A real user from that address waits too.
    const real = await t.http().post('/api/v1/auth/login').send({ email: officer, password: DEMO_PASSWORD });
    expect(real.status).toBe(429);
  });
});
