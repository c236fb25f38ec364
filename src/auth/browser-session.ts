import { Injectable } from '@nestjs/common';
import { DomainError } from '@lib/common';
import type { CookieOptions, Request, Response } from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig, InjectConfig } from '../config/app-config';

/** The browser's session: the same signed access token a bearer client sends, in an HttpOnly cookie. */
export const SESSION_COOKIE = 'grants_session';
/** Readable by the web app's scripts, which echo it in `X-CSRF-Token` on every state-changing request. */
export const CSRF_COOKIE = 'grants_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Requests that change nothing need no CSRF token (RFC 9110's safe methods). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Browser sessions by cookie, with CSRF protection by a signed double-submit token (OWASP): the CSRF
 * token is an HMAC of the session's token under a key derived from JWT_SECRET, so another site can
 * neither read it nor make one up, and a cookie planted by a sibling domain does not fit the session.
 * SameSite=Lax keeps the session off cross-site posts besides; Lax rather than Strict so that a link in
 * a notification e-mail opens the portal signed in.
 */
@Injectable()
export class BrowserSessions {
  private readonly csrfKey: Buffer;

  constructor(@InjectConfig() private readonly config: AppConfig) {
    this.csrfKey = createHmac('sha256', config.auth.jwtSecret).update('browser-session-csrf').digest();
  }

  /** The CSRF token that belongs to this session token. */
  csrfToken(sessionToken: string): string {
    return createHmac('sha256', this.csrfKey).update(sessionToken).digest('base64url');
  }

  /** Sets the session and CSRF cookies; both last as long as the access token. */
  open(request: Request, response: Response, accessToken: string, expiresIn: number): string {
    const csrfToken = this.csrfToken(accessToken);
    const maxAge = expiresIn * 1000;
    response.cookie(SESSION_COOKIE, accessToken, { ...cookieOptions(request), httpOnly: true, maxAge });
    response.cookie(CSRF_COOKIE, csrfToken, { ...cookieOptions(request), httpOnly: false, maxAge });
    return csrfToken;
  }

  close(request: Request, response: Response): void {
    response.clearCookie(SESSION_COOKIE, { ...cookieOptions(request), httpOnly: true });
    response.clearCookie(CSRF_COOKIE, { ...cookieOptions(request), httpOnly: false });
  }

  /** The session cookie's token, if the request carries one. */
  sessionToken(request: Request): string | undefined {
    return cookieValue(request.headers.cookie, SESSION_COOKIE);
  }

  /** A state-changing request on a session cookie must carry the session's CSRF token: 403 otherwise. */
  assertCsrf(request: Request, sessionToken: string): void {
    if (SAFE_METHODS.has(request.method)) return;
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || sent === '')
      throw new DomainError(
        'forbidden',
        'csrf_token_missing',
        `A request signed in by cookie that changes something must send the ${CSRF_COOKIE} cookie's value in the X-CSRF-Token header`,
      );
    const expected = Buffer.from(this.csrfToken(sessionToken));
    const actual = Buffer.from(sent);
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
      throw new DomainError(
        'forbidden',
        'csrf_token_invalid',
        'The X-CSRF-Token header does not belong to this session: reload the page or sign in again',
      );
  }
}

/**
 * Sent to the whole site (the web app and its API) and never cross-site on a post; Secure when the
 * request came over HTTPS to this process (`trust proxy` is off, so a client's X-Forwarded-Proto is
 * not believed).
 */
function cookieOptions(request: Request): CookieOptions {
  return { sameSite: 'lax', path: '/', secure: request.secure };
}

/** One cookie's value from a `Cookie` header (no cookie parser in this service). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of header?.split(';') ?? []) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim() || undefined;
  }
  return undefined;
}
