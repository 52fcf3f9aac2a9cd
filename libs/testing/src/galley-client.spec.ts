import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { GalleyClient } from './galley-client';

const document = {
  paths: {
    '/api/things': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } } },
          },
        },
      },
    },
  },
};

describe(GalleyClient.name, () => {
  let server: Server;
  let baseUrl: string;
  let body: unknown;

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(req.url === '/docs-json' ? document : body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('fails a call whose answer does not match the gateway document', async () => {
    body = { id: 42 };
    const sut = new GalleyClient(baseUrl);
    await expect(sut.call('GET', '/api/things')).rejects.toThrow('GET /api/things 200: body/id must be string');
  });

  it('fails a call to an operation the document does not have', async () => {
    body = { id: 'a' };
    const sut = new GalleyClient(baseUrl);
    await expect(sut.call('POST', '/api/things')).rejects.toThrow('POST /api/things is not a documented operation');
  });

  it('passes a documented answer', async () => {
    body = { id: 'a' };
    const sut = new GalleyClient(baseUrl);
    await expect(sut.call('GET', '/api/things')).resolves.toMatchObject({ status: 200, body: { id: 'a' } });
  });

  it('does not check when GALLEY_VALIDATE_RESPONSES=0', async () => {
    body = { id: 42 };
    const previous = process.env.GALLEY_VALIDATE_RESPONSES;
    process.env.GALLEY_VALIDATE_RESPONSES = '0';
    try {
      await expect(new GalleyClient(baseUrl).call('GET', '/api/things')).resolves.toMatchObject({ status: 200 });
    } finally {
      if (previous === undefined) delete process.env.GALLEY_VALIDATE_RESPONSES;
      else process.env.GALLEY_VALIDATE_RESPONSES = previous;
    }
  });
});
