import { DomainError } from '@lib/common';
import type { CookieOptions, Request, Response } from 'express';
import { parseConfig } from '../config/app-config';
import { BrowserSessions, cookieValue } from './browser-session';

const sessions = new BrowserSessions(parseConfig({ NODE_ENV: 'test' }));

function recorder() {
  const set: Array<{ name: string; value: string; options: CookieOptions }> = [];
  const response = {
    cookie: (name: string, value: string, options: CookieOptions) => set.push({ name, value, options }),
  } as unknown as Response;
  return { set, response };
}

const request = (init: Partial<Request>) =>
  ({ headers: {}, method: 'GET', secure: false, ...init }) as Request;

describe('BrowserSessions', () => {
  it('marks the cookies Secure exactly when the request came over HTTPS', () => {
    for (const secure of [false, true]) {
      const { set, response } = recorder();
      sessions.open(request({ secure }), response, 'token', 900);
      expect(set.map((c) => [c.name, c.options.secure, c.options.httpOnly, c.options.sameSite])).toEqual([
        ['grants_session', secure, true, 'lax'],
        ['grants_csrf', secure, false, 'lax'],
      ]);
    }
  });

  it("derives the CSRF token from the session, so one session cannot use another's", () => {
    expect(sessions.csrfToken('a')).toBe(sessions.csrfToken('a'));
    expect(sessions.csrfToken('a')).not.toBe(sessions.csrfToken('b'));
    const post = (token?: string) =>
      request({ method: 'POST', headers: token === undefined ? {} : { 'x-csrf-token': token } });
    expect(() => sessions.assertCsrf(post(sessions.csrfToken('a')), 'a')).not.toThrow();
    expect(() => sessions.assertCsrf(post(sessions.csrfToken('b')), 'a')).toThrow(DomainError);
    expect(() => sessions.assertCsrf(post(), 'a')).toThrow(/X-CSRF-Token/);
    // Reading changes nothing: no token needed.
    expect(() => sessions.assertCsrf(request({ method: 'GET' }), 'a')).not.toThrow();
  });

  it('reads one cookie from a Cookie header', () => {
    expect(cookieValue('a=1; grants_session=x.y.z; b=2', 'grants_session')).toBe('x.y.z');
    expect(cookieValue('grants_session_other=1', 'grants_session')).toBeUndefined();
    expect(cookieValue(undefined, 'grants_session')).toBeUndefined();
  });
});
