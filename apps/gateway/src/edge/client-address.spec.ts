import { AddressList } from '@galley/platform';
import { clientAddress, TrustedIngress } from './client-address';

const trust = (hops: number, addresses = ''): TrustedIngress => ({ hops, addresses: AddressList.parse(addresses) });

describe(clientAddress.name, () => {
  it.each([
    // peer, X-Forwarded-For, hops, trusted addresses, expected
    ['203.0.113.5', undefined, 0, '', '203.0.113.5'],
    ['203.0.113.5', '198.51.100.1', 0, '', '203.0.113.5'],
    ['::ffff:203.0.113.5', '198.51.100.1, 10.0.0.1', 0, '', '203.0.113.5'],
    ['10.0.0.2', '198.51.100.1', 1, '', '198.51.100.1'],
    ['10.0.0.2', '1.1.1.1, 198.51.100.1', 1, '', '198.51.100.1'],
    ['10.0.0.2', '1.1.1.1, 198.51.100.1, 10.0.0.9', 2, '', '198.51.100.1'],
    ['10.0.0.2', undefined, 1, '', '10.0.0.2'],
    ['10.0.0.2', '198.51.100.1', 3, '', '198.51.100.1'],
    ['10.0.0.2', '1.1.1.1, 198.51.100.1, 10.0.0.9', 0, '10.0.0.0/8', '198.51.100.1'],
    ['203.0.113.5', '198.51.100.1', 0, '10.0.0.0/8', '203.0.113.5'],
    ['10.0.0.2', '10.0.0.3, 10.0.0.9', 0, '10.0.0.0/8', '10.0.0.3'],
    ['10.0.0.2', 'garbage, 198.51.100.1', 1, '', '198.51.100.1'],
    ['10.0.0.2', 'garbage', 1, '', '10.0.0.2'],
    ['10.0.0.2', ['1.1.1.1', '198.51.100.1'], 1, '', '198.51.100.1'],
  ])('from peer %s with X-Forwarded-For %j, %i trusted hops and %j trusted, is %s', (peer, header, hops, addresses, expected) => {
    expect(clientAddress(peer, header, trust(hops, addresses))).toBe(expected);
  });

  it('answers an empty address for a socket without one rather than trusting the header', () => {
    expect(clientAddress(undefined, '198.51.100.1', trust(0))).toBe('');
  });
});
