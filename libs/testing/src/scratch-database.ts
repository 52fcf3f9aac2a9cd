import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadServiceConfig, ServiceName } from '@galley/config';
import { serviceDataSourceOptions, ServiceSchema } from '@galley/platform';
import { adminPoolConfig, uniqueSuffix } from './test-environment';

const run = promisify(execFile);
const REPO = path.resolve(__dirname, '../../..');
const devPassword = (service: ServiceName) => process.env[`DB_PASSWORD_${service.toUpperCase()}`] ?? `galley_${service}_dev`;

/**
 * A throwaway database provisioned exactly as galley_test is (roles, schemas, extensions, by
 * scripts/lib/postgres.mjs), with one service's migrations run, for suites whose assertions read
 * the whole of a table other suites also write (a kitchen queue, an empty catalog). `drop()`
 * removes it.
 */
export class ScratchServiceDatabase {
  private constructor(
    readonly name: string,
    private readonly service: ServiceName,
  ) {}

  static async create(service: ServiceName, schema: ServiceSchema): Promise<ScratchServiceDatabase> {
    const name = `galley_scratch_${uniqueSuffix()}`;
    const ensure = `import { ensureDatabase } from ${JSON.stringify(path.join(REPO, 'scripts/lib/postgres.mjs'))}; await ensureDatabase(${JSON.stringify(name)});`;
    await run(process.execPath, ['--input-type=module', '-e', ensure], { cwd: REPO, env: process.env });
    const config = loadServiceConfig(service, { DB_NAME: name, DB_USER: `galley_${service}`, DB_PASSWORD: devPassword(service) });
    const dataSource = new DataSource(serviceDataSourceOptions(service, config, schema));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    return new ScratchServiceDatabase(name, service);
  }

  /** Settings that point the service (or a pool) at this database as the service's role. */
  get env(): Record<string, string> {
    return { DB_NAME: this.name, DB_USER: `galley_${this.service}`, DB_PASSWORD: devPassword(this.service) };
  }

  async drop(): Promise<void> {
    const admin = new Client({ ...adminPoolConfig(), database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}
