import { clearedRefreshCookie, cookieValue, REFRESH_COOKIE_NAME, refreshCookie } from './refresh-cookie';

const TOKEN = 'A'.repeat(43);

describe(refreshCookie.name, () => {
  it('is httpOnly, Secure, SameSite=Strict, limited to /api/auth and lives as long as the refresh token', () => {
    expect(refreshCookie(TOKEN, 2592000)).toBe(`galley_refresh=${TOKEN}; HttpOnly; Secure; SameSite=Strict; Path=/api/auth; Max-Age=2592000`);
  });

  it.each(['a;b', 'a b', 'a=b', ''])('refuses to write the value %j, which no refresh token has', (token) => {
    expect(() => refreshCookie(token, 60)).toThrow();
  });
});

describe(clearedRefreshCookie.name, () => {
  it('empties the cookie with the same path and attributes and Max-Age=0', () => {
    expect(clearedRefreshCookie()).toBe('galley_refresh=; HttpOnly; Secure; SameSite=Strict; Path=/api/auth; Max-Age=0');
  });
});

describe(cookieValue.name, () => {
  it.each<[string | string[] | undefined, string | undefined]>([
    [`galley_refresh=${TOKEN}`, TOKEN],
    [`theme=dark; galley_refresh=${TOKEN}; lang=en`, TOKEN],
    [`theme=dark;galley_refresh=${TOKEN}`, TOKEN],
    [`galley_refresh="${TOKEN}"`, TOKEN],
    [`galley_refresh=first; galley_refresh=second`, 'first'],
    [['theme=dark', `galley_refresh=${TOKEN}`], TOKEN],
    [`xgalley_refresh=${TOKEN}`, undefined],
    [`galley_refresh_old=${TOKEN}`, undefined],
    ['galley_refresh=', undefined],
    ['galley_refresh', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('reads %j as %j', (header, expected) => {
    expect(cookieValue(header, REFRESH_COOKIE_NAME)).toBe(expected);
  });
});
