import { ArgumentsHost } from '@nestjs/common';
import { DomainError, ErrorTransports } from '@galley/errors';
import { domainErrorFilter } from './domain-error.filter';

type Code = 'GONE' | 'SLOW_DOWN';

class TestError extends DomainError<Code> {
  constructor(
    code: Code,
    message: string,
    readonly waitSeconds?: number,
  ) {
    super(code, message);
  }

  get transports(): ErrorTransports<Code> {
    return { httpStatus: (code) => (code === 'GONE' ? 404 : 429), event: () => 'dead-letter' };
  }
}

function fakeHost() {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const res = {
    headersSent: false,
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json: (body: unknown) => (sent.body = body),
  };
  const req = { id: 'req-1', method: 'GET', url: '/x', headers: {} };
  const host = { switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) } as unknown as ArgumentsHost;
  return { host, sent };
}

describe(domainErrorFilter.name, () => {
  const Sut = domainErrorFilter(TestError, { headers: (error) => (error.waitSeconds ? { 'Retry-After': String(error.waitSeconds) } : undefined) });

  it('is named after the error class it catches', () => {
    expect(Sut.name).toBe('TestErrorFilter');
  });

  it.each([
    ['GONE', undefined, 404, 'Not Found', {}],
    ['SLOW_DOWN', 30, 429, 'Too Many Requests', { 'Retry-After': '30' }],
  ] as const)('answers %s (wait %s) with %i %s in the JSON error shape and headers %j', (code, wait, status, reason, headers) => {
    const { host, sent } = fakeHost();
    new Sut().catch(new TestError(code, 'refused here', wait), host);
    expect(sent).toEqual({ status, body: { statusCode: status, error: reason, message: 'refused here', requestId: 'req-1' }, headers });
  });
});
