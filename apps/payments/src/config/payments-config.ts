import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import { loadConfig, VerifierConfig } from '@galley/config';

/** The webhook secret used outside production when none is configured (never valid at Stripe). */
export const DEVELOPMENT_WEBHOOK_SECRET = 'whsec_galley_development_only';

/** The payments service's own settings, read from the same environment as its ServiceConfig. */
export class PaymentsConfig extends VerifierConfig {
  /** Copied from the service settings: the simulation endpoint and the secret default depend on it. */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** The one store currency (ISO 4217): intents, refunds and the ledger are in it. */
  @Matches(/^[A-Z]{3}$/, { message: 'GALLEY_CURRENCY must be an ISO 4217 code such as USD' })
  GALLEY_CURRENCY: string = 'USD';

  /** Set: the official Stripe SDK talks to Stripe. Unset: the simulated provider (local intents). */
  @IsOptional()
  @Matches(/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, { message: 'STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_…, sk_live_… or rk_…)' })
  STRIPE_SECRET_KEY?: string;

  /** Stripe's publishable key (`pk_…`) the storefront's card form needs; served by GET /api/payments/config. */
  @IsOptional()
  @Matches(/^pk_(test|live)_[A-Za-z0-9_]+$/, { message: 'STRIPE_PUBLISHABLE_KEY must be a Stripe publishable key (pk_test_… or pk_live_…)' })
  STRIPE_PUBLISHABLE_KEY?: string;

  /** Signs webhook events (`whsec_…`); required in production, a fixed development value otherwise. */
  @ValidateIf((config: PaymentsConfig) => config.NODE_ENV === 'production' || config.STRIPE_WEBHOOK_SECRET !== undefined)
  @IsString({ message: 'STRIPE_WEBHOOK_SECRET is required in production' })
  @Matches(/^whsec_[A-Za-z0-9_]+$/, { message: 'STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…)' })
  STRIPE_WEBHOOK_SECRET?: string;

  /** Where the SDK sends API calls (tests point it at a local stand-in); Stripe's own host when unset. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9.-]+$/, { message: 'STRIPE_API_HOST must be a host name without scheme or port' })
  STRIPE_API_HOST?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  STRIPE_API_PORT?: number;

  @IsOptional()
  @IsIn(['http', 'https'])
  STRIPE_API_PROTOCOL?: 'http' | 'https';

  /** The SDK retries network errors and 5xx/409 answers this many times (with the same idempotency key). */
  @IsInt()
  @Min(0)
  @Max(10)
  STRIPE_MAX_NETWORK_RETRIES: number = 2;

  /** Per-request timeout of Stripe API calls. */
  @IsInt()
  @Min(1000)
  @Max(120_000)
  STRIPE_TIMEOUT_MS: number = 20_000;
}

/** The secret webhooks are verified (and dev simulations signed) with. */
export function webhookSecretOf(config: PaymentsConfig): string {
  return config.STRIPE_WEBHOOK_SECRET ?? DEVELOPMENT_WEBHOOK_SECRET;
}

export function loadPaymentsConfig(env: NodeJS.ProcessEnv): PaymentsConfig {
  return loadConfig(PaymentsConfig, {
    NODE_ENV: env.NODE_ENV,
    GALLEY_CURRENCY: env.GALLEY_CURRENCY,
    STRIPE_SECRET_KEY: env.STRIPE_SECRET_KEY,
    STRIPE_PUBLISHABLE_KEY: env.STRIPE_PUBLISHABLE_KEY,
    STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET,
    STRIPE_API_HOST: env.STRIPE_API_HOST,
    STRIPE_API_PORT: env.STRIPE_API_PORT,
    STRIPE_API_PROTOCOL: env.STRIPE_API_PROTOCOL,
    STRIPE_MAX_NETWORK_RETRIES: env.STRIPE_MAX_NETWORK_RETRIES,
    STRIPE_TIMEOUT_MS: env.STRIPE_TIMEOUT_MS,
    JWT_JWKS_URL: env.JWT_JWKS_URL,
    JWT_PUBLIC_KEYS: env.JWT_PUBLIC_KEYS,
    JWT_JWKS_CACHE_SECONDS: env.JWT_JWKS_CACHE_SECONDS,
  });
}
