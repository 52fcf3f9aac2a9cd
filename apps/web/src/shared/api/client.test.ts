import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from './client';
import { tokenStore } from './token-store';

// openapi-fetch keeps the fetch it finds when the client is created, so stub it first.
const net = vi.hoisted(() => {
  const calls: { path: string; auth: string | null; body: string }[] = [];
  let validToken = 'new-token';
  let refreshOk = true;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const path = new URL(request.url).pathname;
    const body = request.method === 'GET' ? '' : await request.clone().text();
    calls.push({ path, auth: request.headers.get('Authorization'), body });
    const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
    if (path === '/api/auth/refresh') {
      await new Promise((r) => setTimeout(r, 20));
      return refreshOk ? json(200, { accessToken: validToken, expiresIn: 900 }) : json(401, { statusCode: 401, error: 'Unauthorized', message: 'no session', requestId: 'r' });
    }
    if (request.headers.get('Authorization') !== `Bearer ${validToken}`) {
      return json(401, { statusCode: 401, error: 'Unauthorized', message: 'expired', requestId: 'r' });
    }
    return json(200, { id: 'u1', email: 'a@b.c', name: 'A', role: 'customer', guest: false, echo: body });
  };
  return {
    calls,
    setRefreshOk: (ok: boolean) => (refreshOk = ok),
    setValidToken: (t: string) => (validToken = t),
  };
});

describe('authMiddleware', () => {
  afterEach(() => {
    net.calls.length = 0;
    net.setRefreshOk(true);
    tokenStore.clear();
  });

  it('sends the in-memory access token', async () => {
    tokenStore.set('new-token');
    const { data } = await api.GET('/api/users/me');
    expect(data?.id).toBe('u1');
    expect(net.calls.map((c) => [c.path, c.auth])).toEqual([['/api/users/me', 'Bearer new-token']]);
  });

  it('refreshes once on a 401 and replays the request, body included, with the new token', async () => {
    tokenStore.set('old-token');
    const { data, response } = await api.POST('/api/users/me/upgrade', { body: { email: 'a@b.c', password: 'long-enough-1', name: 'A' } });
    expect(response.status).toBe(200);
    expect((data as unknown as { echo: string }).echo).toContain('long-enough-1');
    expect(net.calls.map((c) => [c.path, c.auth])).toEqual([
      ['/api/users/me/upgrade', 'Bearer old-token'],
      ['/api/auth/refresh', null],
      ['/api/users/me/upgrade', 'Bearer new-token'],
    ]);
    expect(JSON.parse(net.calls[1]!.body)).toEqual({ cookie: true });
    expect(tokenStore.getAccessToken()).toBe('new-token');
  });

  it('shares one refresh between concurrent 401s', async () => {
    tokenStore.set('old-token');
    const results = await Promise.all([api.GET('/api/users/me'), api.GET('/api/users/me'), api.GET('/api/users/me')]);
    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200]);
    expect(net.calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('gives the 401 back and forgets the token when the refresh fails, without retrying again', async () => {
    tokenStore.set('old-token');
    net.setRefreshOk(false);
    const { response } = await api.GET('/api/users/me');
    expect(response.status).toBe(401);
    expect(net.calls.map((c) => c.path)).toEqual(['/api/users/me', '/api/auth/refresh']);
    expect(tokenStore.getAccessToken()).toBeNull();
  });

  it('gives a failed sign-in its 401 without trying a refresh', async () => {
    const { response } = await api.POST('/api/auth/login', { body: { email: 'a@b.c', password: 'wrong-password', cookie: true } });
    expect(response.status).toBe(401);
    expect(net.calls.map((c) => c.path)).toEqual(['/api/auth/login']);
  });

  it('leaves a caller-given token (an order link) alone and does not refresh for it', async () => {
    tokenStore.set('new-token');
    const { response } = await api.GET('/api/orders/{id}', {
      params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
      headers: { Authorization: 'Bearer link-token' },
    });
    expect(response.status).toBe(401);
    expect(net.calls.map((c) => [c.path, c.auth])).toEqual([['/api/orders/00000000-0000-4000-8000-000000000000', 'Bearer link-token']]);
  });
});
