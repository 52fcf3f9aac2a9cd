import { redactUrl } from './redact-url';

describe(redactUrl.name, () => {
  it.each([
    ['/api/orders/1/stream?access_token=eyJhbGci.x.y', '/api/orders/1/stream?access_token=[redacted]'],
    ['/api/admin/orders/stream?since=5&access_token=abc&x=1', '/api/admin/orders/stream?since=5&access_token=[redacted]&x=1'],
    ['/api/orders/1/stream?ticket=t1', '/api/orders/1/stream?ticket=[redacted]'],
    ['/api/x?ACCESS%5Ftoken=abc', '/api/x?ACCESS%5Ftoken=[redacted]'],
    ['/api/products?q=pizza&limit=5', '/api/products?q=pizza&limit=5'],
    ['/api/products', '/api/products'],
    ['/api/x?%E0%A4%A=1', '/api/x?%E0%A4%A=1'],
  ])('writes %s as %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
