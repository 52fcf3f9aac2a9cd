import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kafkaConnectionOptions, kafkaSecurityOptions, postgresConnectionOptions, postgresTlsOptions } from './connection-settings';
import { GatewayConfig } from './gateway-config';
import { ConfigValidationError, loadConfig } from './load-config';
import { ServiceConfig } from './service-config';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const caFile = path.join(mkdtempSync(path.join(tmpdir(), 'galley-ca-')), 'ca.pem');
writeFileSync(caFile, PEM);

const service = (env: Record<string, string>) => loadConfig(ServiceConfig, { PORT: '3001', DB_USER: 'galley_users', ...env });

describe(kafkaSecurityOptions.name, () => {
  it.each([
    ['plaintext without any key', {}, {}],
    ["TLS with Node's roots for KAFKA_SSL=true", { KAFKA_SSL: 'true' }, { ssl: true }],
    ['TLS with the given CA', { KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: caFile }, { ssl: { ca: [PEM], rejectUnauthorized: true } }],
    ['TLS without checking, when told', { KAFKA_SSL: 'true', KAFKA_SSL_REJECT_UNAUTHORIZED: 'false' }, { ssl: { ca: undefined, rejectUnauthorized: false } }],
    [
      'SASL/PLAIN over TLS',
      { KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'key', KAFKA_SASL_PASSWORD: 'secret' },
      { ssl: true, sasl: { mechanism: 'plain', username: 'key', password: 'secret' } },
    ],
    [
      'SASL/SCRAM-SHA-512',
      { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' },
      { sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' } },
    ],
  ])('gives %s', (_case, env, expected) => {
    expect(kafkaSecurityOptions(service(env))).toEqual(expected);
    // The gateway's Kafka clients read the same keys.
    expect(kafkaSecurityOptions(loadConfig(GatewayConfig, env))).toEqual(expected);
  });

  it('names the missing credentials and an unknown mechanism', () => {
    const problems = (env: Record<string, string>) => {
      try {
        service(env);
        return [];
      } catch (error) {
        return (error as ConfigValidationError).problems.map((p) => p.split(':')[0]);
      }
    };
    expect(new Set(problems({ KAFKA_SASL_MECHANISM: 'scram-sha-256' }))).toEqual(new Set(['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD']));
    expect(problems({ KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toEqual(['KAFKA_SASL_MECHANISM']);
  });

  it('names the key of a CA file that cannot be read', () => {
    expect(() => kafkaSecurityOptions(service({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/nonexistent/ca.pem' }))).toThrow(/^KAFKA_SSL_CA_FILE: cannot read/);
  });
});

describe(postgresTlsOptions.name, () => {
  it.each([
    ['disable', {}, false],
    ['require', { DB_SSL_MODE: 'require' }, { rejectUnauthorized: false }],
    ['verify-full', { DB_SSL_MODE: 'verify-full', DB_SSL_CA_FILE: caFile }, { ca: PEM, rejectUnauthorized: true }],
  ])('gives %s as node-postgres ssl options', (_case, env, expected) => {
    expect(postgresTlsOptions(service(env))).toEqual(expected);
  });

  it('checks the chain but not the host name for verify-ca', () => {
    const sut = postgresTlsOptions(service({ DB_SSL_MODE: 'verify-ca', DB_SSL_CA_FILE: caFile }));
    expect(sut).toMatchObject({ ca: PEM, rejectUnauthorized: true });
    expect(sut && sut.checkServerIdentity?.('db.internal', {} as never)).toBeUndefined();
  });

  it('refuses an sslmode a client without fallback cannot honour', () => {
    expect(() => service({ DB_SSL_MODE: 'prefer' })).toThrow(/DB_SSL_MODE/);
  });
});

describe(kafkaConnectionOptions.name, () => {
  it('gives the brokers with the TLS and SASL options', () => {
    const config = service({ KAFKA_BROKERS: 'b1:9093,b2:9093', KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' });
    expect(kafkaConnectionOptions(config)).toEqual({ brokers: ['b1:9093', 'b2:9093'], ssl: true, sasl: { mechanism: 'plain', username: 'u', password: 'p' } });
  });

  it('gives only the brokers for a plaintext cluster', () => {
    expect(kafkaConnectionOptions(loadConfig(GatewayConfig, {}))).toEqual({ brokers: ['127.0.0.1:9092'] });
  });
});

describe(postgresConnectionOptions.name, () => {
  it('gives node-postgres options with ssl from DB_SSL_MODE', () => {
    const config = service({ DB_HOST: 'db.internal', DB_PORT: '6543', DB_NAME: 'shop', DB_PASSWORD: 'pw', DB_SSL_MODE: 'verify-full', DB_SSL_CA_FILE: caFile });
    expect(postgresConnectionOptions(config)).toEqual({
      host: 'db.internal',
      port: 6543,
      database: 'shop',
      user: 'galley_users',
      password: 'pw',
      ssl: { ca: PEM, rejectUnauthorized: true },
    });
  });

  it('gives ssl false (not undefined, which would let PGSSLMODE decide) when TLS is off', () => {
    expect(postgresConnectionOptions(service({}))).toHaveProperty('ssl', false);
  });
});
