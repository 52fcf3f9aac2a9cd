import createClient, { type Middleware } from 'openapi-fetch';
import type { ApiPaths, SessionTokens } from './pending-paths';
import { tokenStore } from './token-store';

const baseUrl = typeof window !== 'undefined' ? window.location.origin : 'http://localhost';

/** The typed client for the gateway, generated from its OpenAPI document. */
export const api = createClient<ApiPaths>({ baseUrl });

/** Marks a request that must not get the session token nor be replayed after a refresh. */
const NO_AUTH = 'X-Galley-No-Auth';

let refreshing: Promise<boolean> | null = null;

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request,
 * so a burst of 401s rotates the cookie once.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const { data } = await api.POST('/api/auth/refresh', { body: { cookie: true }, headers: { [NO_AUTH]: '1' } });
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
  tokenStore.set(tokens.accessToken);
}

const replayable = new Map<string, Request>();

/**
 * Adds the in-memory access token unless the caller set its own Authorization (an order link's
 * token); on a 401 refreshes once and replays the request with the new token.
 */
export const authMiddleware: Middleware = {
  onRequest({ request, id, schemaPath }) {
    if (request.headers.has(NO_AUTH)) {
      request.headers.delete(NO_AUTH);
      return request;
    }
    if (request.headers.has('Authorization')) return request;
    const token = tokenStore.getAccessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    // A 401 from sign-in, sign-up or refresh means what it says: no refresh-and-replay for those.
    if (!schemaPath.startsWith('/api/auth/')) replayable.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const original = replayable.get(id);
    replayable.delete(id);
    if (response.status !== 401 || !original) return response;
    if (!(await refreshSession())) return response;
    const retry = new Request(original, { headers: new Headers(original.headers) });
    retry.headers.set('Authorization', `Bearer ${tokenStore.getAccessToken()}`);
    return fetch(retry);
  },
  onError({ id }) {
    replayable.delete(id);
  },
};

api.use(authMiddleware);
