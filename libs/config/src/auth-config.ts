import { IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { IsAddressList } from './address-setting';
import { loadConfig } from './load-config';
import { VerifierConfig } from './verifier-config';

/** Development-only defaults of the start-up admin account (also in `.env.example`). */
export const DEVELOPMENT_ADMIN = Object.freeze({ email: 'admin@galley.test', password: 'galley-admin-dev' });

/**
 * Access tokens and accounts. The users service signs tokens (it needs the private key); every
 * other service only verifies them, from a JWKS URL or from public keys given inline. Loaded from
 * the same environment map as the service's `ServiceConfig`.
 */
export class AuthConfig extends VerifierConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /**
   * The Ed25519 signing key of the users service: PKCS#8 PEM or a private JWK (JSON). Required in
   * production; elsewhere a key pair is generated once into JWT_KEY_FILE when this is unset.
   */
  @ValidateIf((config: AuthConfig) => config.NODE_ENV === 'production' || config.JWT_PRIVATE_KEY !== undefined)
  @IsString({ message: 'JWT_PRIVATE_KEY is required in production (an Ed25519 key as PKCS#8 PEM or private JWK)' })
  JWT_PRIVATE_KEY?: string;

  /** Where development and test runs keep their generated key pair (git-ignored). */
  @IsString()
  @IsNotEmpty()
  JWT_KEY_FILE: string = '.cache/keys/jwt-dev.json';

  // JWT_JWKS_URL, JWT_PUBLIC_KEYS and JWT_JWKS_CACHE_SECONDS come from VerifierConfig. At the users
  // service JWT_PUBLIC_KEYS holds retired keys still accepted (and published) during a rotation.

  @IsInt()
  @Min(30)
  @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  @IsInt()
  @Min(60)
  @Max(31536000)
  REFRESH_TOKEN_TTL_SECONDS: number = 2592000;

  /** How long an order tracking link (a token scoped to one order) stays valid. */
  @IsInt()
  @Min(60)
  @Max(31536000)
  ORDER_LINK_TTL_SECONDS: number = 2592000;

  /** The admin account created at start-up when missing (development defaults when unset outside production). */
  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @ValidateIf((config: AuthConfig) => config.ADMIN_EMAIL !== undefined || config.ADMIN_PASSWORD !== undefined)
  @IsString()
  @MinLength(10)
  @MaxLength(256)
  ADMIN_PASSWORD?: string;

  /** argon2id cost (OWASP: 19 MiB, 2 iterations, 1 lane). Hashes made with other values are upgraded at login. */
  @IsInt()
  @Min(1024)
  @Max(4194304)
  PASSWORD_HASH_MEMORY_KIB: number = 19456;

  @IsInt()
  @Min(1)
  @Max(20)
  PASSWORD_HASH_ITERATIONS: number = 2;

  @IsInt()
  @Min(1)
  @Max(16)
  PASSWORD_HASH_PARALLELISM: number = 1;

  /** Requests to /api/auth/* per client address and window (per instance). */
  @IsInt()
  @Min(1)
  @Max(1000000)
  AUTH_RATE_LIMIT_PER_ADDRESS: number = 300;

  @IsInt()
  @Min(1)
  @Max(86400)
  AUTH_RATE_LIMIT_WINDOW_SECONDS: number = 60;

  /**
   * Failed logins of an email from one client address within the window before that client is
   * slowed down (429 with Retry-After, a delay that doubles with each further failure).
   */
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_FAILURES_PER_CLIENT: number = 5;

  /**
   * Failed logins of an email from all clients together within the window before every client the
   * account does not know (no device marker from an earlier sign-in) is slowed down the same way.
   */
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_FAILURES_PER_EMAIL: number = 20;

  /** The first delay once the free failures are used up; each further failure doubles it, up to the max. */
  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_SLOWDOWN_BASE_SECONDS: number = 1;

  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_SLOWDOWN_MAX_SECONDS: number = 900;

  /** How long a failed login counts. */
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_FAILURE_WINDOW_SECONDS: number = 900;

  /**
   * Where the gateway's requests come from (addresses, CIDRs or loopback, linklocal, uniquelocal;
   * comma-separated). Exactly one hop is trusted: when the peer is listed, the
   * per-address limits count the right-most X-Forwarded-For entry (the one the gateway sets), never
   * anything further left; any other peer is counted as the client.
   */
  @IsAddressList()
  TRUST_PROXY: string = 'loopback';
}

/** The auth settings of an app, with every bad key named at once (see `loadConfig`). */
export function loadAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  return loadConfig(AuthConfig, env);
}

/** The start-up admin: the configured one, or outside production the development default. */
export function adminAccountOf(config: AuthConfig): { email: string; password: string } | undefined {
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) return { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD };
  return config.NODE_ENV === 'production' ? undefined : { ...DEVELOPMENT_ADMIN };
}
