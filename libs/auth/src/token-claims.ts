import type { JwtService, JwtVerifyOptions } from '@nestjs/jwt';

interface Claims {
  sub?: unknown;
  exp?: unknown;
  iat?: unknown;
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * The subject of a token this service signed, or null. Beyond the signature, the issuer and `exp`
 * (which the JWT library checks only when present), the token must carry `exp` and `iat`: a
 * correctly signed token without them would otherwise never expire. Every place that accepts an
 * access token or a dashboard session goes through here.
 */
export async function verifiedSubject(
  jwt: JwtService,
  token: string,
  options?: JwtVerifyOptions,
): Promise<string | null> {
  let claims: Claims;
  try {
    claims = await jwt.verifyAsync<Claims>(token, options);
  } catch {
    return null;
  }
  if (!isTime(claims.exp) || !isTime(claims.iat)) return null;
  if (typeof claims.sub !== 'string' || claims.sub === '') return null;
  return claims.sub;
}
