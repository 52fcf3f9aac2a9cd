import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { calculateJwkThumbprint } from 'jose';
import { ACCESS_TOKEN_ALGORITHM, PublicJwk } from '../access-token';

/** The private key that signs access tokens, with the public half as it is published. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: PublicJwk;
}

export type SigningKeySource = 'environment' | 'file' | 'generated';

export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

/**
 * Reads an Ed25519 private key given as PKCS#8 PEM (literal `\n` allowed, as env files write it)
 * or as a private JWK. The key id is the JWK's `kid`, else its RFC 7638 thumbprint.
 */
export async function parseSigningKey(text: string): Promise<SigningKey> {
  const trimmed = text.trim();
  let privateKey: KeyObject;
  let givenKid: string | undefined;
  try {
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as { kty?: unknown; crv?: unknown; d?: unknown; x?: unknown; kid?: unknown };
      if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string' || typeof jwk.x !== 'string') {
        throw new SigningKeyError('the JWK must be a private Ed25519 key (kty OKP, crv Ed25519, with d and x)');
      }
      givenKid = typeof jwk.kid === 'string' && jwk.kid ? jwk.kid : undefined;
      privateKey = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: jwk.d, x: jwk.x }, format: 'jwk' });
    } else {
      privateKey = createPrivateKey(trimmed.replace(/\\n/g, '\n'));
    }
  } catch (error) {
    if (error instanceof SigningKeyError) throw error;
    throw new SigningKeyError(`the signing key cannot be read (${error instanceof Error ? error.message : 'unknown format'})`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(`the signing key must be Ed25519, not ${privateKey.asymmetricKeyType ?? 'a symmetric key'}`);
  }
  const { kty, crv, x } = createPublicKey(privateKey).export({ format: 'jwk' });
  const bare = { kty: kty!, crv: crv!, x: x! };
  const kid = givenKid ?? (await calculateJwkThumbprint(bare));
  return { kid, privateKey, publicJwk: { ...bare, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' } };
}

/** A new Ed25519 key as a private JWK (with its thumbprint as `kid`), e.g. for a key file or a secret. */
export interface PrivateSigningJwk {
  kty: string;
  crv: string;
  x: string;
  d: string;
  kid: string;
  alg: string;
  use: string;
}

export async function generateSigningJwk(): Promise<PrivateSigningJwk> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const { kty, crv, x, d } = privateKey.export({ format: 'jwk' });
  const kid = await calculateJwkThumbprint({ kty: kty!, crv: crv!, x: x! });
  return { kty: kty!, crv: crv!, x: x!, d: d!, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' };
}

/**
 * Reads the key file, creating it first when it does not exist (readable by its owner only). Two
 * processes starting at once end up with the same key: the file appears atomically (link), and
 * the one that loses the race reads the winner's.
 */
export async function loadOrCreateKeyFile(path: string): Promise<{ key: SigningKey; created: boolean }> {
  const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing !== undefined) return { key: await parseSigningKey(existing), created: false };

  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(await generateSigningJwk(), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(temporary, 0o600);
  let created = true;
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    created = false;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  return { key: await parseSigningKey(await readFile(path, 'utf8')), created };
}

export interface SigningKeyOptions {
  /** The key from the environment (PEM or JWK); wins when set. */
  privateKey?: string;
  /** The development key file, relative to `cwd`. */
  keyFile: string;
  /** Whether a missing key may come from (or be generated into) the key file: never in production. */
  allowKeyFile: boolean;
  cwd?: string;
}

/** The signing key of the users service: from the environment, or outside production from the key file. */
export async function resolveSigningKey(options: SigningKeyOptions): Promise<{ key: SigningKey; source: SigningKeySource }> {
  if (options.privateKey) return { key: await parseSigningKey(options.privateKey), source: 'environment' };
  if (!options.allowKeyFile) throw new SigningKeyError('no signing key: set JWT_PRIVATE_KEY');
  const { key, created } = await loadOrCreateKeyFile(resolve(options.cwd ?? process.cwd(), options.keyFile));
  return { key, source: created ? 'generated' : 'file' };
}
