import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, ACCESS_TOKEN_TYPE, AuthenticatedUser, JsonWebKeySet, PublicJwk } from '../access-token';
import { SigningKey } from './signing-key';

export interface IssuedAccessToken {
  accessToken: string;
  /** Seconds until it expires. */
  expiresIn: number;
}

export interface ScopedToken {
  token: string;
  expiresAt: Date;
}

/** Signs access tokens (users service only) and publishes the keys that verify them. */
export class AccessTokenIssuer {
  private readonly published: JsonWebKeySet;

  constructor(
    private readonly key: SigningKey,
    private readonly ttlSeconds: number,
    /** Retired public keys still accepted during a rotation; published beside the current one. */
    retiredKeys: readonly PublicJwk[] = [],
    private readonly now: () => number = Date.now,
  ) {
    const others = retiredKeys.filter((jwk) => jwk.kid !== key.kid);
    this.published = { keys: [key.publicJwk, ...others] };
  }

  get keyId(): string {
    return this.key.kid;
  }

  async issue(user: AuthenticatedUser): Promise<IssuedAccessToken> {
    const { token } = await this.sign(user, this.ttlSeconds);
    return { accessToken: token, expiresIn: this.ttlSeconds };
  }

  /**
   * A token restricted to `scope` (e.g. `orderScope(id)`), always with the customer role, for
   * `ttlSeconds`: the token of an order tracking link.
   */
  async issueScoped(user: AuthenticatedUser, scope: string, ttlSeconds: number): Promise<ScopedToken> {
    return this.sign({ ...user, role: 'customer', scope }, ttlSeconds);
  }

  private async sign(user: AuthenticatedUser, ttlSeconds: number): Promise<ScopedToken> {
    const issuedAt = Math.floor(this.now() / 1000);
    const claims: Record<string, unknown> = { role: user.role };
    // A guest without an email has no email claim; the guest claim says why.
    if (user.email !== null) claims.email = user.email;
    if (user.guest) claims.guest = true;
    if (user.scope !== undefined) claims.scope = user.scope;
    if (user.sessionId !== undefined) claims.sid = user.sessionId;
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: this.key.kid, typ: ACCESS_TOKEN_TYPE })
      .setSubject(user.id)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds)
      .setJti(randomUUID())
      .sign(this.key.privateKey);
    return { token, expiresAt: new Date((issuedAt + ttlSeconds) * 1000) };
  }

  /** The public keys, as served at `/.well-known/jwks.json`. */
  jwks(): JsonWebKeySet {
    return { keys: this.published.keys.map((jwk) => ({ ...jwk })) };
  }
}
