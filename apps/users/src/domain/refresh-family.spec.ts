import { judgeRefresh, RefreshTokenState } from './refresh-family';

const now = new Date('2026-11-25T12:00:00Z');
const earlier = new Date('2026-11-25T11:00:00Z');
const later = new Date('2026-11-26T12:00:00Z');
const state = (rotatedAt: Date | null, expiresAt: Date, familyRevokedAt: Date | null): RefreshTokenState => ({ rotatedAt, expiresAt, familyRevokedAt });

describe(judgeRefresh.name, () => {
  it.each([
    ['an unknown token', undefined, 'unknown'],
    ['the current token of a live family', state(null, later, null), 'rotate'],
    ['a token that was already rotated', state(earlier, later, null), 'reused'],
    ['a rotated token replayed after it expired', state(earlier, earlier, null), 'reused'],
    ['an expired current token', state(null, earlier, null), 'expired'],
    ['a token expiring right now', state(null, now, null), 'expired'],
    ['the current token of a revoked family', state(null, later, earlier), 'revoked'],
    ['a rotated token of a revoked family', state(earlier, later, earlier), 'revoked'],
  ] as const)('judges %s as %s', (_case, token, expected) => {
    expect(judgeRefresh(token, now)).toBe(expected);
  });
});
