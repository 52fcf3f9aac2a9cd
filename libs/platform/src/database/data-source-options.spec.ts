import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadServiceConfig } from '@galley/config';
import { serviceDataSourceOptions } from './data-source-options';
import { serviceTypeParsers } from './pg-types';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const caFile = path.join(mkdtempSync(path.join(tmpdir(), 'galley-ds-ca-')), 'ca.pem');
writeFileSync(caFile, PEM);

describe(serviceDataSourceOptions.name, () => {
  const schema = { entities: [], migrations: [] };

  it('connects as the service role in its schema with the TLS of DB_SSL_MODE', () => {
    const config = loadServiceConfig('reviews', { DB_HOST: 'db.example', DB_PORT: '6432', DB_PASSWORD: 'pw', DB_SSL_MODE: 'verify-full', DB_SSL_CA_FILE: caFile });
    expect(serviceDataSourceOptions('reviews', config, schema)).toMatchObject({
      type: 'postgres',
      host: 'db.example',
      port: 6432,
      database: 'galley',
      username: 'galley_reviews',
      password: 'pw',
      schema: 'reviews',
      ssl: { ca: PEM, rejectUnauthorized: true },
    });
  });

  it('turns TLS off for DB_SSL_MODE=disable, the default', () => {
    const sut = serviceDataSourceOptions('users', loadServiceConfig('users', {}), schema);
    expect(sut).toMatchObject({ ssl: false, username: 'galley_users' });
    expect(sut).not.toHaveProperty('user');
  });

  it('gives the pool the type parsers that read int8 as numbers', () => {
    expect(serviceDataSourceOptions('orders', loadServiceConfig('orders', {}), schema)).toMatchObject({ extra: { types: serviceTypeParsers } });
  });
});
