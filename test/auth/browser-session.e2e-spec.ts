import { organisationNumberCheckDigit } from '@lib/common';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD } from '../../src/seed/demo-data';
import { registerRecord } from '../support/register';
import { startTestApp, TestApp } from '../support/test-app';

const applicant = DEMO_ORGANISATIONS[0].user.email;

/** The `name=value` of each Set-Cookie, and each cookie's attributes, by name. */
function setCookies(headers: Record<string, unknown>): Map<string, { value: string; attributes: string[] }> {
  const raw = headers['set-cookie'];
  const list = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  return new Map(
    list.map((line) => {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      return [
        pair.slice(0, at),
        { value: pair.slice(at + 1), attributes: attributes.map((a) => a.toLowerCase()) },
      ];
    }),
  );
}

let serial = 0;
/** A body registering a new organisation, whose unit the test app's register now knows. */
function newOrganisation(t: TestApp) {
  for (;;) {
    const base = String(70_000_000 + (process.pid % 10_000) * 1000 + ++serial).slice(-8);
    const check = organisationNumberCheckDigit(base);
    if (check === null) continue;
    t.register.add(registerRecord(`${base}${check}`, { name: `Informasjonskapsel ${base} AS` }));
    return { organisationNumber: `${base}${check}` };
  }
}

describe('browser sessions: cookie sign-in with CSRF protection', () => {
  let t: TestApp;
  let session: string;
  let csrf: string;
  let cookie: string;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs in with e-mail and password and sets an HttpOnly, SameSite session cookie and a CSRF cookie', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/session')
      .send({ email: applicant, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ csrfToken: expect.any(String), expiresIn: 900 });
    const cookies = setCookies(res.headers);

    const sessionCookie = cookies.get('grants_session');
    expect(sessionCookie?.attributes).toEqual(
      expect.arrayContaining(['httponly', 'samesite=lax', 'path=/', 'max-age=900']),
    );
    // Plain http here: Secure only when the request came over HTTPS.
    expect(sessionCookie?.attributes).not.toContain('secure');

    const csrfCookie = cookies.get('grants_csrf');
    expect(csrfCookie?.value).toBe(res.body.csrfToken);
    expect(csrfCookie?.attributes).not.toContain('httponly');
    expect(csrfCookie?.attributes).toContain('samesite=lax');

    session = sessionCookie!.value;
    csrf = csrfCookie!.value;
    cookie = `grants_session=${session}; grants_csrf=${csrf}`;
  });

  it('refuses a wrong password as the bearer login does, and sets no cookie', async () => {
    const res = await t.http().post('/api/v1/auth/session').send({ email: applicant, password: 'wrong' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'invalid_credentials' });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('reads with the cookie alone', async () => {
    const me = await t.http().get('/api/v1/me').set('cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: applicant, kind: 'applicant' });
    const list = await t.http().get('/api/v1/applications').set('cookie', cookie);
    expect(list.status).toBe(200);
  });

  it('refuses a change by cookie without the CSRF token, or with a wrong one, as a 403 problem', async () => {
    for (const token of [undefined, 'not-the-token', csrf.slice(1)]) {
      const req = t.http().post('/api/v1/organisations').set('cookie', cookie);
      if (token !== undefined) req.set('x-csrf-token', token);
      const res = await req.send(newOrganisation(t));
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        status: 403,
        code: token === undefined ? 'csrf_token_missing' : 'csrf_token_invalid',
      });
    }
    // The CSRF token of another session does not fit this one.
    const other = await t
      .http()
      .post('/api/v1/auth/session')
      .send({ email: DEMO_ORGANISATIONS[1].user.email, password: DEMO_PASSWORD });
    const res = await t
      .http()
      .post('/api/v1/organisations')
      .set('cookie', cookie)
      .set('x-csrf-token', other.body.csrfToken)
      .send(newOrganisation(t));
    expect(res.status).toBe(403);
  });

  it('accepts a change by cookie with the CSRF token', async () => {
    const res = await t
      .http()
      .post('/api/v1/organisations')
      .set('cookie', cookie)
      .set('x-csrf-token', csrf)
      .send(newOrganisation(t));
    expect(res.status).toBe(201);
  });

  it('keeps bearer tokens working unchanged, with no CSRF token, even beside a cookie', async () => {
    const bearer = await t.bearer(applicant);
    const me = await t.http().get('/api/v1/me').set('authorization', bearer);
    expect(me.status).toBe(200);
    const res = await t
      .http()
      .post('/api/v1/organisations')
      .set('authorization', bearer)
      .set('cookie', 'grants_session=whatever')
      .send(newOrganisation(t));
    expect(res.status).toBe(201);
    // A bearer header is the whole answer: a bad one is not rescued by a good cookie.
    const bad = await t.http().get('/api/v1/me').set('authorization', 'Bearer nope').set('cookie', cookie);
    expect(bad.status).toBe(401);
  });

  it('refuses a session cookie that is not a valid token', async () => {
    const res = await t.http().get('/api/v1/me').set('cookie', 'grants_session=forged');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'unauthenticated' });
  });

  it('signs out only with the CSRF token, and clears both cookies', async () => {
    const refused = await t.http().delete('/api/v1/auth/session').set('cookie', cookie);
    expect(refused.status).toBe(403);
    expect(refused.headers['set-cookie']).toBeUndefined();

    const res = await t.http().delete('/api/v1/auth/session').set('cookie', cookie).set('x-csrf-token', csrf);
    expect(res.status).toBe(204);
    const cleared = setCookies(res.headers);
    for (const name of ['grants_session', 'grants_csrf']) {
      expect(cleared.get(name)?.value).toBe('');
      expect(cleared.get(name)?.attributes).toEqual(
        expect.arrayContaining(['path=/', expect.stringMatching(/^expires=thu, 01 jan 1970/)]),
      );
    }
    // Without a session there is nothing to protect: signing out again is harmless.
    expect((await t.http().delete('/api/v1/auth/session')).status).toBe(204);
    // The browser drops the cookie; without it, nothing is signed in.
    expect((await t.http().get('/api/v1/me')).status).toBe(401);
  });
});
