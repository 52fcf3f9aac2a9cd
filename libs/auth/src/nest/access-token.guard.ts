import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedUser } from '../access-token';
import { Role, roleSatisfies } from '../roles';
import { scopeAllowsRequest, scopedOrderId } from '../token-scope';
import { AccessTokenVerifier, InvalidAccessTokenError } from '../verification/access-token-verifier';
import { AUTHENTICATED_USER_FIELD, IS_PUBLIC_KEY, ROLES_KEY } from './auth.decorators';

export const ACCESS_TOKEN_VERIFIER = Symbol('ACCESS_TOKEN_VERIFIER');
export const AUTH_GUARD_OPTIONS = Symbol('AUTH_GUARD_OPTIONS');

export interface AuthGuardOptions {
  /**
   * Paths served without a token although no @Public() marks them: the operational endpoints
   * that libs/platform adds to every service (probes and Prometheus scrapes).
   */
  openPaths: RegExp;
}

export const DEFAULT_OPEN_PATHS = /^\/(health(\/|$)|metrics$)/;

interface HttpRequest {
  method?: string;
  path?: string;
  url?: string;
  params?: Record<string, string | undefined>;
  headers: Record<string, string | string[] | undefined>;
  [field: string]: unknown;
}

interface HttpResponse {
  setHeader?(name: string, value: string): void;
}

/**
 * Every route needs a valid access token unless marked @Public(); @Roles() narrows it further.
 * Missing or bad token: 401 (with `WWW-Authenticate`), wrong role or a scoped token (an order
 * tracking link) outside its order's routes: 403.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ACCESS_TOKEN_VERIFIER) private readonly verifier: AccessTokenVerifier,
    @Inject(AUTH_GUARD_OPTIONS) private readonly options: AuthGuardOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const response = context.switchToHttp().getResponse<HttpResponse>();
    if (this.options.openPaths.test(request.path ?? request.url ?? '')) return true;

    const token = bearerToken(request.headers.authorization);
    if (!token) {
      response.setHeader?.('WWW-Authenticate', 'Bearer realm="galley"');
      throw new UnauthorizedException('This route needs a bearer access token');
    }
    let user: AuthenticatedUser;
    try {
      user = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) {
        response.setHeader?.('WWW-Authenticate', 'Bearer realm="galley", error="invalid_token"');
        throw new UnauthorizedException('The access token is invalid or expired');
      }
      throw new ServiceUnavailableException('Access tokens cannot be checked right now; try again shortly');
    }
    if (user.scope !== undefined && !scopeFits(user.scope, request)) {
      throw new ForbiddenException('This token is restricted to one order and cannot be used here');
    }
    request[AUTHENTICATED_USER_FIELD] = user;

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!roleSatisfies(user.role, required)) {
      throw new ForbiddenException(`This route needs the ${required.join(' or ')} role`);
    }
    return true;
  }
}

/**
 * A scoped token passes only where the path is one of its routes and the route's own `:id`
 * parameter (as Nest routed it) is the scoped order: two independent readings of the request.
 */
function scopeFits(scope: string, request: HttpRequest): boolean {
  const path = request.path ?? request.url ?? '';
  return scopeAllowsRequest(scope, request.method ?? 'GET', path) && request.params?.id === scopedOrderId(scope);
}

/** The token of an `Authorization: Bearer <token>` header (scheme case-insensitive), if any. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer +([^\s]+) *$/i.exec(value) : null;
  return match?.[1];
}
