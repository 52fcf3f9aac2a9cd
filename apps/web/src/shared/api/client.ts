import createClient, { type Middleware } from 'openapi-fetch';
import type { ApiPaths, SessionTokens } from './pending-paths';
import { tokenStore } from './token-store';

const baseUrl = typeof window !== 'undefined' ? window.location.origin : 'http://localhost';

/** The typed client for the gateway, generated from its OpenAPI document. */
export const api = createClient<ApiPaths>({ baseUrl });

let refreshing: Promise<boolean> | null = null;

/**
 * Exchanges the refresh cookie (or the in-memory refresh token) for a new access token.
 * Concurrent callers share one request, so a burst of 401s rotates the token once.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const refreshToken = tokenStore.getRefreshToken();
      const { data } = await api.POST('/api/auth/refresh', {
        body: refreshToken ? { refreshToken } : { cookie: true },
        headers: { 'X-Galley-No-Retry': '1' },
      });
      if (!data) {
        tokenStore.clear();
        return false;
      }
      storeTokens(data);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export function storeTokens(tokens: SessionTokens): void {
  tokenStore.set({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? null });
}

const retryable = new Map<string, Request>();
const NO_RETRY = 'X-Galley-No-Retry';

/**
 * Adds the in-memory access token unless the caller set its own Authorization (an order
 * link's token); on a 401 refreshes once and replays the request with the new token.
 */
export const authMiddleware: Middleware = {
  onRequest({ request, id }) {
    const explicit = request.headers.has('Authorization') || request.headers.has(NO_RETRY);
    request.headers.delete(NO_RETRY);
    const token = tokenStore.getAccessToken();
    if (!explicit && token) request.headers.set('Authorization', `Bearer ${token}`);
    if (!explicit) retryable.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const original = retryable.get(id);
    retryable.delete(id);
    if (response.status !== 401 || !original) return response;
    const hadToken = original.headers.has('Authorization');
    if (!hadToken && !tokenStore.getRefreshToken()) {
      // Anonymous call to a protected route: a refresh can only help if a cookie exists.
      if (!(await refreshSession())) return response;
    } else if (!(await refreshSession())) {
      return response;
    }
    const retry = new Request(original, { headers: new Headers(original.headers) });
    retry.headers.set('Authorization', `Bearer ${tokenStore.getAccessToken()}`);
    return fetch(retry);
  },
  onError({ id }) {
    retryable.delete(id);
  },
};

api.use(authMiddleware);
