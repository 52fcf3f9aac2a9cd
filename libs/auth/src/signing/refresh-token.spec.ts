import { generateRefreshToken, hashRefreshToken, looksLikeRefreshToken } from './refresh-token';

describe(generateRefreshToken.name, () => {
  it('makes 256-bit base64url tokens that never repeat', () => {
    const tokens = Array.from({ length: 200 }, generateRefreshToken);
    expect(new Set(tokens).size).toBe(200);
    expect(tokens.every((token) => Buffer.from(token, 'base64url').length === 32 && looksLikeRefreshToken(token))).toBe(true);
  });
});

describe(hashRefreshToken.name, () => {
  it('hashes deterministically to SHA-256 without revealing the token', () => {
    const token = generateRefreshToken();
    expect(hashRefreshToken(token)).toBe(hashRefreshToken(token));
    expect(hashRefreshToken(token)).not.toContain(token);
    expect(Buffer.from(hashRefreshToken(token), 'base64url')).toHaveLength(32);
  });
});

describe(looksLikeRefreshToken.name, () => {
  it.each([
    ['a'.repeat(43), true],
    ['a'.repeat(42), false],
    ['a'.repeat(44), false],
    [`${'a'.repeat(42)}=`, false],
    [`${'a'.repeat(42)}+`, false],
    ['', false],
  ])('%j looks like a refresh token: %s', (value, expected) => {
    expect(looksLikeRefreshToken(value)).toBe(expected);
  });
});
