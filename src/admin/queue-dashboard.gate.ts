import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { DomainError } from '@lib/common';
import type { NextFunction, Request, Response } from 'express';
import { DashboardSessions } from './queue-dashboard.session';

/**
 * The dashboard's own policy, replacing helmet's on its paths only. bull-board's page needs
 * same-origin scripts, a same-origin worker and inline styles; unlike helmet's default it gets no
 * `https:` stylesheets or fonts (its page links Google Fonts: left out, so an admin page holding
 * job data calls no third party; system fonts instead), no `upgrade-insecure-requests` (it sends
 * a browser to https for the assets of a dashboard opened over plain http) and no framing at all.
 */
const DASHBOARD_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self'",
].join(';');

/**
 * In front of bull-board: only staff with the admin role, by bearer token or dashboard cookie
 * (401 without either, 403 for other users, like `@Allow('admin')`). It runs as Nest middleware,
 * so what it throws leaves through the ProblemDetailsFilter as problem+json.
 */
@Injectable()
export class QueueDashboardGate implements NestMiddleware {
  private readonly logger = new Logger('Security');

  constructor(private readonly sessions: DashboardSessions) {}

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    const actor = await this.sessions.authenticate(request);
    if (actor.kind !== 'staff' || !actor.roles.includes('admin')) {
      this.logger.warn({
        event: 'authorization_refused',
        userId: actor.userId,
        method: request.method,
        url: request.originalUrl,
        allowed: ['admin'],
      });
      throw new DomainError('forbidden', 'forbidden', 'This action is for: admin');
    }
    response.setHeader('Content-Security-Policy', DASHBOARD_CSP);
    // Job data may hold personal data: keep it out of shared caches and the browser's.
    response.setHeader('Cache-Control', 'no-store');
    next();
  }
}
