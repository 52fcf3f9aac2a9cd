// npm run bench:reserve — reservations per second when many orders compete for the same few hot
// products. order.placed events are published at once to the real topic (under a run-specific
// topic prefix, so no other consumer sees them) and handled by the inventory service's own
// consumer; the clock stops when every order has its stock.reserved or stock.rejected on
// inventory.events. Then the books are checked: nothing oversold, reserved units match the held
// reservations. Prints a table and appends it to bench/results/reserve.md.
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Consumer, Kafka } from 'kafkajs';
import { AccessTokenIssuer, generateSigningJwk, parseSigningKey } from '@galley/auth';
import { deadLetterTopicOf, EVENT_HEADERS, EventEnvelope, orderPlacedV1, OrderPlacedV1, TOPICS, withTopicPrefix } from '@galley/contracts';
import { createKafkaClient, ensureTopics } from '@galley/messaging';
import { adminPool, AppProcess, testEnvironment } from '@galley/testing';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 3000);
const HOT_PRODUCTS = Number(process.env.BENCH_HOT_PRODUCTS ?? 5);
const STOCK = Number(process.env.BENCH_STOCK ?? 500);
const PORT = Number(process.env.BENCH_INVENTORY_PORT ?? 23012);
const INVENTORY_PASSWORD = process.env.DB_PASSWORD_INVENTORY ?? 'galley_inventory_dev';

interface PlacedOrder {
  orderId: string;
  lines: { productId: string; quantity: number }[];
}

/** Deterministic orders: 1 to 3 lines over the hot products, 1 to 3 units each. */
function makeOrders(productIds: string[]): PlacedOrder[] {
  let state = 12345;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  return Array.from({ length: ORDERS }, () => {
    const lineCount = 1 + next(3);
    const picked = new Set<string>();
    while (picked.size < Math.min(lineCount, productIds.length)) picked.add(productIds[next(productIds.length)]);
    return { orderId: randomUUID(), lines: [...picked].map((productId) => ({ productId, quantity: 1 + next(3) })) };
  });
}

async function waitReady(url: string, child: AppProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (!child.running) throw new Error(`inventory exited\n${child.tail()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not ready yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} not ready in 90 s\n${child.tail()}`);
}

async function main(): Promise<void> {
  const prefix = `bench${Date.now().toString(36)}.`;
  const kafka: Kafka = createKafkaClient({ clientId: 'bench-reserve', brokers: testEnvironment.kafkaBrokers });
  const admin = kafka.admin();
  await admin.connect();
  const topics = Object.values(TOPICS).map((topic) => withTopicPrefix(topic, prefix));
  await ensureTopics(
    admin,
    topics.flatMap((topic) => [
      { topic, numPartitions: 6 },
      { topic: deadLetterTopicOf(topic), numPartitions: 1 },
    ]),
  );
  const db = adminPool();
  const issuer = new AccessTokenIssuer(await parseSigningKey(JSON.stringify(await generateSigningJwk())), 900);
  const inventory = new AppProcess('inventory', {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(PORT),
    DB_NAME: testEnvironment.databaseName,
    DB_USER: 'galley_inventory',
    DB_PASSWORD: INVENTORY_PASSWORD,
    KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    JWT_PUBLIC_KEYS: JSON.stringify(issuer.jwks()),
    DEMO_CATALOG: 'false',
    RESERVATION_SWEEP_INTERVAL_MS: '3600000',
  });
  const producer = kafka.producer();
  const publish = async (batch: PlacedOrder[]): Promise<void> => {
    for (let i = 0; i < batch.length; i += 500) {
      await producer.send({
        topic: withTopicPrefix(orderPlacedV1.topic, prefix),
        messages: batch.slice(i, i + 500).map((order) => {
          const payload: OrderPlacedV1 = {
            orderId: order.orderId,
            customerId: randomUUID(),
            lines: order.lines.map((line) => ({ ...line, unitPrice: { amount: 1000, currency: 'USD' } })),
            total: { amount: 1000 * order.lines.reduce((n, line) => n + line.quantity, 0), currency: 'USD' },
            fulfillmentType: 'pickup',
          };
          const envelope: EventEnvelope<OrderPlacedV1> = {
            id: randomUUID(),
            type: orderPlacedV1.type,
            version: orderPlacedV1.version,
            occurredAt: new Date().toISOString(),
            aggregateId: order.orderId,
            correlationId: randomUUID(),
            causationId: randomUUID(),
            payload,
          };
          return {
            key: order.orderId,
            value: JSON.stringify(envelope),
            headers: { [EVENT_HEADERS.id]: envelope.id, [EVENT_HEADERS.type]: envelope.type, [EVENT_HEADERS.version]: '1' },
          };
        }),
      });
    }
  };
  let consumer: Consumer | undefined;
  const productIds: string[] = [];
  let categoryId: string | undefined;
  const orders: PlacedOrder[] = [];
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitReady(`${base}/health/ready`, inventory);
    const { accessToken } = await issuer.issue({ id: randomUUID(), email: 'bench-admin@galley.test', role: 'admin' });
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const call = async (pathname: string, body: object) => {
      const res = await fetch(`${base}${pathname}`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (res.status !== 201) throw new Error(`${pathname} answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { id: string };
    };
    categoryId = (await call('/api/admin/categories', { name: `Bench hot ${prefix}` })).id;
    for (let i = 0; i < HOT_PRODUCTS; i += 1) {
      const { id } = await call('/api/admin/products', { name: `Hot dish ${i}`, description: 'reserve benchmark', categoryId, price: { amount: 1000, currency: 'USD' } });
      productIds.push(id);
      await call(`/api/admin/inventory/${id}/adjustments`, { delta: STOCK, reason: 'reserve benchmark' });
    }
    orders.push(...makeOrders(productIds));
    const wanted = new Set(orders.map((order) => order.orderId));

    // Every decision, as other services see it: stock.reserved / stock.rejected on inventory.events.
    const decided = new Map<string, string>();
    consumer = kafka.consumer({ groupId: `bench-reserve-${prefix}` });
    await consumer.connect();
    await consumer.subscribe({ topic: withTopicPrefix(TOPICS.inventory, prefix), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const envelope = JSON.parse(message.value!.toString()) as EventEnvelope<{ orderId?: string }>;
        const orderId = envelope.payload.orderId;
        if ((envelope.type === 'stock.reserved' || envelope.type === 'stock.rejected') && orderId && wanted.has(orderId)) decided.set(orderId, envelope.type);
      },
    });

    await producer.connect();
    // One order first, untimed: the service's consumer group must have joined and been assigned
    // its partitions before the clock starts.
    const warmUp = makeOrders(productIds)
      .slice(0, 1)
      .map((order) => ({ ...order, orderId: randomUUID(), lines: [{ productId: productIds[0], quantity: 1 }] }));
    orders.push(...warmUp);
    wanted.add(warmUp[0].orderId);
    await publish(warmUp);
    for (const deadline = Date.now() + 60_000; !decided.has(warmUp[0].orderId);) {
      if (Date.now() > deadline) throw new Error('the warm-up order got no decision within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    decided.delete(warmUp[0].orderId);
    wanted.delete(warmUp[0].orderId);
    const unitsBefore = (await db.query<{ n: number }>(`SELECT sum(reserved)::int AS n FROM inventory.stock_levels WHERE product_id = ANY($1::uuid[])`, [productIds])).rows[0].n;
    const loadBefore = os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ');
    console.log(`reserve benchmark: ${ORDERS} orders over ${HOT_PRODUCTS} hot products with ${STOCK} units each, published at once...`);
    const started = Date.now();
    await publish(orders.slice(0, ORDERS));
    const published = Date.now();
    let decidedInDbAt = 0;
    let printed = 0;
    const deadline = Date.now() + 300_000;
    while (decided.size < ORDERS) {
      if (Date.now() > deadline) throw new Error(`only ${decided.size}/${ORDERS} decisions after 300 s`);
      if (!decidedInDbAt) {
        const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inventory.reservations WHERE order_id = ANY($1::uuid[])`, [[...wanted]]);
        if (rows[0].n === ORDERS) decidedInDbAt = Date.now();
      }
      if (Date.now() - printed > 1000) {
        process.stdout.write(`  ${decided.size}/${ORDERS} decisions on inventory.events\n`);
        printed = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const finished = Date.now();
    decidedInDbAt ||= finished;
    const loadAfter = os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ');

    // The books: on hand untouched, reserved = the units of held reservations, never above on hand.
    const levels = (
      await db.query<{ product_id: string; on_hand: number; reserved: number; held_units: number }>(
        `SELECT l.product_id, l.on_hand, l.reserved,
                COALESCE((SELECT sum(rl.quantity) FROM inventory.reservation_lines rl JOIN inventory.reservations r ON r.id = rl.reservation_id
                           WHERE rl.product_id = l.product_id AND r.status = 'held'), 0)::int AS held_units
           FROM inventory.stock_levels l WHERE l.product_id = ANY($1::uuid[]) ORDER BY l.product_id`,
        [productIds],
      )
    ).rows;
    const statuses = (
      await db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM inventory.reservations WHERE order_id = ANY($1::uuid[]) GROUP BY status`, [[...wanted]])
    ).rows;
    const count = (status: string) => statuses.find((row) => row.status === status)?.n ?? 0;
    const eventsAgree = [...decided.entries()].filter(([, type]) => type === 'stock.reserved').length === count('held');
    const oversold = levels.filter((level) => level.reserved > level.on_hand || level.on_hand !== STOCK);
    const mismatched = levels.filter((level) => level.reserved !== level.held_units);
    const ok = oversold.length === 0 && mismatched.length === 0 && count('held') + count('rejected') === ORDERS && eventsAgree;

    const seconds = (finished - started) / 1000;
    const dbSeconds = (decidedInDbAt - started) / 1000;
    const report = [
      `## ${new Date().toISOString()} — ${os.cpus().length} cores, Node ${process.version}, ${ORDERS} orders, ${HOT_PRODUCTS} hot products × ${STOCK} units`,
      '',
      `Load average (1/5/15 min) before: ${loadBefore}; after: ${loadAfter}. Orders have 1–3 lines of 1–3 units over the same ${HOT_PRODUCTS} products (all lines lock the same few rows).`,
      '',
      '| measure | value |',
      '|---|---:|',
      `| published (kafkajs, batches of 500; after one untimed warm-up order) | ${((published - started) / 1000).toFixed(2)} s |`,
      `| every reservation decided in Postgres | ${dbSeconds.toFixed(2)} s (${Math.round(ORDERS / dbSeconds)} orders/s) |`,
      `| every stock.reserved / stock.rejected seen on inventory.events | ${seconds.toFixed(2)} s (${Math.round(ORDERS / seconds)} orders/s) |`,
      `| reserved / rejected | ${count('held')} / ${count('rejected')} |`,
      `| units reserved by the timed orders / units in stock | ${levels.reduce((n, l) => n + l.reserved, 0) - unitsBefore} / ${HOT_PRODUCTS * STOCK} |`,
      `| oversold products (reserved > onHand, or onHand changed) | ${oversold.length} |`,
      `| products whose reserved ≠ units of held reservations | ${mismatched.length} |`,
      `| stock.reserved events = held reservations | ${eventsAgree ? 'yes' : 'NO'} |`,
      '',
      `- books: ${ok ? 'consistent, nothing oversold' : 'INCONSISTENT'}`,
      '',
    ].join('\n');
    console.log(`\n${report}`);
    const file = path.join(process.cwd(), 'bench/results/reserve.md');
    if (!fs.existsSync(file))
      fs.writeFileSync(file, '# Reserve benchmark results\n\nRerun with `npm run bench:reserve` (`BENCH_ORDERS`, `BENCH_HOT_PRODUCTS`, `BENCH_STOCK`).\n\n');
    fs.appendFileSync(file, `${report}\n`);
    console.log(`appended to ${path.relative(process.cwd(), file)}`);
    if (!ok) process.exitCode = 1;
  } finally {
    await consumer?.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await inventory.stop();
    // The benchmark's rows and topics go; galley_test keeps only what it had.
    const orderIds = orders.map((order) => order.orderId);
    await db.query(`DELETE FROM inventory.reservations WHERE order_id = ANY($1::uuid[])`, [orderIds]); // lines cascade
    await db.query(`DELETE FROM inventory.stock_movements WHERE product_id = ANY($1::uuid[])`, [productIds]);
    await db.query(`DELETE FROM inventory.stock_levels WHERE product_id = ANY($1::uuid[])`, [productIds]);
    await db.query(`DELETE FROM inventory.products WHERE id = ANY($1::uuid[])`, [productIds]);
    if (categoryId) await db.query(`DELETE FROM inventory.categories WHERE id = $1`, [categoryId]);
    await db.query(`DELETE FROM inventory.outbox WHERE topic LIKE $1`, [`${prefix}%`]);
    await db.query(`DELETE FROM inventory.inbox WHERE topic LIKE $1`, [`${prefix}%`]);
    await db.end();
    await admin.deleteTopics({ topics: topics.flatMap((topic) => [topic, deadLetterTopicOf(topic)]) }).catch(() => undefined);
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
