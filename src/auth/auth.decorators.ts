import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Actor, StaffRole } from '@lib/common';

export const IS_PUBLIC = 'auth:public';
export const ALLOWED = 'auth:allowed';

/** Who may call a route: staff with one of these roles, and/or applicants. */
export type Audience = StaffRole | 'applicant';

/** Marks a public operation in the OpenAPI document; `openApiDocument` turns it into `security: []`. */
export const PUBLIC_OPERATION = 'x-public';

/** The route needs no login (health, login, public listings); the OpenAPI document says so too. */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_OPERATION, true));

/** Only these audiences may call the route; without it, any logged-in user may. */
export const Allow = (...audiences: Audience[]) => SetMetadata(ALLOWED, audiences);

/** The authenticated actor of the request, set by the authentication guard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<{ actor?: Actor }>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
