// Brings up what the services need: Postgres with their database, a Kafka broker, the compiled
// code, migrations and topics. Every step is idempotent and prints how long it took.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, startBroker } from './kafka-broker.mjs';
import { runBuild } from './build.mjs';
import { step } from './log.mjs';
import { ensureDatabase, ensurePostgresRunning } from './postgres.mjs';

export function build() {
  step('Build: nest build (tsc over tsconfig.build.json, incremental, plus assets)');
  if (runBuild() !== 0) throw new Error('TypeScript build failed (nest build)');
}

export function runCompiled(entry, args, env) {
  const result = spawnSync(process.execPath, ['-r', path.join(ROOT, 'scripts/register-paths.cjs'), path.join(ROOT, 'dist', entry), ...args], { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${entry} failed`);
}

/**
 * @param {{ database: string, broker: { name: string, port: number, controllerPort: number }, topicPrefix?: string }} target
 * @returns {Promise<{ brokerStarted: boolean, env: NodeJS.ProcessEnv }>}
 */
export async function provision(target) {
  await ensurePostgresRunning();
  await ensureDatabase(target.database);
  const broker = await startBroker(target.broker);
  build();
  const env = {
    ...process.env,
    DB_NAME: target.database,
    KAFKA_BROKERS: `127.0.0.1:${target.broker.port}`,
    KAFKA_TOPIC_PREFIX: target.topicPrefix ?? process.env.KAFKA_TOPIC_PREFIX ?? '',
  };
  step(`Setup: migrations for every service in ${target.database}, topics on 127.0.0.1:${target.broker.port}`);
  runCompiled('scripts/setup-services.js', [], env);
  return { brokerStarted: broker.started, env };
}

export const DEV_TARGET = { database: 'galley', broker: { name: 'dev', port: 9092, controllerPort: 9093 } };
export const TEST_TARGET = { database: 'galley_test', broker: { name: 'test', port: 19092, controllerPort: 19093 } };
