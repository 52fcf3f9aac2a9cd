import { EventEmitter } from 'node:events';
import http, { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { handleShutdownSignals } from './graceful-shutdown';

const logger = { info: jest.fn(), error: jest.fn() };

async function listening(handler: http.RequestListener): Promise<{ server: Server; port: number }> {
  const server = http.createServer({ keepAliveTimeout: 60_000 }, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function request(port: number, agent: http.Agent): Promise<{ status: number; connection?: string; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
      })
      .on('error', reject);
  });
}

describe('handleShutdownSignals', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const server of servers) server.closeAllConnections();
    for (const server of servers) server.close();
    servers.length = 0;
  });

  it('finishes the in-flight request, closes keep-alive sockets, then closes the app and exits 0', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const { server, port } = await listening((_req, res) => void slow.then(() => res.end('done')));
    servers.push(server);
    const order: string[] = [];
    const proc = new EventEmitter();
    const exit = jest.fn();
    handleShutdownSignals({ close: async () => void order.push('app closed') }, server, {
      graceMs: 5000,
      logger,
      processLike: proc,
      exit,
      beforeClose: () => void order.push('before close'),
      afterHttpClosed: () => void order.push(`http closed (listening: ${server.listening})`),
    });
    const agent = new http.Agent({ keepAlive: true });
    const inFlight = request(port, agent);
    await new Promise((resolve) => setTimeout(resolve, 50));

    proc.emit('SIGTERM', 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(exit).not.toHaveBeenCalled();
    expect(order).toEqual(['before close']);
    // No new connections once the signal came.
    await expect(request(port, new http.Agent())).rejects.toThrow(/ECONNREFUSED/);

    release();
    await expect(inFlight).resolves.toMatchObject({ status: 200, body: 'done', connection: 'close' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(order).toEqual(['before close', 'http closed (listening: false)', 'app closed']);
    expect(exit).toHaveBeenCalledWith(0);
    agent.destroy();
  });

  it('closes idle keep-alive sockets instead of waiting for their timeout', async () => {
    const { server, port } = await listening((_req, res) => res.end('ok'));
    servers.push(server);
    const agent = new http.Agent({ keepAlive: true });
    await request(port, agent);
    const proc = new EventEmitter();
    const exit = jest.fn();
    const handle = handleShutdownSignals({ close: async () => undefined }, server, { graceMs: 5000, logger, processLike: proc, exit });
    const at = Date.now();
    await handle.shutdown('SIGTERM');
    expect(exit).toHaveBeenCalledWith(0);
    expect(Date.now() - at).toBeLessThan(1000);
    agent.destroy();
  });

  it('exits 1 when the grace runs out, and cuts the connections still open', async () => {
    const { server, port } = await listening(() => undefined); // never answers
    servers.push(server);
    const proc = new EventEmitter();
    const exit = jest.fn();
    const close = jest.fn(async () => undefined);
    const handle = handleShutdownSignals({ close }, server, { graceMs: 300, logger, processLike: proc, exit });
    const hanging = request(port, new http.Agent()).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const at = Date.now();
    await handle.shutdown('SIGTERM');
    expect(Date.now() - at).toBeGreaterThanOrEqual(250);
    expect(exit).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(1);
    expect(close).not.toHaveBeenCalled();
    expect(String(await hanging)).toMatch(/socket hang up|ECONNRESET/);
  });

  it('exits 1 at once on a second signal, and only once', async () => {
    const { server } = await listening(() => undefined);
    servers.push(server);
    const proc = new EventEmitter();
    const exit = jest.fn();
    handleShutdownSignals({ close: () => new Promise<void>(() => undefined) }, server, { graceMs: 5000, logger, processLike: proc, exit });
    proc.emit('SIGTERM', 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(exit).not.toHaveBeenCalled();
    proc.emit('SIGINT', 'SIGINT');
    expect(exit).toHaveBeenCalledWith(1);
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it('exits 1 when a step fails', async () => {
    const { server } = await listening(() => undefined);
    servers.push(server);
    const exit = jest.fn();
    const handle = handleShutdownSignals({ close: async () => Promise.reject(new Error('pool would not end')) }, server, {
      graceMs: 5000,
      logger,
      processLike: new EventEmitter(),
      exit,
    });
    await handle.shutdown('SIGTERM');
    expect(exit).toHaveBeenCalledWith(1);
  });
});
