import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { AccessTokenVerifier, bearerToken, createRemoteVerifier, VerificationKeysUnavailableError } from '@galley/auth';
import { GatewayConfig } from '@galley/config';
import { errorBody } from '@galley/errors';
import { requestIdOf } from '@galley/platform';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { decide, policyFor } from './route-policy';

/** Identity headers only the gateway may set; whatever a client sends under these names is dropped. */
export const IDENTITY_HEADERS = { id: 'x-user-id', role: 'x-user-role' } as const;

// A browser's EventSource cannot set headers, so the order stream also takes the token in the URL.
const TOKEN_IN_QUERY = /^\/api\/orders\/[^/]+\/stream$/;

/**
 * The edge's access check, before anything is proxied: the route must have a policy (else 404),
 * the access token (verified against the users service's JWKS, cached) must satisfy it (401
 * when missing or invalid, 403 for the wrong role). Services verify the token again themselves.
 */
@Injectable()
export class AccessMiddleware implements NestMiddleware {
  private readonly verifier: AccessTokenVerifier;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.verifier = createRemoteVerifier(config.JWT_JWKS_URL ?? `${config.USERS_URL}/.well-known/jwks.json`, {
      cacheMaxAgeMs: config.JWT_JWKS_CACHE_SECONDS * 1000,
    });
  }

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const path = req.originalUrl.split('?', 1)[0];
    const policy = policyFor(req.method, path);
    const requestId = requestIdOf(req);
    if (!policy) {
      res.status(404).json(errorBody(404, `No route for ${req.method} ${path}`, requestId));
      return;
    }
    res.locals.route = policy.pattern.source;
    delete req.headers[IDENTITY_HEADERS.id];
    delete req.headers[IDENTITY_HEADERS.role];

    const token = bearerToken(req.headers.authorization) ?? this.tokenFromQuery(req, path);
    let role: string | undefined;
    if (token) {
      try {
        const user = await this.verifier.verify(token);
        role = user.role;
        req.headers[IDENTITY_HEADERS.id] = user.id;
        req.headers[IDENTITY_HEADERS.role] = user.role;
      } catch (error) {
        if (error instanceof VerificationKeysUnavailableError && policy.access !== 'public') {
          res.status(503).json(errorBody(503, 'Sign-in is unavailable right now; try again shortly', requestId));
          return;
        }
      }
    }
    switch (decide(policy.access, role)) {
      case 'allow':
        next();
        return;
      case 'unauthenticated':
        res
          .status(401)
          .setHeader('WWW-Authenticate', 'Bearer')
          .json(errorBody(401, token ? 'The access token is invalid or expired' : 'This route needs an access token', requestId));
        return;
      case 'forbidden':
        res.status(403).json(errorBody(403, `This route needs the ${policy.access} role`, requestId));
        return;
    }
  }

  private tokenFromQuery(req: Request, path: string): string | undefined {
    if (!TOKEN_IN_QUERY.test(path)) return undefined;
    const value = req.query.access_token;
    if (typeof value !== 'string' || value.length === 0) return undefined;
    req.headers.authorization = `Bearer ${value}`;
    return value;
  }
}
