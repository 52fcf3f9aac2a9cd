/**
 * The refresh token as an httpOnly cookie, for browsers: page scripts never see it (an XSS cannot
 * steal a sign-in), it is sent only over HTTPS (browsers treat http://localhost and 127.0.0.1 as
 * secure too), never with cross-site requests, and only to the auth routes that use it.
 */
export const REFRESH_COOKIE_NAME = 'galley_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

const ATTRIBUTES = `HttpOnly; Secure; SameSite=Strict; Path=${REFRESH_COOKIE_PATH}`;

/** The `Set-Cookie` value that stores `token` for `maxAgeSeconds` (the refresh token's lifetime). */
export function refreshCookie(token: string, maxAgeSeconds: number): string {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('a refresh token is base64url');
  return `${REFRESH_COOKIE_NAME}=${token}; ${ATTRIBUTES}; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`;
}

/** The `Set-Cookie` value that makes the browser forget the cookie. */
export function clearedRefreshCookie(): string {
  return `${REFRESH_COOKIE_NAME}=; ${ATTRIBUTES}; Max-Age=0`;
}

/** The value of cookie `name` in a `Cookie` header (the first one when repeated), if any. */
export function cookieValue(header: string | string[] | undefined, name: string): string | undefined {
  const text = Array.isArray(header) ? header.join('; ') : header;
  if (!text) return undefined;
  for (const pair of text.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) continue;
    if (pair.slice(0, separator).trim() !== name) continue;
    const value = pair
      .slice(separator + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    return value.length > 0 ? value : undefined;
  }
  return undefined;
}
