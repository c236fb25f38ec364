import type { Actor } from '@lib/common';
import type { EngineActor } from './roles';

/**
 * From the request's actor to the engine's. Ownership is decided by the caller (it has the
 * application row): an applicant who does not act for the owning organisation gets no role and is
 * refused as `forbidden` (though the HTTP layer should already have answered 404).
 */
export function toEngineActor(actor: Actor, ownsApplication: boolean): EngineActor {
  switch (actor.kind) {
    case 'applicant':
      return { userId: actor.userId, roles: ownsApplication ? ['applicant'] : [] };
    case 'staff':
      // `admin` administers users and counties; it takes no part in case handling.
      return {
        userId: actor.userId,
        roles: actor.roles.filter((role): role is Exclude<typeof role, 'admin'> => role !== 'admin'),
      };
    case 'system':
      return { userId: null, roles: ['system'] };
  }
}
