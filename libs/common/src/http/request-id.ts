import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const ACCEPTABLE = /^[\w.-]{8,100}$/;

/**
 * Gives the request its id before anything else runs (so that even a body-parser error carries
 * it): the caller's `X-Request-Id` when it looks like one (a proxy's), otherwise a new UUID.
 * The id is echoed in the response header, every log line and every problem document.
 */
export function assignRequestId(
  req: IncomingMessage & { id?: unknown },
  res: ServerResponse,
  next: () => void,
): void {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && ACCEPTABLE.test(incoming) ? incoming : randomUUID();
  req.id = id;
  res.setHeader('X-Request-Id', id);
  next();
}

/** For the logger: the id `assignRequestId` gave, or a new one outside HTTP. */
export const requestIdOf = (req: IncomingMessage & { id?: unknown }): string =>
  typeof req.id === 'string' ? req.id : randomUUID();
