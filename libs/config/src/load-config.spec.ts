import { ConfigValidationError, loadConfig } from './load-config';
import { GatewayConfig } from './gateway-config';
import { ServiceConfig } from './service-config';

describe(loadConfig.name, () => {
  it('applies defaults and converts numbers and lists when the environment is valid', () => {
    const sut = loadConfig(ServiceConfig, { PORT: '3003', DB_USER: 'galley_orders', KAFKA_BROKERS: 'a:9092, b:9093' });
    expect(sut.PORT).toBe(3003);
    expect(sut.DB_PORT).toBe(5432);
    expect(sut.KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
    expect(sut.NODE_ENV).toBe('development');
  });

  it('converts every numeric setting given as a string', () => {
    const sut = loadConfig(ServiceConfig, {
      PORT: '1',
      DB_USER: 'u',
      DB_PORT: '6543',
      DB_POOL_SIZE: '7',
      OUTBOX_BATCH_SIZE: '50',
      OUTBOX_POLL_INTERVAL_MS: '250',
      CONSUMER_MAX_ATTEMPTS: '3',
      CONSUMER_RETRY_BASE_MS: '20',
    });
    expect([sut.DB_PORT, sut.DB_POOL_SIZE, sut.OUTBOX_BATCH_SIZE, sut.OUTBOX_POLL_INTERVAL_MS, sut.CONSUMER_MAX_ATTEMPTS, sut.CONSUMER_RETRY_BASE_MS]).toEqual([
      6543, 7, 50, 250, 3, 20,
    ]);
  });

  it('names every bad key at once when several are wrong', () => {
    const run = () => loadConfig(ServiceConfig, { PORT: 'eighty', NODE_ENV: 'staging', KAFKA_BROKERS: 'nohost' });
    expect(run).toThrow(ConfigValidationError);
    try {
      run();
    } catch (error) {
      const keys = (error as ConfigValidationError).problems.map((p) => p.split(':')[0]);
      expect(new Set(keys)).toEqual(new Set(['PORT', 'NODE_ENV', 'DB_USER', 'KAFKA_BROKERS']));
    }
  });

  it.each([
    [undefined, ['http://localhost:3000', 'http://127.0.0.1:3000']],
    ['https://shop.example, https://admin.example', ['https://shop.example', 'https://admin.example']],
    ['none', []],
  ])('reads CORS_ORIGINS %p as %j', (value, origins) => {
    expect(loadConfig(GatewayConfig, { CORS_ORIGINS: value }).CORS_ORIGINS).toEqual(origins);
  });
});
