import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { DEFAULT_PORTS } from './services';

/**
 * How a service other than users finds the public keys that verify access tokens: the users
 * service's JWKS URL (fetched and cached), or the keys inline. Service config classes extend it.
 */
export class VerifierConfig {
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  JWT_JWKS_URL?: string;

  /** Inline public keys (a JWKS) instead of fetching them, e.g. in tests. */
  @IsOptional()
  @IsString()
  @Matches(/^\s*\{[\s\S]*"keys"[\s\S]*\}\s*$/, { message: 'JWT_PUBLIC_KEYS must be a JWKS: {"keys": [...]}' })
  JWT_PUBLIC_KEYS?: string;

  /** How long fetched keys are used before they are fetched again. */
  @IsInt()
  @Min(1)
  @Max(86400)
  JWT_JWKS_CACHE_SECONDS: number = 600;
}

/**
 * Where a verifying service gets its keys: JWT_JWKS_URL, else the inline JWT_PUBLIC_KEYS, else the users service on
 * this host (the default of `npm start`).
 */
export function verifierSettingsOf(config: VerifierConfig): { JWT_JWKS_URL?: string; JWT_PUBLIC_KEYS?: string; JWT_JWKS_CACHE_SECONDS: number } {
  const fallback = config.JWT_PUBLIC_KEYS ? undefined : `http://127.0.0.1:${DEFAULT_PORTS.users}/.well-known/jwks.json`;
  return { JWT_JWKS_URL: config.JWT_JWKS_URL ?? fallback, JWT_PUBLIC_KEYS: config.JWT_PUBLIC_KEYS, JWT_JWKS_CACHE_SECONDS: config.JWT_JWKS_CACHE_SECONDS };
}
