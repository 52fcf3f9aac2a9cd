import { Admin, Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { deadLetterTopicOf, TOPICS, withTopicPrefix } from '@galley/contracts';
import { ensureTopics, messagingTablesV1Up } from '@galley/messaging';
import { adminPool, testEnvironment, uniqueSuffix } from './test-environment';

/**
 * A throwaway schema with the real outbox/inbox tables plus an `effects` table that test
 * handlers write to, and its own topics on the test broker. `dispose()` drops it all.
 */
export class MessagingFixture {
  readonly schema: string;
  /** Prefix that maps the test contract's topic onto this fixture's own topic. */
  readonly topicPrefix: string;
  readonly topic: string;
  readonly pool: Pool;
  readonly kafka: Kafka;
  private admin?: Admin;

  constructor(name: string, brokers: string[] = testEnvironment.kafkaBrokers) {
    const suffix = uniqueSuffix();
    this.schema = `t_${name}_${suffix}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    this.topicPrefix = `test-${name}-${suffix}`;
    this.topic = withTopicPrefix(TOPICS.orders, this.topicPrefix);
    this.pool = adminPool({ max: 10 });
    this.kafka = new Kafka({ clientId: `test-${name}`, brokers, logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 200 } });
  }

  async setUp(partitions = 3): Promise<this> {
    await this.pool.query(`CREATE SCHEMA "${this.schema}"`);
    for (const statement of messagingTablesV1Up(this.schema)) await this.pool.query(statement);
    await this.pool.query(
      `CREATE TABLE "${this.schema}".effects (
        id bigserial PRIMARY KEY, event_id uuid NOT NULL, aggregate_id text NOT NULL, seq integer NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    this.admin = this.kafka.admin();
    await this.admin.connect();
    await ensureTopics(this.admin, [
      { topic: this.topic, numPartitions: partitions },
      { topic: deadLetterTopicOf(this.topic), numPartitions: 1 },
    ]);
    return this;
  }

  async effects(): Promise<{ event_id: string; aggregate_id: string; seq: number }[]> {
    const { rows } = await this.pool.query(`SELECT event_id, aggregate_id, seq FROM "${this.schema}".effects ORDER BY id`);
    return rows;
  }

  async pendingOutboxRows(): Promise<number> {
    const { rows } = await this.pool.query(`SELECT count(*)::int AS n FROM "${this.schema}".outbox WHERE published_at IS NULL`);
    return rows[0].n;
  }

  async dispose(): Promise<void> {
    await this.admin?.deleteTopics({ topics: [this.topic, deadLetterTopicOf(this.topic)] }).catch(() => undefined);
    await this.admin?.disconnect();
    await this.pool.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    await this.pool.end();
  }
}
