/**
 * Who may call each public route. `public`: anyone; `customer`: any signed-in account (an admin
 * is a customer too); `admin`: staff only. A path with no policy is refused (404): a new route
 * is unreachable until it is given one here, and the authorization matrix test says so.
 */
export type Access = 'public' | 'customer' | 'admin';

export interface RoutePolicy {
  methods: readonly string[] | '*';
  pattern: RegExp;
  access: Access;
}

const ID = '[^/]+';
const route = (methods: RoutePolicy['methods'], path: string, access: Access): RoutePolicy => ({
  methods,
  pattern: new RegExp(`^${path}$`),
  access,
});

export const ROUTE_POLICIES: readonly RoutePolicy[] = [
  // Staff: everything under /api/admin.
  route('*', '/api/admin/.+', 'admin'),
  // Accounts.
  route(['POST'], '/api/auth/(register|login|guest|refresh|logout)', 'public'),
  route(['POST'], '/api/auth/order-links', 'customer'),
  route(['GET'], '/\\.well-known/jwks\\.json', 'public'),
  route('*', '/api/users/me(/.*)?', 'customer'),
  // Catalog reads are public; reviews are written by signed-in buyers.
  route(['GET'], '/api/categories', 'public'),
  route(['GET'], '/api/products', 'public'),
  // Live availability (the gateway's own SSE stream) and its snapshot; /availability itself matches the next line.
  route(['GET'], '/api/products/availability/stream', 'public'),
  route(['GET'], `/api/products/${ID}`, 'public'),
  route(['GET'], `/api/products/${ID}/(reviews|rating)`, 'public'),
  route(['GET'], '/api/images/.+', 'public'),
  route(['POST'], `/api/products/${ID}/reviews`, 'customer'),
  route('*', `/api/reviews/${ID}(/.*)?`, 'customer'),
  // Orders and payments.
  route(['GET', 'POST'], '/api/orders', 'customer'),
  route(['GET'], `/api/orders/${ID}`, 'customer'),
  route(['GET'], `/api/orders/${ID}/(payment|stream)`, 'customer'),
  route(['POST'], `/api/orders/${ID}/cancel`, 'customer'),
  // Single-use tickets for the live streams (the gateway's own route; an order link's token may ask too).
  route(['POST'], '/api/stream-tickets', 'customer'),
  route(['POST'], '/api/payments/dev/simulate', 'customer'),
  route(['GET'], '/api/payments/config', 'public'),
  // The store's public face: name, hours, open now, taking orders.
  route(['GET'], '/api/store', 'public'),
  // Stripe authenticates itself with the webhook signature, checked by payments.
  route(['POST'], '/api/webhooks/stripe', 'public'),
];

/** The policy of a request, or undefined when no route of that method and path exists. */
export function policyFor(method: string, path: string, policies: readonly RoutePolicy[] = ROUTE_POLICIES): RoutePolicy | undefined {
  const bare = path.split('?', 1)[0];
  const verb = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return policies.find((policy) => (policy.methods === '*' || policy.methods.includes(verb)) && policy.pattern.test(bare));
}

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

/** The decision for a caller with `role` (undefined when anonymous or the token was invalid). */
export function decide(access: Access, role: string | undefined): AccessDecision {
  switch (access) {
    case 'public':
      return 'allow';
    case 'customer':
      if (!role) return 'unauthenticated';
      return role === 'customer' || role === 'admin' ? 'allow' : 'forbidden';
    case 'admin':
      if (!role) return 'unauthenticated';
      return role === 'admin' ? 'allow' : 'forbidden';
  }
}
