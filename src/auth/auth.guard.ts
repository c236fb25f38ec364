import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Actor, DomainError } from '@lib/common';
import type { Request } from 'express';
import { verifiedSubject } from '@lib/auth';
import { ActorRepository } from './actor.repository';
import { ALLOWED, Audience, IS_PUBLIC } from './auth.decorators';
import { BrowserSessions } from './browser-session';

const unauthenticated = (detail: string) => new DomainError('unauthenticated', 'unauthenticated', detail);

/**
 * Global guard: every route needs a valid access token unless marked `@Public()`, and then one of
 * the audiences named by `@Allow(...)`, if any. Ownership is checked by the services (a 404). The
 * token comes as `Authorization: Bearer` (API clients) or, without that header, in the browser's
 * session cookie, where a state-changing request must also carry the session's CSRF token.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Security');

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly actors: ActorRepository,
    private readonly sessions: BrowserSessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const token = this.token(request);
    const subject = await verifiedSubject(this.jwt, token);
    if (!subject) throw unauthenticated('The access token is invalid or has expired: log in again');
    const actor = await this.actors.load(subject);
    if (!actor) throw unauthenticated('The user of this token no longer exists or is deactivated');
    request.actor = actor;

    const allowed = this.reflector.getAllAndOverride<Audience[] | undefined>(ALLOWED, targets);
    if (allowed && !allows(allowed, actor)) {
      this.logger.warn({
        event: 'authorization_refused',
        userId: actor.userId,
        method: request.method,
        url: request.originalUrl,
        allowed,
      });
      throw new DomainError('forbidden', 'forbidden', `This action is for: ${allowed.join(', ')}`);
    }
    return true;
  }

  private token(request: Request): string {
    if (request.headers.authorization === undefined) {
      const session = this.sessions.sessionToken(request);
      if (session) {
        this.sessions.assertCsrf(request, session);
        return session;
      }
    }
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token)
      throw unauthenticated(
        'Log in and send the access token as "Authorization: Bearer <token>", or sign in in the browser',
      );
    return token;
  }
}

function allows(allowed: Audience[], actor: Actor): boolean {
  switch (actor.kind) {
    case 'applicant':
      return allowed.includes('applicant');
    case 'staff':
      return actor.roles.some((role) => allowed.includes(role));
    case 'system':
      return false;
  }
}
