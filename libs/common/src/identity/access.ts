import { notFound } from '../errors';
import type { Actor } from './actor';

/** Who owns an object: the applicant organisation and/or the county that handles it. */
export interface Ownership {
  organisationId?: string | null;
  countyId?: string | null;
}

/**
 * The ownership policy, in one place: an applicant sees what belongs to its organisations, staff
 * see what belongs to their county, the system sees everything.
 */
export function canSee(actor: Actor, owned: Ownership): boolean {
  switch (actor.kind) {
    case 'system':
      return true;
    case 'applicant':
      return !!owned.organisationId && actor.organisationIds.includes(owned.organisationId);
    case 'staff':
      return !!owned.countyId && owned.countyId === actor.countyId;
  }
}

/**
 * Returns the object if the actor may see it; otherwise throws `not_found`, exactly as if it did
 * not exist, so that ids cannot be probed (ASVS 8.2.2, 8.4.1).
 */
export function visibleOrNotFound<T>(
  actor: Actor,
  object: T | null | undefined,
  ownership: (o: T) => Ownership,
  what: string,
): T {
  if (object === null || object === undefined || !canSee(actor, ownership(object))) throw notFound(what);
  return object;
}
