import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  AccessTokenIssuer,
  AuthenticatedUser,
  createRemoteVerifier,
  generateSigningJwk,
  InvalidAccessTokenError,
  parseSigningKey,
  VerificationKeysUnavailableError,
} from '@galley/auth';

const bob: AuthenticatedUser = { id: '0b0b0b0b-1111-4222-8333-444455556666', email: 'bob@example.com', role: 'admin' };

/** A JWKS endpoint on a random loopback port that counts its requests. */
async function jwksServer(body: () => unknown, status = 200): Promise<{ server: Server; url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits += 1;
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`, hits: () => hits };
}

describe('createRemoteVerifier', () => {
  const servers: Server[] = [];
  afterAll(async () => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

  it('verifies with keys fetched once from the JWKS URL and served from its cache afterwards', async () => {
    const issuer = new AccessTokenIssuer(await parseSigningKey(JSON.stringify(await generateSigningJwk())), 900);
    const endpoint = await jwksServer(() => issuer.jwks());
    servers.push(endpoint.server);
    const sut = createRemoteVerifier(endpoint.url);
    const { accessToken } = await issuer.issue(bob);
    for (let i = 0; i < 5; i += 1) await expect(sut.verify(accessToken)).resolves.toEqual(bob);
    expect(endpoint.hits()).toBe(1);
  });

  it('rejects a token signed by a key the JWKS does not hold', async () => {
    const published = new AccessTokenIssuer(await parseSigningKey(JSON.stringify(await generateSigningJwk())), 900);
    const stranger = new AccessTokenIssuer(await parseSigningKey(JSON.stringify(await generateSigningJwk())), 900);
    const endpoint = await jwksServer(() => published.jwks());
    servers.push(endpoint.server);
    await expect(createRemoteVerifier(endpoint.url).verify((await stranger.issue(bob)).accessToken)).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });

  it('reports the keys as unavailable when the JWKS endpoint answers an error', async () => {
    const issuer = new AccessTokenIssuer(await parseSigningKey(JSON.stringify(await generateSigningJwk())), 900);
    const endpoint = await jwksServer(() => ({ statusCode: 503, message: 'down' }), 503);
    servers.push(endpoint.server);
    await expect(createRemoteVerifier(endpoint.url).verify((await issuer.issue(bob)).accessToken)).rejects.toBeInstanceOf(VerificationKeysUnavailableError);
  });

  it('reports the keys as unavailable (not the token as bad) when the JWKS cannot be fetched', async () => {
    const issuer = new AccessTokenIssuer(await parseSigningKey(JSON.stringify(await generateSigningJwk())), 900);
    const endpoint = await jwksServer(() => issuer.jwks());
    await new Promise((resolve) => endpoint.server.close(resolve));
    const sut = createRemoteVerifier(endpoint.url, { timeoutMs: 1000 });
    await expect(sut.verify((await issuer.issue(bob)).accessToken)).rejects.toBeInstanceOf(VerificationKeysUnavailableError);
  });
});
