/** The services behind the gateway, each owning one Postgres schema and one topic. */
export const SERVICE_NAMES = ['users', 'inventory', 'orders', 'payments', 'reviews'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const GATEWAY_NAME = 'gateway';
export type AppName = ServiceName | typeof GATEWAY_NAME;
export const APP_NAMES: readonly AppName[] = [GATEWAY_NAME, ...SERVICE_NAMES];

/** Local development ports; in a cluster every app listens on its own `PORT`. */
export const DEFAULT_PORTS: Readonly<Record<AppName, number>> = {
  gateway: 8080,
  users: 3001,
  inventory: 3002,
  orders: 3003,
  payments: 3004,
  reviews: 3005,
};

/** The login role a service uses; it owns the schema named after the service and nothing else. */
export function databaseRoleFor(service: ServiceName): string {
  return `galley_${service}`;
}

/** The variable that holds the upstream URL of a service, as the gateway reads it. */
export function upstreamUrlVariable(service: ServiceName): string {
  return `${service.toUpperCase()}_URL`;
}
