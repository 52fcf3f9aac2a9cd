import { spawnSync } from 'node:child_process';
import { Pool } from 'pg';
import { createIdempotentProducer, OutboxRelay } from '@galley/messaging';
import { adminPoolConfig, collectMessages, MessagingFixture, waitFor } from '@galley/testing';
import { appendEvents, uniqueIds } from './outbox-helpers';

// A broker of this test's own, so stopping it disturbs nothing else.
const BROKER = { name: 'fault', port: 29092, controllerPort: 29093 };

function broker(command: 'start' | 'stop'): void {
  const args = command === 'start' ? [String(BROKER.port), String(BROKER.controllerPort)] : [];
  const result = spawnSync(process.execPath, ['scripts/broker.mjs', command, BROKER.name, ...args], { cwd: process.cwd(), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`broker ${command} failed: ${result.stderr}${result.stdout}`);
}

describe('OutboxRelay when the broker goes away', () => {
  let fixture: MessagingFixture;
  let relay: OutboxRelay;
  let pool: Pool;

  beforeAll(async () => {
    broker('start');
    fixture = await new MessagingFixture('restart', [`127.0.0.1:${BROKER.port}`]).setUp(1);
    pool = new Pool(adminPoolConfig({ max: 2 }));
  });

  afterAll(async () => {
    await relay?.stop();
    await pool?.end();
    await fixture?.dispose();
    broker('stop');
  });

  it('catches up on its own once the broker is back', async () => {
    const producer = createIdempotentProducer(fixture.kafka);
    await producer.connect();
    relay = new OutboxRelay(pool, producer, { schema: fixture.schema, batchSize: 50, pollIntervalMs: 200 });
    await relay.start();
    await appendEvents(fixture, ['a', 'b'], 5);
    await waitFor(async () => (await fixture.pendingOutboxRows()) === 0, { what: 'the first events' });

    broker('stop');
    await appendEvents(fixture, ['a', 'b', 'c'], 10);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    // Nothing can be published, and nothing is lost: every row is still pending.
    expect(await fixture.pendingOutboxRows()).toBe(30);

    broker('start');
    await waitFor(async () => (await fixture.pendingOutboxRows()) === 0, { timeoutMs: 90_000, intervalMs: 500, what: 'the relay to catch up' });
    const received = await collectMessages(fixture.kafka, fixture.topic, (messages) => uniqueIds(messages) >= 40);
    expect(uniqueIds(received)).toBe(40);
    await producer.disconnect();
  });
});
