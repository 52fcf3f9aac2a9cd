import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { PostgresCluster, runCommand as run } from '../lib/postgres-cluster';

/**
 * The infrastructure a chaos run owns and may break: a Postgres cluster of its own (initdb into .cache/chaos/, started
 * with pg_ctl on its own port) and a Kafka broker of its own (scripts/broker.mjs under its own name). The machine's
 * Postgres on 5432 and the shared test broker are never touched.
 */
export interface ChaosInfraOptions {
  /** Names the data directories (.cache/chaos/<name>-pg, .cache/kafka/chaos-<name>). */
  name: string;
  postgresPort: number;
  brokerPort: number;
  brokerControllerPort: number;
  database: string;
  /** Remove the data directories when stopped (a test's run); the full run keeps them for a post-mortem. */
  removeOnStop?: boolean;
}

const ROOT = process.cwd();

export class ChaosInfra {
  readonly pgDataDir: string;
  private readonly postgres: PostgresCluster;
  private readonly brokerName: string;

  constructor(readonly options: ChaosInfraOptions) {
    this.pgDataDir = path.join(ROOT, '.cache/chaos', `${options.name}-pg`);
    this.postgres = new PostgresCluster(this.pgDataDir, options.postgresPort);
    this.brokerName = `chaos-${options.name}`;
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.options.brokerPort}`];
  }

  get database(): { host: string; port: number; name: string } {
    return { host: '127.0.0.1', port: this.options.postgresPort, name: this.options.database };
  }

  /** A fresh cluster and broker (the previous run's data is removed), provisioned like galley_test. */
  async startFresh(log: (line: string) => void = () => undefined): Promise<void> {
    this.claim();
    await this.stop();
    fs.rmSync(this.pgDataDir, { recursive: true, force: true });
    fs.rmSync(path.join(ROOT, '.cache/kafka', this.brokerName), { recursive: true, force: true });
    log(`postgres: initdb ${path.relative(ROOT, this.pgDataDir)}`);
    await this.postgres.init();
    await this.startPostgres();
    log(`postgres: running on 127.0.0.1:${this.options.postgresPort}`);
    await this.startBroker();
    log(`kafka: broker ${this.brokerName} on ${this.brokers[0]}`);
    await this.provision();
    log(`provisioned ${this.options.database}: roles, schemas, migrations, topics`);
  }

  async startPostgres(): Promise<void> {
    await this.postgres.start({ max_connections: 200 });
    await this.waitForPostgres();
  }

  /** kill -9 of the postmaster's children: `pg_ctl stop -m immediate`, the crash-like shutdown (recovery on start). */
  async restartPostgres(): Promise<void> {
    await this.postgres.stop('immediate');
    await this.startPostgres();
  }

  killBroker(): Promise<void> {
    return this.broker('kill');
  }

  startBroker(): Promise<void> {
    return this.broker('start', String(this.options.brokerPort), String(this.options.brokerControllerPort));
  }

  async stop(): Promise<void> {
    await this.broker('stop');
    await this.postgres.stop('fast');
  }

  /** Stops everything and lets the name go (and removes the data when `removeOnStop`). */
  async release(): Promise<void> {
    await this.stop();
    if (this.options.removeOnStop) {
      fs.rmSync(this.pgDataDir, { recursive: true, force: true });
      fs.rmSync(path.join(ROOT, '.cache/kafka', this.brokerName), { recursive: true, force: true });
    }
    if (fs.existsSync(this.lockFile) && fs.readFileSync(this.lockFile, 'utf8').trim() === String(process.pid)) fs.rmSync(this.lockFile, { force: true });
  }

  private get lockFile(): string {
    return path.join(ROOT, '.cache/chaos', `${this.options.name}.pid`);
  }

  /**
   * One run per name at a time: a second run would wipe the first one's cluster and broker under it (seen when the
   * suite ran twice at once). The name belongs to the process in its pid file while that process lives.
   */
  private claim(): void {
    fs.mkdirSync(path.dirname(this.lockFile), { recursive: true });
    const owner = fs.existsSync(this.lockFile) ? Number(fs.readFileSync(this.lockFile, 'utf8').trim()) : NaN;
    if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) {
      throw new Error(`chaos infrastructure "${this.options.name}" is in use by process ${owner} (${this.lockFile})`);
    }
    fs.writeFileSync(this.lockFile, String(process.pid));
  }

  private async provision(): Promise<void> {
    const env = {
      ...process.env,
      DB_HOST: '127.0.0.1',
      DB_PORT: String(this.options.postgresPort),
      PGHOST_ADMIN: '127.0.0.1',
      PGUSER_ADMIN: 'postgres',
      DB_NAME: this.options.database,
      KAFKA_BROKERS: this.brokers.join(','),
      KAFKA_TOPIC_PREFIX: '',
    };
    // The same roles and schemas as `npm test` provisions (scripts/lib/postgres.mjs), then migrations and topics.
    const ensure = `import { ensureDatabase } from ${JSON.stringify(path.join(ROOT, 'scripts/lib/postgres.mjs'))}; await ensureDatabase(${JSON.stringify(this.options.database)});`;
    await run(process.execPath, ['--input-type=module', '-e', ensure], env);
    await run(process.execPath, ['-r', path.join(ROOT, 'scripts/register-paths.cjs'), path.join(ROOT, 'dist/scripts/setup-services.js')], env);
  }

  private async waitForPostgres(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const client = new Client({ host: '127.0.0.1', port: this.options.postgresPort, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 1000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`the chaos Postgres on ${this.options.postgresPort} did not answer: ${String(error)}`, { cause: error });
      } finally {
        await client.end().catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private broker(command: 'start' | 'kill' | 'stop', ...args: string[]): Promise<void> {
    return run(process.execPath, [path.join(ROOT, 'scripts/broker.mjs'), command, this.brokerName, ...args]);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
