import { serviceCliEnvironment } from './cli-environment';

describe(serviceCliEnvironment.name, () => {
  it.each<[NodeJS.ProcessEnv, string]>([
    [{ DB_PASSWORD: 'given', DB_PASSWORD_PAYMENTS: 'role' }, 'given'],
    [{ DB_PASSWORD: '', DB_PASSWORD_PAYMENTS: 'role' }, 'role'],
    [{}, 'galley_payments_dev'],
  ])('connects as the service role with the password of %j', (env, password) => {
    expect(serviceCliEnvironment('payments', env)).toMatchObject({ DB_PASSWORD: password, DB_POOL_SIZE: '2' });
  });

  it('keeps the rest of the environment and names the test database only when asked', () => {
    const env = { DB_NAME: 'galley', KAFKA_BROKERS: 'b:9092', GALLEY_TEST_DB_NAME: 'galley_ci' };
    expect(serviceCliEnvironment('reviews', env)).toMatchObject({ DB_NAME: 'galley', KAFKA_BROKERS: 'b:9092' });
    expect(serviceCliEnvironment('reviews', env, { testDatabase: true }).DB_NAME).toBe('galley_ci');
    expect(serviceCliEnvironment('reviews', {}, { testDatabase: true }).DB_NAME).toBe('galley_test');
    expect(serviceCliEnvironment('reviews', { DB_USER: '' }).DB_USER).toBeUndefined();
  });
});
