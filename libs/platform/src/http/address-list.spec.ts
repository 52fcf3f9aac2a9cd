import { isAddressListEntry } from '@galley/config';
import { AddressList, normalizeAddress } from './address-list';

describe(AddressList.name, () => {
  it.each([
    ['loopback', '127.0.0.1', true],
    ['loopback', '::1', true],
    ['loopback', '::ffff:127.0.0.1', true],
    ['loopback', '10.0.0.1', false],
    ['uniquelocal', '10.1.2.3', true],
    ['uniquelocal', '172.20.0.5', true],
    ['uniquelocal', '172.32.0.5', false],
    ['uniquelocal', 'fd12::1', true],
    ['10.0.0.0/8, 192.0.2.7', '192.0.2.7', true],
    ['10.0.0.0/8, 192.0.2.7', '192.0.2.8', false],
    ['', '127.0.0.1', false],
    ['loopback', 'not-an-address', false],
    ['loopback', '', false],
  ])('with %j says %j is %s', (setting, address, expected) => {
    const sut = AddressList.parse(setting);
    expect(sut.has(address)).toBe(expected);
  });

  it('is empty when nothing is listed', () => {
    expect(AddressList.parse(' , ').empty).toBe(true);
    expect(AddressList.parse('loopback').empty).toBe(false);
  });

  it('throws on an entry that is not an address or range', () => {
    expect(() => AddressList.parse('10.0.0.0/33')).toThrow(/10\.0\.0\.0\/33/);
  });
});

describe(isAddressListEntry.name, () => {
  it.each([
    ['10.0.0.0/8', true],
    ['2001:db8::/32', true],
    ['192.0.2.1', true],
    ['LinkLocal', true],
    ['10.0.0.0/33', false],
    ['::/129', false],
    ['10.0.0.0/8/1', false],
    ['example.com', false],
    ['10.0.0.0/x', false],
  ])('says %j is %s', (entry, expected) => {
    expect(isAddressListEntry(entry)).toBe(expected);
  });
});

describe(normalizeAddress.name, () => {
  it('turns an IPv4-mapped IPv6 address into IPv4 and keeps others', () => {
    expect(normalizeAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(normalizeAddress(' 2001:db8::1 ')).toBe('2001:db8::1');
  });
});
