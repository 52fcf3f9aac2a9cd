import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthenticatedUser } from '../access-token';
import { Role } from '../roles';

export const IS_PUBLIC_KEY = 'galley:auth:public';
export const ROLES_KEY = 'galley:auth:roles';

/** Anyone may call this route (or every route of this controller): no token is read. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * Only accounts with one of these roles (admin includes customer). Without it a route needs any
 * valid token. Also documents the bearer auth and the 401/403 answers in OpenAPI.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired access token' }),
    ApiForbiddenResponse({ description: `Needs the ${roles.join(' or ')} role` }),
  );

/** The request field the guard fills with the verified caller. */
export const AUTHENTICATED_USER_FIELD = 'user';

/** The verified caller of a protected route (see `AccessTokenGuard`). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const request = context.switchToHttp().getRequest<Record<string, unknown>>();
  const user = request[AUTHENTICATED_USER_FIELD] as AuthenticatedUser | undefined;
  // Only reachable on a @Public() route by mistake: the guard sets it on every other route.
  if (!user) throw new Error('@CurrentUser() used on a route without an authenticated caller');
  return user;
});
