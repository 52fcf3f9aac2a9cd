import { IsInt, Matches, Max, Min } from 'class-validator';
import { loadConfig, VerifierConfig } from '@galley/config';

/** The orders service's own settings, read from the same environment as its ServiceConfig. */
export class OrdersConfig extends VerifierConfig {
  /** The one store currency (ISO 4217): totals are in it, like every catalog price. */
  @Matches(/^[A-Z]{3}$/, { message: 'GALLEY_CURRENCY must be an ISO 4217 code such as USD' })
  GALLEY_CURRENCY: string = 'USD';

  /** How long an Idempotency-Key of POST /api/orders is remembered. */
  @IsInt()
  @Min(60)
  @Max(30 * 24 * 3600)
  IDEMPOTENCY_KEY_TTL_SECONDS: number = 24 * 3600;
}

export function loadOrdersConfig(env: NodeJS.ProcessEnv): OrdersConfig {
  return loadConfig(OrdersConfig, {
    GALLEY_CURRENCY: env.GALLEY_CURRENCY,
    IDEMPOTENCY_KEY_TTL_SECONDS: env.IDEMPOTENCY_KEY_TTL_SECONDS,
    JWT_JWKS_URL: env.JWT_JWKS_URL,
    JWT_PUBLIC_KEYS: env.JWT_PUBLIC_KEYS,
    JWT_JWKS_CACHE_SECONDS: env.JWT_JWKS_CACHE_SECONDS,
  });
}

/** Injection token of the orders service's `OrdersConfig`. */
export const ORDERS_CONFIG = Symbol('ORDERS_CONFIG');
