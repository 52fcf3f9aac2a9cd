import { AddressRateLimit, rateKeyOf } from './address-rate-limit';

describe(AddressRateLimit.name, () => {
  it('allows the budget of one address, then refuses with the seconds left in the window', async () => {
    const sut = new AddressRateLimit(3, 60);
    const verdicts = [];
    for (let i = 0; i < 4; i += 1) verdicts.push(await sut.take('198.51.100.1'));
    expect(verdicts.slice(0, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    expect(verdicts[3]).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    const refused = verdicts[3] as { retryAfterSeconds: number };
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('counts each address on its own', async () => {
    const sut = new AddressRateLimit(1, 60);
    expect(await sut.take('198.51.100.1')).toEqual({ allowed: true });
    expect(await sut.take('198.51.100.2')).toEqual({ allowed: true });
    expect((await sut.take('198.51.100.1')).allowed).toBe(false);
  });

  it('counts every address of one IPv6 /64 together', async () => {
    const sut = new AddressRateLimit(1, 60);
    expect(await sut.take('2001:db8:1:2::1')).toEqual({ allowed: true });
    expect((await sut.take('2001:db8:1:2:ffff::9')).allowed).toBe(false);
    expect(await sut.take('2001:db8:1:3::1')).toEqual({ allowed: true });
  });
});

describe(rateKeyOf.name, () => {
  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['2001:db8:0:1::5', '2001:db8:0:1::/64'],
    ['2001:0db8:0000:0001:aaaa:bbbb:cccc:dddd', '2001:db8:0:1::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1', 'fe80:0:0:0::/64'],
    ['', ''],
  ])('keys %j as %j', (address, expected) => {
    expect(rateKeyOf(address)).toBe(expected);
  });
});
