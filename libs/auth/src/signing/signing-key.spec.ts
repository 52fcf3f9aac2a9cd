import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningJwk, loadOrCreateKeyFile, parseSigningKey, resolveSigningKey, SigningKeyError } from './signing-key';

describe(parseSigningKey.name, () => {
  it('reads a PKCS#8 PEM, also with escaped newlines, and names it by its thumbprint', async () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const sut = await parseSigningKey(pem);
    const escaped = await parseSigningKey(pem.replace(/\n/g, '\\n'));
    expect(sut.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(escaped.kid).toBe(sut.kid);
    expect(sut.publicJwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: sut.kid, alg: 'EdDSA', use: 'sig' });
  });

  it('reads a private JWK and keeps its kid', async () => {
    const jwk = { ...(await generateSigningJwk()), kid: 'key-2026' };
    const sut = await parseSigningKey(JSON.stringify(jwk));
    expect(sut.kid).toBe('key-2026');
    expect(sut.publicJwk.x).toBe(jwk.x);
    expect(sut.publicJwk).not.toHaveProperty('d');
  });

  it.each([
    ['garbage', 'not a key'],
    ['an RSA key', generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()],
    ['a public JWK', JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'abc' })],
    ['broken JSON', '{"kty":'],
  ])('refuses %s', async (_case, text) => {
    await expect(parseSigningKey(text)).rejects.toBeInstanceOf(SigningKeyError);
  });
});

describe(loadOrCreateKeyFile.name, () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'galley-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the file readable by its owner only, then reuses it', async () => {
    const path = join(dir, 'nested', 'jwt.json');
    const first = await loadOrCreateKeyFile(path);
    const second = await loadOrCreateKeyFile(path);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.key.kid).toBe(first.key.kid);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: first.key.kid });
  });

  it('gives processes starting at once the same key', async () => {
    const path = join(dir, 'jwt.json');
    const keys = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateKeyFile(path)));
    expect(new Set(keys.map((k) => k.key.kid)).size).toBe(1);
    expect(keys.filter((k) => k.created)).toHaveLength(1);
  });
});

describe(resolveSigningKey.name, () => {
  it('refuses to start without a key where the key file is not allowed (production)', async () => {
    await expect(resolveSigningKey({ keyFile: 'unused.json', allowKeyFile: false })).rejects.toThrow(/JWT_PRIVATE_KEY/);
  });

  it('prefers the key from the environment over the key file', async () => {
    const jwk = await generateSigningJwk();
    const sut = await resolveSigningKey({ privateKey: JSON.stringify(jwk), keyFile: '/nonexistent/never-written.json', allowKeyFile: true });
    expect(sut).toMatchObject({ source: 'environment', key: { kid: jwk.kid } });
  });
});
