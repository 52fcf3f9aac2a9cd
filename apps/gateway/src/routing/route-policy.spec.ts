import { decide, policyFor } from './route-policy';
import { resolveService } from './route-table';

describe(policyFor.name, () => {
  it.each([
    ['POST', '/api/auth/login', 'public'],
    ['GET', '/api/auth/login', undefined],
    ['POST', '/api/auth/guest', 'public'],
    ['POST', '/api/auth/order-links', 'customer'],
    ['GET', '/api/auth/order-links', undefined],
    ['POST', '/api/users/me/upgrade', 'customer'],
    ['GET', '/.well-known/jwks.json', 'public'],
    ['GET', '/api/users/me', 'customer'],
    ['DELETE', '/api/users/me/addresses/a1', 'customer'],
    ['GET', '/api/products?q=pizza', 'public'],
    ['HEAD', '/api/products/p1', 'public'],
    ['POST', '/api/products', undefined],
    ['POST', '/api/products/p1/reviews', 'customer'],
    ['GET', '/api/products/p1/rating', 'public'],
    ['POST', '/api/admin/products', 'admin'],
    ['GET', '/api/admin', undefined],
    ['POST', '/api/orders', 'customer'],
    ['PUT', '/api/orders', undefined],
    ['GET', '/api/orders/o1/stream', 'customer'],
    ['POST', '/api/orders/o1/cancel', 'customer'],
    ['POST', '/api/webhooks/stripe', 'public'],
    ['GET', '/api/store', 'public'],
    ['PUT', '/api/store', undefined],
    ['POST', '/api/admin/store/pause', 'admin'],
    ['DELETE', '/api/admin/store/pause', 'admin'],
    ['GET', '/api/payments/config', 'public'],
    ['GET', '/api/products/availability', 'public'],
    ['GET', '/api/products/availability/stream', 'public'],
    ['POST', '/api/products/availability/stream', undefined],
    ['GET', '/api/unknown', undefined],
  ])('gives %s %s the policy %s', (method, path, access) => {
    expect(policyFor(method, path)?.access).toBe(access);
    // Every route with a policy must also have an owner to be proxied to.
    if (access) expect(resolveService(path)).toBeDefined();
  });
});

describe(decide.name, () => {
  it.each([
    ['public', undefined, 'allow'],
    ['public', 'customer', 'allow'],
    ['customer', undefined, 'unauthenticated'],
    ['customer', 'customer', 'allow'],
    ['customer', 'admin', 'allow'],
    ['customer', 'courier', 'forbidden'],
    ['admin', undefined, 'unauthenticated'],
    ['admin', 'customer', 'forbidden'],
    ['admin', 'admin', 'allow'],
  ] as const)('decides %s for role %s: %s', (access, role, decision) => {
    expect(decide(access, role)).toBe(decision);
  });
});
