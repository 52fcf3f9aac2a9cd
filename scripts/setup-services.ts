// Applies every service's migrations (each as its own role, in its own schema) and creates the
// Kafka topics with their dead-letter topics. Run by `npm start`, `npm test` and the k8s Job.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { kafkaConnectionOptions, loadServiceConfig, SERVICE_NAMES, ServiceName } from '@galley/config';
import { deadLetterTopicOf, TOPICS, withTopicPrefix } from '@galley/contracts';
import { createKafkaClient, ensureTopics } from '@galley/messaging';
import { serviceDataSourceOptions, ServiceSchema } from '@galley/platform';
import { inventorySchema } from '../apps/inventory/src/schema/inventory.schema';
import { ordersSchema } from '../apps/orders/src/schema/orders.schema';
import { paymentsSchema } from '../apps/payments/src/schema/payments.schema';
import { reviewsSchema } from '../apps/reviews/src/schema/reviews.schema';
import { usersSchema } from '../apps/users/src/schema/users.schema';

const SCHEMAS: Record<ServiceName, ServiceSchema> = {
  users: usersSchema,
  inventory: inventorySchema,
  orders: ordersSchema,
  payments: paymentsSchema,
  reviews: reviewsSchema,
};

const EVENT_PARTITIONS = 6;
const DLQ_PARTITIONS = 1;

/** Per-service variables may be given as `<SERVICE>_DB_PASSWORD`; the rest is shared. */
function envFor(service: ServiceName): NodeJS.ProcessEnv {
  const password = process.env[`DB_PASSWORD_${service.toUpperCase()}`] ?? `galley_${service}_dev`;
  return { ...process.env, DB_USER: undefined, PORT: undefined, DB_PASSWORD: password };
}

async function migrate(service: ServiceName): Promise<void> {
  const config = loadServiceConfig(service, envFor(service));
  const dataSource = new DataSource(serviceDataSourceOptions(service, config, SCHEMAS[service]));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(`[setup] ${service}: ${applied.length} migration(s) applied${applied.length ? `: ${applied.map((m) => m.name).join(', ')}` : ''}`);
  } finally {
    await dataSource.destroy();
  }
}

async function createTopics(): Promise<void> {
  const config = loadServiceConfig('users', envFor('users'));
  const kafka = createKafkaClient({ clientId: 'galley-setup', ...kafkaConnectionOptions(config) });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const specs = Object.values(TOPICS).flatMap((topic) => {
      const name = withTopicPrefix(topic, config.KAFKA_TOPIC_PREFIX);
      return [
        { topic: name, numPartitions: EVENT_PARTITIONS },
        { topic: deadLetterTopicOf(name), numPartitions: DLQ_PARTITIONS },
      ];
    });
    const created = await ensureTopics(admin, specs);
    console.log(`[setup] topics: ${created.length ? `created ${created.join(', ')}` : `all ${specs.length} present`}`);
  } finally {
    await admin.disconnect();
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const services = only.length ? (only as ServiceName[]) : [...SERVICE_NAMES];
  for (const service of services) {
    if (!SERVICE_NAMES.includes(service)) throw new Error(`unknown service ${service}`);
    await migrate(service);
  }
  if (!process.argv.includes('--no-topics')) await createTopics();
}

main().catch((error: unknown) => {
  console.error('[setup] failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
