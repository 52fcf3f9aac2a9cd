import { resolveService } from './route-table';

describe(resolveService.name, () => {
  it.each([
    ['/api/auth/login', 'users'],
    ['/api/users/me/addresses', 'users'],
    ['/.well-known/jwks.json', 'users'],
    ['/api/admin/users?limit=5', 'users'],
    ['/api/products', 'inventory'],
    ['/api/products?q=pizza&limit=5', 'inventory'],
    ['/api/products/6d1f/reviews', 'reviews'],
    ['/api/products/6d1f/rating', 'reviews'],
    ['/api/categories', 'inventory'],
    ['/api/admin/inventory/6d1f/adjustments', 'inventory'],
    ['/api/admin/products/6d1f/review-insights', 'reviews'],
    ['/api/admin/products/6d1f', 'inventory'],
    ['/api/admin/search/synonyms/6d1f', 'inventory'],
    ['/api/admin/text/analyze', 'reviews'],
    ['/api/reviews/r1/helpful', 'reviews'],
    ['/api/orders', 'orders'],
    ['/api/orders/6d1f/cancel', 'orders'],
    ['/api/orders/6d1f/payment', 'payments'],
    ['/api/admin/orders/6d1f/refund', 'payments'],
    ['/api/admin/orders/6d1f/status', 'orders'],
    ['/api/admin/store', 'orders'],
    ['/api/webhooks/stripe', 'payments'],
    ['/api/payments/dev/simulate', 'payments'],
  ])('sends %s to %s', (path, service) => {
    expect(resolveService(path)).toBe(service);
  });

  it.each(['/api', '/api/', '/api/productsx', '/api/unknown', '/health/ready', '/api/ordersx/1'])('owns no service for %s', (path) => {
    expect(resolveService(path)).toBeUndefined();
  });
});
