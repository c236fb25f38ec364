/**
 * What went wrong, in domain terms. Services throw `DomainError`s and know nothing of HTTP; the
 * problem-details filter maps each kind to a status code.
 */
export type ErrorKind =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  /** A service we depend on did not answer in time; trying again later may work. */
  | 'unavailable';

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly kind: ErrorKind,
    /** Stable, machine-readable code, e.g. `invalid_organisation_number`. */
    readonly code: string,
    /** Human-readable explanation for this occurrence. */
    readonly detail: string,
    /** Extra members for the problem document, e.g. `{ allowedEvents: [...] }`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

/** Someone else's object, or none at all: callers cannot tell the two apart (no existence leak). */
export const notFound = (what: string) => new DomainError('not_found', 'not_found', `${what} was not found`);

/**
 * An edit names the version of the object it was based on; if the object has changed since, the
 * edit is refused (409) instead of silently overwriting the other change.
 */
export function assertVersion(what: string, current: number, sent: number): void {
  if (current !== sent) {
    throw new DomainError(
      'conflict',
      'stale_version',
      `The ${what} has changed since version ${sent}; reload it (now version ${current})`,
      { currentVersion: current },
    );
  }
}
