import fs from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { WebAppHandler } from './web-app-handler';

describe(`${WebAppHandler.name} request log`, () => {
  const lines: Record<string, unknown>[] = [];
  const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-web-log-'));
  let server: Server;
  let base: string;

  beforeAll(async () => {
    fs.writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><html><head><title>Galley</title></head><body></body></html>');
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(
          ...chunk
            .toString('utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as Record<string, unknown>),
        );
        done();
      },
    });
    const sut = new WebAppHandler({ distDir, stripe: false }, pino({ level: 'debug' }, stream));
    server = createServer((req, res) => sut.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(distDir, { recursive: true, force: true });
  });

  it('writes the request id and the page URL without a token given in its query', async () => {
    const res = await fetch(`${base}/track/0b8f3c52?access_token=eyJ.secret.sig&ref=mail`, { headers: { accept: 'text/html', 'x-request-id': 'req-9' } });
    expect(res.status).toBe(200);
    await res.text();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.find((line) => line.msg === 'web request completed')).toMatchObject({
      req: { id: 'req-9', method: 'GET', url: '/track/0b8f3c52?access_token=[redacted]&ref=mail' },
      res: { statusCode: 200 },
    });
    expect(JSON.stringify(lines)).not.toContain('eyJ.secret.sig');
  });
});
