import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  ACCESS_TOKEN_TYPE,
  AuthenticatedUser,
  JsonWebKeySet,
  PublicJwk,
} from '../access-token';
import { SigningKey } from './signing-key';

export interface IssuedAccessToken {
  accessToken: string;
  /** Seconds until it expires. */
  expiresIn: number;
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
    const issuedAt = Math.floor(this.now() / 1000);
    const accessToken = await new SignJWT({ role: user.role, email: user.email })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: this.key.kid, typ: ACCESS_TOKEN_TYPE })
      .setSubject(user.id)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.ttlSeconds)
      .setJti(randomUUID())
      .sign(this.key.privateKey);
    return { accessToken, expiresIn: this.ttlSeconds };
  }

  /** The public keys, as served at `/.well-known/jwks.json`. */
  jwks(): JsonWebKeySet {
    return { keys: this.published.keys.map((jwk) => ({ ...jwk })) };
  }
}
