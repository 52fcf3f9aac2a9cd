/**
 * Restricted access tokens. An order tracking link carries a token scoped to one order
 * (`scope: "order:<id>"`): it proves the caller's identity like an access token, but only for the
 * routes that read, follow or cancel that order. The gateway's edge and every service's guard
 * apply the same rule, so a service reached directly refuses it too.
 */
export const ORDER_SCOPE_PREFIX = 'order:';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The routes of one order a scoped token may call: `[method, path after /api/orders/<id>]`. */
const ORDER_ROUTES: ReadonlyArray<readonly [string, string]> = [
  ['GET', ''],
  ['GET', '/payment'],
  ['GET', '/stream'],
  ['POST', '/cancel'],
];

const ORDER_PATH = /^\/api\/orders\/([^/?]+)(\/[^/?]+)?\/?$/;

/** The scope of a tracking link for `orderId` (a UUID, stored lower-case). */
export function orderScope(orderId: string): string {
  const id = orderId.toLowerCase();
  if (!UUID.test(id)) throw new Error(`not an order id: ${orderId}`);
  return `${ORDER_SCOPE_PREFIX}${id}`;
}

/** The order a scope is restricted to, or undefined when it is no order scope. */
export function scopedOrderId(scope: string): string | undefined {
  if (!scope.startsWith(ORDER_SCOPE_PREFIX)) return undefined;
  const id = scope.slice(ORDER_SCOPE_PREFIX.length);
  return UUID.test(id) ? id : undefined;
}

/**
 * Whether a token with `scope` may make this request. A scope that is not understood allows
 * nothing. `path` may carry a query string; HEAD counts as GET.
 */
export function scopeAllowsRequest(scope: string, method: string, path: string): boolean {
  const orderId = scopedOrderId(scope);
  if (!orderId) return false;
  const match = ORDER_PATH.exec(path.split('?', 1)[0]);
  if (!match || match[1] !== orderId) return false;
  const verb = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  const rest = match[2] ?? '';
  return ORDER_ROUTES.some(([allowedMethod, allowedRest]) => allowedMethod === verb && allowedRest === rest);
}
