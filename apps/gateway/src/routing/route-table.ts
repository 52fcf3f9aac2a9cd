import { ServiceName } from '@galley/config';

export interface Route {
  /** Matched against the path without the query string. */
  pattern: RegExp;
  service: ServiceName;
}

/**
 * Which service owns each public path. Order matters: the more specific nested resources
 * (a product's reviews, an order's payment) come before their parents' prefixes.
 */
export const ROUTE_TABLE: readonly Route[] = [
  // Each service lists and replays its own dead letters.
  { pattern: /^\/api\/admin\/dead-letters\/users(\/|$)/, service: 'users' },
  { pattern: /^\/api\/admin\/dead-letters\/inventory(\/|$)/, service: 'inventory' },
  { pattern: /^\/api\/admin\/dead-letters\/orders(\/|$)/, service: 'orders' },
  { pattern: /^\/api\/admin\/dead-letters\/payments(\/|$)/, service: 'payments' },
  { pattern: /^\/api\/admin\/dead-letters\/reviews(\/|$)/, service: 'reviews' },
  { pattern: /^\/api\/products\/[^/]+\/(reviews|rating)(\/|$)/, service: 'reviews' },
  { pattern: /^\/api\/admin\/products\/[^/]+\/review-insights$/, service: 'reviews' },
  { pattern: /^\/api\/admin\/(reviews|text)(\/|$)/, service: 'reviews' },
  { pattern: /^\/api\/reviews(\/|$)/, service: 'reviews' },
  { pattern: /^\/api\/orders\/[^/]+\/payment$/, service: 'payments' },
  { pattern: /^\/api\/admin\/orders\/[^/]+\/refund$/, service: 'payments' },
  { pattern: /^\/api\/(webhooks|payments)(\/|$)/, service: 'payments' },
  { pattern: /^\/api\/(orders|admin\/orders|admin\/store|store)(\/|$)/, service: 'orders' },
  { pattern: /^\/api\/(auth|users|admin\/users)(\/|$)/, service: 'users' },
  { pattern: /^\/\.well-known\/jwks\.json$/, service: 'users' },
  { pattern: /^\/api\/(products|categories|images|admin\/products|admin\/categories|admin\/inventory|admin\/search)(\/|$)/, service: 'inventory' },
];

export function resolveService(path: string, table: readonly Route[] = ROUTE_TABLE): ServiceName | undefined {
  const bare = path.split('?', 1)[0];
  return table.find((route) => route.pattern.test(bare))?.service;
}
