import { ExecutionContext, ForbiddenException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedUser } from '../access-token';
import { AccessTokenVerifier, InvalidAccessTokenError, VerificationKeysUnavailableError } from '../verification/access-token-verifier';
import { AccessTokenGuard, bearerToken, DEFAULT_OPEN_PATHS } from './access-token.guard';
import { Public, Roles } from './auth.decorators';

const customer: AuthenticatedUser = { id: 'c1', email: 'c@example.com', role: 'customer' };
const admin: AuthenticatedUser = { id: 'a1', email: 'a@example.com', role: 'admin' };
const ORDER = '0b6d7c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e';
const tracking: AuthenticatedUser = { id: 'c1', email: 'c@example.com', role: 'customer', scope: `order:${ORDER}` };

/** Tokens "customer" and "admin" are valid; "down" means the keys cannot be fetched; the rest is forged. */
const verifier: AccessTokenVerifier = {
  verify: async (token) => {
    if (token === 'customer') return customer;
    if (token === 'admin') return admin;
    if (token === 'tracking') return tracking;
    if (token === 'down') throw new VerificationKeysUnavailableError('timeout');
    throw new InvalidAccessTokenError('forged');
  },
};

class Routes {
  open(): void {}
  signedIn(): void {}
  @Roles('admin') staff(): void {}
  @Roles('customer') shopper(): void {}
}
@Public()
class PublicRoutes {
  anything(): void {}
}
Public()(Routes.prototype, 'open', Object.getOwnPropertyDescriptor(Routes.prototype, 'open')!);

function contextFor(target: object, handler: string, request: { path: string; headers: Record<string, string>; method?: string; params?: Record<string, string> }) {
  const headers: Record<string, string> = {};
  const context = {
    getType: () => 'http',
    getHandler: () => (target as Record<string, unknown>)[handler] ?? (target.constructor.prototype as Record<string, unknown>)[handler],
    getClass: () => target.constructor,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({ setHeader: (name: string, value: string) => (headers[name] = value) }) }),
  } as unknown as ExecutionContext;
  return { context, request: request as typeof request & { user?: AuthenticatedUser }, headers };
}

describe(AccessTokenGuard.name, () => {
  const sut = new AccessTokenGuard(new Reflector(), verifier, { openPaths: DEFAULT_OPEN_PATHS });
  const call = (handler: keyof Routes, authorization?: string, path = '/api/x') => contextFor(new Routes(), handler, { path, headers: authorization ? { authorization } : {} });

  it('lets anyone call a @Public() route and a route of a @Public() controller', async () => {
    await expect(sut.canActivate(call('open').context)).resolves.toBe(true);
    await expect(sut.canActivate(contextFor(new PublicRoutes(), 'anything', { path: '/p', headers: {} }).context)).resolves.toBe(true);
  });

  it.each(['/health/live', '/health/ready', '/metrics'])('lets probes and scrapes reach %s without a token', async (path) => {
    await expect(sut.canActivate(call('signedIn', undefined, path).context)).resolves.toBe(true);
  });

  it('answers 401 with WWW-Authenticate when the token is missing', async () => {
    const { context, headers } = call('signedIn');
    await expect(sut.canActivate(context)).rejects.toBeInstanceOf(UnauthorizedException);
    expect(headers['WWW-Authenticate']).toMatch(/^Bearer/);
  });

  it.each(['Bearer forged', 'Basic Y3VzdG9tZXI=', 'customer', 'Bearer'])('answers 401 for the header %j', async (authorization) => {
    await expect(sut.canActivate(call('signedIn', authorization).context)).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('puts the verified caller on the request when the token is valid', async () => {
    const { context, request } = call('signedIn', 'Bearer customer');
    await expect(sut.canActivate(context)).resolves.toBe(true);
    expect(request.user).toEqual(customer);
  });

  it('answers 403 when a customer calls an admin route', async () => {
    await expect(sut.canActivate(call('staff', 'Bearer customer').context)).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('lets an admin call admin and customer routes', async () => {
    await expect(sut.canActivate(call('staff', 'Bearer admin').context)).resolves.toBe(true);
    await expect(sut.canActivate(call('shopper', 'bearer admin').context)).resolves.toBe(true);
  });

  describe('with a token scoped to one order', () => {
    const scoped = (handler: keyof Routes, method: string, path: string, params: Record<string, string>) =>
      contextFor(new Routes(), handler, { method, path, params, headers: { authorization: 'Bearer tracking' } });

    it.each([
      ['GET', `/api/orders/${ORDER}`],
      ['GET', `/api/orders/${ORDER}/payment`],
      ['POST', `/api/orders/${ORDER}/cancel`],
    ])('lets it call %s %s when the :id param is its order', async (method, path) => {
      const { context, request } = scoped('shopper', method, path, { id: ORDER });
      await expect(sut.canActivate(context)).resolves.toBe(true);
      expect(request.user).toEqual(tracking);
    });

    it.each<[string, string, string, Record<string, string>]>([
      ['another order', 'GET', '/api/orders/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }],
      ['the order list', 'GET', '/api/orders', {}],
      ['the own account', 'GET', '/api/users/me', {}],
      ['a path naming the order whose routed :id is another', 'GET', `/api/orders/${ORDER}`, { id: 'other' }],
      ['a path naming the order without a routed :id', 'GET', `/api/orders/${ORDER}`, {}],
      ['the order with a method it may not use', 'DELETE', `/api/orders/${ORDER}`, { id: ORDER }],
    ])('answers 403 for %s', async (_case, method, path, params) => {
      await expect(sut.canActivate(scoped('shopper', method, path, params).context)).rejects.toBeInstanceOf(ForbiddenException);
    });
  });

  it('answers 503 rather than 401 when the keys cannot be fetched', async () => {
    await expect(sut.canActivate(call('signedIn', 'Bearer down').context)).rejects.toBeInstanceOf(ServiceUnavailableException);
  });
});

describe(bearerToken.name, () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc', 'abc'],
    ['Bearer  abc ', 'abc'],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    ['Basic abc', undefined],
    [undefined, undefined],
  ])('reads %j as %j', (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});
