import { GatewayReadiness } from './gateway-readiness';

const keys = (held: boolean) => ({ hasKeys: () => Promise.resolve(held) });

describe(GatewayReadiness.name, () => {
  it.each([
    ['is not ready before the edge hands it a key cache', undefined, false, 'error', { keys: 'down', shutdown: 'up' }],
    ['is not ready while the key cache holds no keys', false, false, 'error', { keys: 'down', shutdown: 'up' }],
    ['is ready once the key cache holds keys', true, false, 'ok', { keys: 'up', shutdown: 'up' }],
    ['is not ready while draining, keys or not', true, true, 'error', { keys: 'up', shutdown: 'down' }],
  ] as const)('%s', async (_case, held, draining, status, checks) => {
    const sut = new GatewayReadiness();
    if (held !== undefined) sut.watchKeys(keys(held));
    if (draining) sut.drain();

    expect(await sut.report()).toEqual({ status, checks });
  });
});
