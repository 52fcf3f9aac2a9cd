import { ConfigValidationError, loadConfig } from './load-config';
import { ServiceConfig } from './service-config';

describe(loadConfig.name, () => {
  it('applies defaults and converts numbers and lists when the environment is valid', () => {
    const sut = loadConfig(ServiceConfig, { PORT: '3003', DB_USER: 'galley_orders', KAFKA_BROKERS: 'a:9092, b:9093' });
    expect(sut.PORT).toBe(3003);
    expect(sut.DB_PORT).toBe(5432);
    expect(sut.KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
    expect(sut.NODE_ENV).toBe('development');
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
});
