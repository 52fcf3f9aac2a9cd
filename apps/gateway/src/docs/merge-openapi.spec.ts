import { OpenAPIObject } from '@nestjs/swagger';
import { mergeOpenApi } from './merge-openapi';

const doc = (paths: OpenAPIObject['paths'], schemas: Record<string, object> = {}): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths,
  components: { schemas },
});
const op = { responses: { '200': { description: 'ok' } } };

describe(mergeOpenApi.name, () => {
  it('takes public paths from every service and leaves their operations routes out', () => {
    const sut = mergeOpenApi(doc({ '/health/ready': { get: op } }), {
      users: doc({ '/api/auth/login': { post: op }, '/health/ready': { get: op }, '/metrics': { get: op } }, { LoginDto: { type: 'object' } }),
      orders: doc({ '/api/orders': { get: op, post: op } }),
      reviews: undefined,
    });
    expect(Object.keys(sut.paths).sort()).toEqual(['/api/auth/login', '/api/orders', '/health/ready']);
    expect(sut.paths['/api/orders'].post?.tags).toEqual(['orders']);
    expect(Object.keys(sut.components?.schemas ?? {})).toEqual(['LoginDto']);
  });
});

describe(`${mergeOpenApi.name} security`, () => {
  const policies = [
    { methods: ['GET'] as const, pattern: /^\/api\/things$/, access: 'public' as const },
    { methods: ['POST'] as const, pattern: /^\/api\/things$/, access: 'customer' as const },
    { methods: '*' as const, pattern: /^\/api\/admin\/.+$/, access: 'admin' as const },
  ];

  it('documents public routes with security [] and the others with the bearer token and their 401/403 answers', () => {
    const sut = mergeOpenApi(
      doc({ '/health/live': { get: op } }),
      {
        inventory: doc({ '/api/things': { get: op, post: op }, '/api/admin/things/{id}': { delete: op } }, { ErrorResponse: { type: 'object' } }),
      },
      policies,
    );
    expect(sut.paths['/health/live'].get?.security).toEqual([]);
    expect(sut.paths['/api/things'].get?.security).toEqual([]);
    expect(sut.paths['/api/things'].post?.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(sut.paths['/api/things'].post!.responses)).toEqual(['200', '401', '403']);
    // A tracking link's token is refused (403) on public routes too.
    expect(Object.keys(sut.paths['/api/things'].get!.responses)).toEqual(['200', '403']);
    expect(Object.keys(sut.paths['/health/live'].get!.responses)).toEqual(['200']);
    expect(sut.paths['/api/admin/things/{id}'].delete?.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(sut.paths['/api/admin/things/{id}'].delete!.responses)).toEqual(['200', '401', '403']);
  });

  it('leaves security out when the gateway has no policy for the route (the contract test names it)', () => {
    const sut = mergeOpenApi(doc({}), { users: doc({ '/api/nowhere': { get: { ...op, security: [{ bearer: [] }] } } }) }, policies);
    expect(sut.paths['/api/nowhere'].get?.security).toBeUndefined();
  });
});

describe(`${mergeOpenApi.name} schema names`, () => {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const answering = (name: string) => ({ responses: { '200': { description: 'ok', content: { 'application/json': { schema: ref(name) } } } } });

  it('renames a different schema of the same name, and what refers to it, after its service', () => {
    const sut = mergeOpenApi(
      doc({}),
      {
        orders: doc({ '/api/orders': { get: answering('Refund') } }, { Refund: { type: 'object', properties: { id: { type: 'string' } } } }),
        payments: doc(
          { '/api/payments': { get: answering('Payment') } },
          { Refund: { type: 'object', properties: { amount: { type: 'integer' } } }, Payment: { type: 'object', properties: { refund: ref('Refund') } } },
        ),
      },
      [],
    );
    expect(sut.components?.schemas?.Refund).toEqual({ type: 'object', properties: { id: { type: 'string' } } });
    expect(sut.components?.schemas?.PaymentsRefund).toEqual({ type: 'object', properties: { amount: { type: 'integer' } } });
    expect(sut.components?.schemas?.Payment).toEqual({ type: 'object', properties: { refund: ref('PaymentsRefund') } });
    expect(sut.paths['/api/orders'].get).toMatchObject(answering('Refund'));
  });

  it('shares a schema that two services define alike', () => {
    const sut = mergeOpenApi(
      doc({}),
      {
        users: doc({}, { ErrorResponse: { type: 'object' } }),
        orders: doc({}, { ErrorResponse: { type: 'object' } }),
      },
      [],
    );
    expect(Object.keys(sut.components?.schemas ?? {})).toEqual(['ErrorResponse']);
  });
});
