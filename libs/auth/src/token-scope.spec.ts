import { orderScope, scopeAllowsRequest, scopedOrderId } from './token-scope';

const ORDER = '0b6d7c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e';
const OTHER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const scope = `order:${ORDER}`;

describe(scopeAllowsRequest.name, () => {
  it.each([
    ['GET', `/api/orders/${ORDER}`, true],
    ['HEAD', `/api/orders/${ORDER}`, true],
    ['get', `/api/orders/${ORDER}/`, true],
    ['GET', `/api/orders/${ORDER}/payment`, true],
    ['GET', `/api/orders/${ORDER}/stream`, true],
    ['GET', `/api/orders/${ORDER}/stream?access_token=x&lastEventId=3`, true],
    ['POST', `/api/orders/${ORDER}/cancel`, true],
    ['POST', `/api/orders/${ORDER}`, false],
    ['DELETE', `/api/orders/${ORDER}`, false],
    ['GET', `/api/orders/${ORDER}/cancel`, false],
    ['POST', `/api/orders/${ORDER}/payment`, false],
    ['GET', `/api/orders/${ORDER}/refunds`, false],
    ['GET', `/api/orders/${ORDER}/payment/extra`, false],
    ['GET', `/api/orders/${OTHER}`, false],
    ['GET', `/api/orders/${ORDER.toUpperCase()}`, false],
    ['GET', `/api/orders/${ORDER}x`, false],
    ['GET', '/api/orders', false],
    ['POST', '/api/orders', false],
    ['GET', '/api/users/me', false],
    ['POST', '/api/auth/refresh', false],
    ['POST', '/api/auth/order-links', false],
    ['GET', `/api/admin/orders/${ORDER}`, false],
    ['GET', `/api/orders/${ORDER}/../${OTHER}`, false],
    ['GET', `/api/orders/%2e%2e/${ORDER}`, false],
    ['GET', `/api/products/${ORDER}`, false],
  ])('a token for one order may call %s %s: %s', (method, path, expected) => {
    expect(scopeAllowsRequest(scope, method, path)).toBe(expected);
  });

  it.each(['', 'order:', 'order:not-a-uuid', `orders:${ORDER}`, `ORDER:${ORDER}`, `product:${ORDER}`, 'admin'])('allows nothing for the unknown scope %j', (unknown) => {
    expect(scopeAllowsRequest(unknown, 'GET', `/api/orders/${ORDER}`)).toBe(false);
  });
});

describe(orderScope.name, () => {
  it('names the order in lower case', () => {
    expect(orderScope(ORDER.toUpperCase())).toBe(scope);
  });

  it.each(['', 'abc', `${ORDER}/cancel`, '../x'])('refuses %j, which is no order id', (id) => {
    expect(() => orderScope(id)).toThrow();
  });
});

describe(scopedOrderId.name, () => {
  it.each([
    [scope, ORDER],
    ['order:nope', undefined],
    ['cart:1', undefined],
  ])('reads %j as %j', (value, expected) => {
    expect(scopedOrderId(value)).toBe(expected);
  });
});
