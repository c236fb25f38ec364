import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor, DomainError } from '@lib/common';
import type { Request } from 'express';
import { createHmac } from 'node:crypto';
import { verifiedSubject } from '@lib/auth';
import { ActorRepository } from '../auth/actor.repository';
import { AppConfig, InjectConfig } from '../config/app-config';
import { API_PREFIX } from '../http-app';

/** Where bull-board is mounted, below the API prefix. */
export const DASHBOARD_ROUTE = 'admin/queues';
/** The cookie's path: the browser sends it to the dashboard and to nothing else. */
export const DASHBOARD_PATH = `/${API_PREFIX}/${DASHBOARD_ROUTE}`;
export const DASHBOARD_COOKIE = 'queue_dashboard';
const AUDIENCE = 'queue-dashboard';

const unauthenticated = (detail: string) => new DomainError('unauthenticated', 'unauthenticated', detail);

/**
 * Who is looking at the queue dashboard. A browser cannot send a bearer header when it opens a
 * page, so an admin trades the access token for a short-lived cookie. The cookie's token is signed
 * with a key derived from JWT_SECRET and carries its own audience: the API's guard (which knows
 * only JWT_SECRET) refuses it as a bearer, and this class refuses an access token as the cookie.
 */
@Injectable()
export class DashboardSessions {
  private readonly secret: string;

  constructor(
    private readonly jwt: JwtService,
    private readonly actors: ActorRepository,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.secret = createHmac('sha256', config.auth.jwtSecret).update(AUDIENCE).digest('hex');
  }

  get ttlSeconds(): number {
    return this.config.auth.jwtTtlSeconds;
  }

  sign(userId: string): Promise<string> {
    return this.jwt.signAsync(
      { sub: userId },
      { secret: this.secret, audience: AUDIENCE, expiresIn: this.ttlSeconds },
    );
  }

  /** The acting user from an `Authorization: Bearer` access token or else the cookie; 401 otherwise. */
  async authenticate(request: Request): Promise<Actor> {
    const authorization = request.headers.authorization;
    const cookie = cookieValue(request.headers.cookie, DASHBOARD_COOKIE);
    let subject: string | null = null;
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      if (scheme === 'Bearer' && token) subject = await verifiedSubject(this.jwt, token);
    } else if (cookie) {
      subject = await verifiedSubject(this.jwt, cookie, { secret: this.secret, audience: AUDIENCE });
    } else {
      throw unauthenticated(
        `Send an admin's access token as a Bearer token, or open a session with POST ${DASHBOARD_PATH}/session`,
      );
    }
    if (!subject)
      throw unauthenticated('The access token or dashboard session is invalid or has expired: log in again');
    // Reloaded on every request, like the API's guard: a removed role or user takes effect at once.
    const actor = await this.actors.load(subject);
    if (!actor) throw unauthenticated('The user of this token no longer exists or is deactivated');
    return actor;
  }
}

/** One cookie's value from a `Cookie` header (no cookie parser in this service). */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of header?.split(';') ?? []) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim() || undefined;
  }
  return undefined;
}
