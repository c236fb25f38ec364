import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';
import { createHash } from 'node:crypto';

/** Attempts per client address and e-mail together: guessing one account's password. */
export const LOGIN_THROTTLER = 'login';
/** Attempts per client address over every e-mail: one password tried against many accounts. */
export const LOGIN_ADDRESS_THROTTLER = 'login-address';

type TrackedRequest = Record<string, unknown>;

export const trackAddressAndEmail = (req: TrackedRequest): string => {
  const body = (req.body ?? {}) as { email?: unknown };
  const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
  return `${String(req.ip)}|${email}`;
};

export const trackAddress = (req: TrackedRequest): string => String(req.ip);

/**
 * One count per throttler and tracker for every login route (bearer and browser session alike), where
 * the library's default would count each route apart and so double the attempts allowed.
 */
export const loginThrottleKey = (_context: unknown, tracker: string, throttler: string): string =>
  createHash('sha256').update(`${throttler}|${tracker}`).digest('hex');

/**
 * Brute-force protection for the login route, counted in Redis so every API process shares the
 * counts: per client address and e-mail (LOGIN_RATE_LIMIT) and per client address alone
 * (LOGIN_ADDRESS_RATE_LIMIT). A refusal says when to try again in the standard `Retry-After`.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    // The library names its header after the throttler (`Retry-After-login`); clients read this one.
    const seconds = Math.max(1, detail.timeToBlockExpire || detail.timeToExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    return super.throwThrottlingException(context, detail);
  }
}
