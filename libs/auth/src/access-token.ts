import { Role } from './roles';

/** Fixed claims of every Galley access token. */
export const ACCESS_TOKEN_ISSUER = 'galley';
export const ACCESS_TOKEN_AUDIENCE = 'galley-api';
/** Ed25519 signatures; nothing else is accepted (no `none`, no HMAC, no RSA). */
export const ACCESS_TOKEN_ALGORITHM = 'EdDSA';
/** RFC 9068 access-token type, so no other JWT of the same issuer passes as an access token. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** Who is calling, as proven by a verified access token. */
export interface AuthenticatedUser {
  id: string;
  /** Null only for a guest account that gave no email. */
  email: string | null;
  role: Role;
  /** Present (true) for a guest account: no password, created at checkout. */
  guest?: true;
  /**
   * Present on a restricted token (an order tracking link, `order:<id>`): it is accepted only on
   * the routes of that one order (see `scopeAllowsRequest`).
   */
  scope?: string;
  /**
   * The sign-in (refresh token family) the token was issued for (claim `sid`): the gateway ends
   * live streams of a session when users announces it revoked (`session.revoked`).
   */
  sessionId?: string;
}

/** A public JSON Web Key as served in the JWKS. */
export interface PublicJwk {
  kty: string;
  crv?: string;
  x?: string;
  kid?: string;
  alg?: string;
  use?: string;
  [parameter: string]: unknown;
}

export interface JsonWebKeySet {
  keys: PublicJwk[];
}
