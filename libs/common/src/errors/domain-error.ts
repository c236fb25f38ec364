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
  | 'too_many_requests';

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
