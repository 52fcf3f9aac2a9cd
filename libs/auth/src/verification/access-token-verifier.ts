import { LRUCache } from 'lru-cache';
import { createLocalJWKSet, createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, ACCESS_TOKEN_TYPE, AuthenticatedUser, JsonWebKeySet, PublicJwk } from '../access-token';
import { isRole } from '../roles';

/** The token is not a valid Galley access token (malformed, forged, expired, wrong audience…). */
export class InvalidAccessTokenError extends Error {
  constructor(readonly reason: string) {
    super(`invalid access token: ${reason}`);
    this.name = 'InvalidAccessTokenError';
  }
}

/** The keys could not be fetched, so no token can be checked right now (not the caller's fault). */
export class VerificationKeysUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`access token keys unavailable: ${reason}`);
    this.name = 'VerificationKeysUnavailableError';
  }
}

export interface AccessTokenVerifier {
  /** The caller the token proves, or an `InvalidAccessTokenError`. */
  verify(token: string): Promise<AuthenticatedUser>;
}

/** A verifier's key cache, for readiness: whether keys to verify with are held. */
export interface VerificationKeyCache {
  /** A remote set that holds none yet tries to fetch them once. */
  hasKeys(): Promise<boolean>;
}

/** Leeway for clocks that differ a little between the issuer and a verifier. */
const CLOCK_TOLERANCE_SECONDS = 5;
/** Any longer string is not one of ours; refuse before parsing it. */
const MAX_TOKEN_LENGTH = 4096;

/** Tokens already verified, until they expire: an access token is not revoked before then anyway. */
const VERIFIED_CACHE_SIZE = 10_000;

type RemoteKeySet = ReturnType<typeof createRemoteJWKSet>;

class JoseAccessTokenVerifier implements AccessTokenVerifier, VerificationKeyCache {
  // A signature check costs far more than the rest of a cheap read; clients reuse a token for minutes.
  private readonly verified = new LRUCache<string, AuthenticatedUser>({ max: VERIFIED_CACHE_SIZE });

  constructor(
    private readonly keys: JWTVerifyGetKey,
    /** Whether keys are fetched over the network (only then can a failure be the keys' fault). */
    private readonly remote: boolean,
  ) {}

  async hasKeys(): Promise<boolean> {
    const remote = this.keys as Partial<RemoteKeySet>;
    if (!this.remote || typeof remote.jwks !== 'function') return true;
    if (remote.jwks()) return true;
    // Stale keys still count (jose keeps them); only a set never fetched has none.
    return remote.reload!().then(
      () => !!remote.jwks!(),
      () => false,
    );
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw new InvalidAccessTokenError('malformed');
    const known = this.verified.get(token);
    if (known) return known;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        typ: ACCESS_TOKEN_TYPE,
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw this.remote ? classifyRemote(error) : new InvalidAccessTokenError(error instanceof errors.JOSEError ? error.code : 'malformed');
    }
    const { sub, role, email, guest, scope, sid } = payload as JWTPayload & { role?: unknown; email?: unknown; guest?: unknown; scope?: unknown; sid?: unknown };
    if (typeof sub !== 'string' || sub.length === 0) throw new InvalidAccessTokenError('no subject');
    if (!isRole(role)) throw new InvalidAccessTokenError('unknown role');
    if (guest !== undefined && guest !== true) throw new InvalidAccessTokenError('bad guest claim');
    // Only a guest may lack an email.
    if (!(guest === true && email === undefined) && (typeof email !== 'string' || email.length === 0)) throw new InvalidAccessTokenError('no email');
    if (scope !== undefined && (typeof scope !== 'string' || scope.length === 0)) throw new InvalidAccessTokenError('bad scope');
    const user: AuthenticatedUser = { id: sub, email: typeof email === 'string' ? email : null, role };
    if (guest === true) user.guest = true;
    if (typeof scope === 'string') user.scope = scope;
    // The session is informational (ending live streams); a token without a usable one is still valid.
    if (typeof sid === 'string' && sid.length > 0 && sid.length <= 64) user.sessionId = sid;
    const ttl = (payload.exp ?? 0) * 1000 - Date.now();
    if (ttl > 0) this.verified.set(token, user, { ttl });
    return user;
  }
}

/** With a remote key set, a failure is the token's fault unless fetching the keys failed. */
function classifyRemote(error: unknown): Error {
  // JWKSTimeout, a JWKS that is not one, and the generic error jose raises for a non-200 answer.
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC')) {
    return new VerificationKeysUnavailableError(error.code);
  }
  if (error instanceof errors.JOSEError) return new InvalidAccessTokenError(error.code);
  // jose throws TypeError for input that is not a JWS at all; network failures of the JWKS fetch
  // surface as other errors (ECONNREFUSED and the like).
  if (error instanceof TypeError) return new InvalidAccessTokenError('malformed');
  return new VerificationKeysUnavailableError(error instanceof Error ? error.message : 'unknown');
}

/** Verifies against keys held in memory (the users service's own keys, or keys from configuration). */
export function createLocalVerifier(jwks: JsonWebKeySet): AccessTokenVerifier {
  return new JoseAccessTokenVerifier(createLocalJWKSet({ keys: jwks.keys.map((jwk) => ({ ...jwk })) }), false);
}

export interface RemoteVerifierOptions {
  /** How long fetched keys are used before they are fetched again. */
  cacheMaxAgeMs?: number;
  /** Minimum time between two fetches (an unknown `kid` triggers one). */
  cooldownMs?: number;
  timeoutMs?: number;
}

/** Verifies against the issuer's JWKS endpoint, fetched lazily and cached (jose's createRemoteJWKSet). */
export function createRemoteVerifier(url: string | URL, options: RemoteVerifierOptions = {}): AccessTokenVerifier & VerificationKeyCache {
  return new JoseAccessTokenVerifier(
    createRemoteJWKSet(new URL(url), {
      cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
      cooldownDuration: options.cooldownMs ?? 30_000,
      timeoutDuration: options.timeoutMs ?? 5_000,
    }),
    true,
  );
}

/**
 * Reads a JWKS given as text (e.g. JWT_PUBLIC_KEYS). Only public Ed25519 keys are accepted: a key
 * with a private part is refused so that a secret never ends up published by mistake.
 */
export function parsePublicKeySet(text: string): JsonWebKeySet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('the public key set is not JSON');
  }
  const keys = (parsed as { keys?: unknown })?.keys;
  if (!Array.isArray(keys)) throw new Error('the public key set must be a JWKS: {"keys": [...]}');
  return {
    keys: keys.map((key: unknown, index) => {
      const jwk = key as PublicJwk & { d?: unknown };
      if (typeof jwk !== 'object' || jwk === null || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
        throw new Error(`key ${index} is not an Ed25519 public key (kty OKP, crv Ed25519, x)`);
      }
      if ('d' in jwk) throw new Error(`key ${index} holds a private part (d); publish public keys only`);
      if (typeof jwk.kid !== 'string' || jwk.kid.length === 0) throw new Error(`key ${index} has no kid`);
      return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid: jwk.kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' };
    }),
  };
}

export interface VerifierSettings {
  JWT_JWKS_URL?: string;
  JWT_PUBLIC_KEYS?: string;
  JWT_JWKS_CACHE_SECONDS: number;
}

/** A verifier for a service other than users: its JWKS URL, else the keys given inline. */
export function verifierFromSettings(settings: VerifierSettings): AccessTokenVerifier {
  if (settings.JWT_JWKS_URL) {
    return createRemoteVerifier(settings.JWT_JWKS_URL, { cacheMaxAgeMs: settings.JWT_JWKS_CACHE_SECONDS * 1000 });
  }
  if (settings.JWT_PUBLIC_KEYS) return createLocalVerifier(parsePublicKeySet(settings.JWT_PUBLIC_KEYS));
  throw new Error('no access token keys: set JWT_JWKS_URL (or JWT_PUBLIC_KEYS)');
}
