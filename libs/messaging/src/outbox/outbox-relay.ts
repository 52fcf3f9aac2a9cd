import { Client, Pool, PoolClient } from 'pg';
import { Message, Producer } from 'kafkajs';
import { MessagingLogger, silentLogger } from '../logger';
import { outboxChannel } from '../schema/messaging-tables';
import { assertIdentifier } from '../sql-executor';
import { messagingMetrics } from '../metrics';

export interface OutboxRelayOptions {
  schema: string;
  batchSize: number;
  /** Safety net only: the relay normally wakes on LISTEN/NOTIFY. */
  pollIntervalMs: number;
  /** Published rows older than this are deleted. */
  retentionMs?: number;
  logger?: MessagingLogger;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  /** The envelope as stored (JSON text), sent as is. */
  envelope: string;
  headers: Record<string, string>;
}

export interface OutboxLag {
  pending: number;
  oldestPendingAgeMs: number;
}

const MAX_BACKOFF_MS = 5000;
const CLEANUP_EVERY_MS = 10 * 60 * 1000;

/**
 * Publishes outbox rows to Kafka and marks them, in one database transaction per batch.
 *
 * - Rows are claimed with FOR UPDATE SKIP LOCKED, so several relays share the work, and each
 *   claimed aggregate key also takes a transaction-scoped advisory lock: a second relay skips
 *   every row of a key the first one is publishing, which keeps per-aggregate order. A relay
 *   only ever row-locks rows whose key it holds, so no later row of a key can overtake one
 *   that another relay merely looked at.
 * - The mark commits only after Kafka acknowledged the batch. A relay that dies in between
 *   leaves the rows pending and they are published again (at-least-once; consumers dedupe).
 */
export class OutboxRelay {
  private readonly schema: string;
  private readonly logger: MessagingLogger;
  private listener?: Client;
  private running = false;
  private wakeUp?: () => void;
  private pendingWake = false;
  private loop?: Promise<void>;
  private lastCleanup = 0;
  private published = 0;

  constructor(
    private readonly pool: Pool,
    private readonly producer: Producer,
    private readonly options: OutboxRelayOptions,
    private readonly listenerFactory: () => Client = () => new Client(poolConnectionOptions(pool)),
  ) {
    this.schema = assertIdentifier(options.schema);
    this.logger = options.logger ?? silentLogger;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  /** Publishes everything pending now; returns how many rows were published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < this.options.batchSize) return total;
    }
  }

  /** Rows this relay instance has published since it was created. */
  get publishedCount(): number {
    return this.published;
  }

  async lag(): Promise<OutboxLag> {
    const { rows } = await this.pool.query<{ pending: string; oldest: Date | null }>(
      `SELECT count(*) AS pending, min(created_at) AS oldest FROM "${this.schema}".outbox WHERE published_at IS NULL`,
    );
    const oldest = rows[0]?.oldest;
    return { pending: Number(rows[0]?.pending ?? 0), oldestPendingAgeMs: oldest ? Date.now() - oldest.getTime() : 0 };
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.drain();
        await this.cleanupIfDue();
        failures = 0;
        await this.sleepUntilWoken(this.options.pollIntervalMs);
      } catch (error) {
        failures += 1;
        const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** failures);
        this.logger.warn({ err: error, delayMs: delay, schema: this.schema }, 'outbox relay batch failed; retrying');
        await this.sleepUntilWoken(delay);
        if (!this.listener) await this.listen().catch(() => undefined);
      }
    }
  }

  private async publishBatch(): Promise<number> {
    const client: PoolClient = await this.pool.connect();
    // The pool stops listening to a client it hands out: if Postgres goes away while this batch waits for the broker,
    // an 'error' with no listener would crash the process (seen when the chaos run restarts Postgres).
    let broken: Error | undefined;
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    try {
      // One round trip (a simple query of several statements) opens the transaction and sets it up.
      // Losing this transaction's commit in a crash only means the batch is published again,
      // which consumers absorb, so it need not wait for the WAL flush.
      // The oldest pending rows come from the pending index in seq order, and only those rows
      // are then locked by primary key. Planner settings are pinned for this transaction: with
      // stale statistics (a backlog after an outage) Postgres would otherwise scan and sort the
      // whole backlog for every batch. `published_at IS NULL` is checked again on the locked
      // row, because another relay may have marked it since the candidates were read.
      await client.query('BEGIN; SET LOCAL synchronous_commit = off; SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off');
      const { rows } = await client.query<OutboxRow>(
        `SELECT o.id, o.topic, o.message_key, o.envelope::text AS envelope, o.headers
           FROM "${this.schema}".outbox o
          WHERE o.id = ANY (ARRAY (
                  SELECT id FROM "${this.schema}".outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1))
            AND o.published_at IS NULL
            AND pg_try_advisory_xact_lock(hashtext('${this.schema}.outbox'), hashtext(o.topic || '/' || o.message_key))
          ORDER BY o.seq
          FOR UPDATE OF o SKIP LOCKED`,
        [this.options.batchSize],
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      await this.producer.sendBatch({ acks: -1, topicMessages: groupByTopic(rows) });
      // The mark and the commit in one round trip: a simple query takes no parameters, so the ids (uuids Postgres
      // just returned, checked again here) are written into it.
      await client.query(`UPDATE "${this.schema}".outbox SET published_at = now() WHERE id = ANY('{${rows.map((row) => uuidLiteral(row.id)).join(',')}}'::uuid[]); COMMIT`);
      this.published += rows.length;
      messagingMetrics.outboxPublished.inc({ schema: this.schema }, rows.length);
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      broken ??= error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.off('error', onError);
      // A client that failed is discarded, not returned to the pool half-broken.
      client.release(broken);
    }
  }

  private async cleanupIfDue(): Promise<void> {
    const retentionMs = this.options.retentionMs ?? 7 * 24 * 3600 * 1000;
    if (Date.now() - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = Date.now();
    await this.pool.query(`DELETE FROM "${this.schema}".outbox WHERE published_at < now() - ($1::bigint * interval '1 millisecond')`, [retentionMs]);
  }

  private async listen(): Promise<void> {
    const listener = this.listenerFactory();
    listener.on('notification', () => this.wake());
    listener.on('error', (error) => {
      this.logger.warn({ err: error, schema: this.schema }, 'outbox listener lost its connection; polling until it is back');
      if (this.listener === listener) this.listener = undefined;
      listener.end().catch(() => undefined);
    });
    await listener.connect();
    await listener.query(`LISTEN "${outboxChannel(this.schema)}"`);
    this.listener = listener;
  }

  private wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  private sleepUntilWoken(ms: number): Promise<void> {
    if (this.pendingWake || !this.running) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.pendingWake = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidLiteral(id: string): string {
  if (!UUID.test(id)) throw new Error(`outbox row id is not a uuid: ${JSON.stringify(id)}`);
  return id;
}

function groupByTopic(rows: OutboxRow[]): { topic: string; messages: Message[] }[] {
  const byTopic = new Map<string, Message[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.message_key, value: row.envelope, headers: row.headers });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

function poolConnectionOptions(pool: Pool): ConstructorParameters<typeof Client>[0] {
  // pg keeps the options a pool was created with; the listener connects the same way.
  return (pool as unknown as { options: ConstructorParameters<typeof Client>[0] }).options;
}
