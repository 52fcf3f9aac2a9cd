import net from 'node:net';
import { anyBrokerAccepts } from './broker-reachability';

describe(anyBrokerAccepts.name, () => {
  let server: net.Server;
  let port: number;

  beforeAll(async () => {
    server = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is true when one of the brokers listens', async () => {
    expect(await anyBrokerAccepts(['127.0.0.1:9', `127.0.0.1:${port}`], 2000)).toBe(true);
  });

  it('is false when none listens, or an address cannot be read', async () => {
    expect(await anyBrokerAccepts(['127.0.0.1:9', 'no-port-here'], 2000)).toBe(false);
  });

  it('reads an IPv6 address in brackets', async () => {
    const v6 = net.createServer((socket) => socket.destroy());
    const listening = await new Promise<boolean>((resolve) => {
      v6.once('error', () => resolve(false));
      v6.listen(0, '::1', () => resolve(true));
    });
    if (!listening) return; // no IPv6 loopback on this machine: nothing to connect to
    const v6Port = (v6.address() as net.AddressInfo).port;
    try {
      expect(await anyBrokerAccepts([`[::1]:${v6Port}`], 2000)).toBe(true);
    } finally {
      await new Promise<void>((resolve) => v6.close(() => resolve()));
    }
  });
});
