import { AccountStreamLimit } from './account-stream-limit';

describe(AccountStreamLimit.name, () => {
  it('hands out the limit per account, refuses the next, and counts a release once', () => {
    const sut = new AccountStreamLimit(2);
    const first = sut.acquire('a')!;
    const second = sut.acquire('a')!;
    expect(sut.acquire('a')).toBeUndefined();
    expect(sut.acquire('b')).toBeDefined();
    first();
    first();
    expect(sut.openFor('a')).toBe(1);
    expect(sut.acquire('a')).toBeDefined();
    expect(sut.acquire('a')).toBeUndefined();
    second();
    expect(sut.openFor('a')).toBe(1);
  });
});
