import { StreamSessions } from './stream-sessions';

describe(StreamSessions.name, () => {
  const A = '11111111-1111-4111-8111-111111111111';
  const B = '22222222-2222-4222-8222-222222222222';

  it('ends the streams of the revoked sessions only, and remembers them', () => {
    const sut = new StreamSessions();
    const ended: string[] = [];
    sut.track(A, 's1', () => ended.push('a-s1'));
    sut.track(A, 's2', () => ended.push('a-s2'));
    sut.track(A, undefined, () => ended.push('a-link'));
    sut.track(B, 's1', () => ended.push('b-s1'));
    expect(sut.revoke({ accountId: A, sessionIds: ['s1'], allSessions: false })).toBe(1);
    expect(ended).toEqual(['a-s1']);
    expect(sut.isRevoked('s1')).toBe(true);
    expect(sut.isRevoked('s2')).toBe(false);
    expect(sut.isRevoked(undefined)).toBe(false);
  });

  it('ends every stream of the account when all its sessions ended, those without a session too', () => {
    const sut = new StreamSessions();
    const ended: string[] = [];
    sut.track(A, 's1', () => ended.push('s1'));
    sut.track(A, undefined, () => ended.push('link'));
    const untrack = sut.track(A, 's3', () => ended.push('closed before'));
    untrack();
    sut.track(B, 's9', () => ended.push('other account'));
    expect(sut.revoke({ accountId: A, sessionIds: ['s1', 's2'], allSessions: true })).toBe(2);
    expect(ended).toEqual(['s1', 'link']);
  });

  it('forgets a revoked session after a day', () => {
    let clock = 0;
    const sut = new StreamSessions(() => clock);
    sut.revoke({ accountId: A, sessionIds: ['s1'], allSessions: false });
    clock = 24 * 3600 * 1000 - 1;
    expect(sut.isRevoked('s1')).toBe(true);
    clock += 1;
    expect(sut.isRevoked('s1')).toBe(false);
  });
});
