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
