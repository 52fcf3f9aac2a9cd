import { deviceCookie, deviceTokenHash, isDeviceToken, newDeviceToken } from './device-cookie';

describe(deviceCookie.name, () => {
  it('is httpOnly, Secure, SameSite=Strict, sent only to the login route, for a year', () => {
    const token = newDeviceToken();
    expect(deviceCookie(token)).toBe(`galley_device=${token}; HttpOnly; Secure; SameSite=Strict; Path=/api/auth/login; Max-Age=31536000`);
  });

  it('refuses a value that is not a device token (no header injection)', () => {
    expect(() => deviceCookie('x; Domain=evil.example')).toThrow();
  });
});

describe(isDeviceToken.name, () => {
  it.each([
    [newDeviceToken(), true],
    ['A'.repeat(43), true],
    ['A'.repeat(42), false],
    ['A'.repeat(44), false],
    ['A'.repeat(42) + '=', false],
    [undefined, false],
  ])('says %j is %s', (value, expected) => {
    expect(isDeviceToken(value)).toBe(expected);
  });
});

describe(deviceTokenHash.name, () => {
  it('is a stable SHA-256 that differs per token', () => {
    const [a, b] = [newDeviceToken(), newDeviceToken()];
    expect(deviceTokenHash(a)).toBe(deviceTokenHash(a));
    expect(deviceTokenHash(a)).not.toBe(deviceTokenHash(b));
    expect(deviceTokenHash(a)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
