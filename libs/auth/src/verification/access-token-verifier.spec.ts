import { generateKeyPairSync } from 'node:crypto';
import { base64url, SignJWT, UnsecuredJWT } from 'jose';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, AuthenticatedUser } from '../access-token';
import { AccessTokenIssuer } from '../signing/access-token-issuer';
import { generateSigningJwk, parseSigningKey, SigningKey } from '../signing/signing-key';
import { createLocalVerifier, InvalidAccessTokenError, parsePublicKeySet, verifierFromSettings } from './access-token-verifier';

const alice: AuthenticatedUser = { id: '6f1c2a8e-4b7d-4e4f-9a51-0c2b3d4e5f60', email: 'alice@example.com', role: 'customer' };
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function newKey(): Promise<SigningKey> {
  return parseSigningKey(JSON.stringify(await generateSigningJwk()));
}

/** A token signed with `key` whose claims and header can be bent for one case. */
async function forge(
  key: SigningKey,
  changes: { claims?: Record<string, unknown>; header?: Record<string, unknown>; iss?: string; aud?: string; exp?: number; sub?: string | null } = {},
): Promise<string> {
  const jwt = new SignJWT({ role: 'customer', email: alice.email, ...changes.claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'at+jwt', ...changes.header })
    .setIssuer(changes.iss ?? ACCESS_TOKEN_ISSUER)
    .setAudience(changes.aud ?? ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(changes.exp ?? nowSeconds() + 600);
  if (changes.sub !== null) jwt.setSubject(changes.sub ?? alice.id);
  return jwt.sign(key.privateKey);
}

describe('createLocalVerifier', () => {
  let key: SigningKey;
  let sut: ReturnType<typeof createLocalVerifier>;

  beforeAll(async () => {
    key = await newKey();
    sut = createLocalVerifier(new AccessTokenIssuer(key, 900).jwks());
  });

  it('returns the caller when the token was issued with the key', async () => {
    const { accessToken } = await new AccessTokenIssuer(key, 900).issue(alice);
    await expect(sut.verify(accessToken)).resolves.toEqual(alice);
  });

  it('rejects an unsigned token (alg none)', async () => {
    const token = new UnsecuredJWT({ role: 'admin', email: alice.email })
      .setSubject(alice.id)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .encode();
    await expect(sut.verify(token)).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });

  it('rejects an HMAC token keyed with the public key (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(key.publicJwk));
    const token = await new SignJWT({ role: 'admin', email: alice.email })
      .setProtectedHeader({ alg: 'HS256', kid: key.kid, typ: 'at+jwt' })
      .setSubject(alice.id)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(secret);
    await expect(sut.verify(token)).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });

  it('rejects a token signed by another key under the same kid', async () => {
    const other = await newKey();
    await expect(sut.verify(await forge({ ...other, kid: key.kid }))).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });

  it('rejects a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await forge(key)).split('.');
    const payload = base64url.encode(
      JSON.stringify({ sub: alice.id, role: 'admin', email: alice.email, iss: ACCESS_TOKEN_ISSUER, aud: ACCESS_TOKEN_AUDIENCE, iat: nowSeconds(), exp: nowSeconds() + 600 }),
    );
    await expect(sut.verify(`${header}.${payload}.${signature}`)).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });

  it.each<[string, Parameters<typeof forge>[1]]>([
    ['expired', { exp: nowSeconds() - 60 }],
    ['for another audience', { aud: 'someone-else' }],
    ['from another issuer', { iss: 'not-galley' }],
    ['without the access-token type', { header: { typ: 'JWT' } }],
    ['with an unknown role', { claims: { role: 'root' } }],
    ['without an email', { claims: { email: undefined } }],
    ['without a subject', { sub: null }],
  ])('rejects a token %s', async (_case, changes) => {
    await expect(sut.verify(await forge(key, changes))).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });

  it('returns the session a token was issued for, and ignores a session claim it cannot use', async () => {
    const session = { ...alice, sessionId: '0c9d8e7f-1a2b-4c3d-9e8f-7a6b5c4d3e2f' };
    await expect(sut.verify((await new AccessTokenIssuer(key, 900).issue(session)).accessToken)).resolves.toEqual(session);
    await expect(sut.verify(await forge(key, { claims: { sid: 42 } }))).resolves.toEqual(alice);
    await expect(sut.verify(await forge(key, { claims: { sid: 'x'.repeat(65) } }))).resolves.toEqual(alice);
  });

  it('returns a guest without an email, and the scope of a restricted token', async () => {
    const guest: AuthenticatedUser = { id: alice.id, email: null, role: 'customer', guest: true };
    const issuer = new AccessTokenIssuer(key, 900);
    await expect(sut.verify((await issuer.issue(guest)).accessToken)).resolves.toEqual(guest);
    const scoped = await issuer.issueScoped({ ...alice, role: 'admin' }, 'order:0b6d7c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e', 60);
    await expect(sut.verify(scoped.token)).resolves.toEqual({ ...alice, role: 'customer', scope: 'order:0b6d7c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e' });
    expect(scoped.expiresAt.getTime() / 1000).toBeCloseTo(nowSeconds() + 60, -1);
  });

  it.each<[string, Parameters<typeof forge>[1]]>([
    ['without an email that is not a guest', { claims: { email: undefined, guest: false } }],
    ['with a guest claim that is not true', { claims: { guest: 'yes' } }],
    ['with an empty scope', { claims: { scope: '' } }],
    ['with a scope that is not a string', { claims: { scope: ['order:x'] } }],
  ])('rejects a token %s', async (_case, changes) => {
    await expect(sut.verify(await forge(key, changes))).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });

  it.each(['', 'garbage', 'a.b.c', 'eyJhbGciOiJFZERTQSJ9..', '.'.repeat(3), 'x'.repeat(5000)])('rejects the malformed token %j', async (token) => {
    await expect(sut.verify(token)).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });

  it('accepts a token of a retired key while the key set still holds it', async () => {
    const retired = await newKey();
    const current = await newKey();
    const token = (await new AccessTokenIssuer(retired, 900).issue(alice)).accessToken;
    const rotated = new AccessTokenIssuer(current, 900, [retired.publicJwk]);
    await expect(createLocalVerifier(rotated.jwks()).verify(token)).resolves.toEqual(alice);
    await expect(createLocalVerifier(new AccessTokenIssuer(current, 900).jwks()).verify(token)).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });
});

describe(parsePublicKeySet.name, () => {
  it('keeps the public parts of Ed25519 keys', async () => {
    const key = await newKey();
    expect(parsePublicKeySet(JSON.stringify({ keys: [key.publicJwk] })).keys).toEqual([key.publicJwk]);
  });

  it.each([
    ['not JSON', 'nope'],
    ['no keys array', '{"key": []}'],
    ['an RSA key', JSON.stringify({ keys: [generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' })] })],
  ])('refuses %s', (_case, text) => {
    expect(() => parsePublicKeySet(text)).toThrow();
  });

  it('refuses a key with its private part', () => {
    expect(() => parsePublicKeySet(JSON.stringify({ keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'x', d: 'd', kid: 'k' }] }))).toThrow(/private/);
  });
});

describe(verifierFromSettings.name, () => {
  it('uses the inline keys when no JWKS URL is set', async () => {
    const key = await newKey();
    const sut = verifierFromSettings({ JWT_PUBLIC_KEYS: JSON.stringify({ keys: [key.publicJwk] }), JWT_JWKS_CACHE_SECONDS: 60 });
    await expect(sut.verify((await new AccessTokenIssuer(key, 60).issue(alice)).accessToken)).resolves.toEqual(alice);
  });

  it('refuses to build a verifier without any keys', () => {
    expect(() => verifierFromSettings({ JWT_JWKS_CACHE_SECONDS: 60 })).toThrow(/JWT_JWKS_URL/);
  });
});
