// npm run bench:messaging — raw kafkajs produce→consume against Galley's outbox→relay→Kafka→inbox
// pipeline, on the same broker and machine, in one run. Two phases each:
//   throughput: N events as fast as each side can take them (writers batch 100 per send / commit);
//   latency:    a steady RATE events/s for SECONDS, delay from creation to consumption.
// Prints a table and appends it to bench/results/messaging.md.
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { EventEnvelope } from '@galley/contracts';
import { createIdempotentProducer, EventConsumer, EventHandler, OutboxRelay, OutboxWriter, pgTransactionRunner } from '@galley/messaging';
import { adminPoolConfig, MessagingFixture, testEnvironment, testItemRecordedV1, TestItemRecordedV1 } from '@galley/testing';

const N = Number(process.env.BENCH_EVENTS ?? 20_000);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WRITE_BATCH = 100;
const WRITERS = Number(process.env.BENCH_WRITERS ?? 4);
const RELAY_BATCH = Number(process.env.BENCH_RELAY_BATCH ?? 500);
const KEYS = Array.from({ length: 64 }, (_, i) => `agg-${i}`);

interface Result {
  pipeline: string;
  phase: string;
  events: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function summarize(pipeline: string, phase: string, delays: number[], started: number, finished: number): Result {
  const sorted = [...delays].sort((a, b) => a - b);
  const seconds = (finished - started) / 1000;
  return {
    pipeline,
    phase,
    events: delays.length,
    seconds,
    perSecond: delays.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}

function makeEnvelope(seq: number): EventEnvelope<TestItemRecordedV1> {
  const key = KEYS[seq % KEYS.length];
  return {
    id: randomUUID(),
    type: testItemRecordedV1.type,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateId: key,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    payload: { itemId: key, seq },
  };
}

/** Waits until `count()` reaches `target`, printing progress every second. */
async function progress(label: string, count: () => number, target: number, timeoutMs = 300_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let lastPrint = 0;
  while (count() < target) {
    if (Date.now() > deadline) throw new Error(`${label}: only ${count()}/${target} after ${timeoutMs} ms`);
    if (Date.now() - lastPrint > 1000) {
      process.stdout.write(`  ${label}: ${count()}/${target}\r`);
      lastPrint = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  process.stdout.write(`  ${label}: ${count()}/${target} done\n`);
  return Date.now();
}

/** Sends `total` events at `rate` per second in ticks of 10 ms through `emit`. */
async function paced(total: number, rate: number, emit: (seqs: number[]) => Promise<void>): Promise<void> {
  const perTick = Math.max(1, Math.round(rate / 100));
  const start = Date.now();
  for (let sent = 0, tick = 0; sent < total; tick += 1) {
    const wait = start + tick * 10 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const seqs = Array.from({ length: Math.min(perTick, total - sent) }, (_, i) => sent + i);
    await emit(seqs);
    sent += seqs.length;
  }
}

async function rawPipeline(kafka: Kafka, fixture: MessagingFixture, results: Result[]): Promise<void> {
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  let delays: number[] = [];
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: fixture.topic, fromBeginning: false });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    eachMessage: async ({ message }) => {
      const envelope = JSON.parse(message.value!.toString()) as EventEnvelope;
      delays.push(Date.now() - Date.parse(envelope.occurredAt));
    },
  });
  await joined;
  await new Promise((resolve) => setTimeout(resolve, 1000));

  const send = (seqs: number[]) =>
    producer.send({ topic: fixture.topic, acks: -1, messages: seqs.map(makeEnvelope).map((e) => ({ key: e.aggregateId, value: JSON.stringify(e) })) }).then(() => undefined);

  let started = Date.now();
  for (let i = 0; i < N; i += WRITE_BATCH) await send(Array.from({ length: Math.min(WRITE_BATCH, N - i) }, (_, j) => i + j));
  let finished = await progress('raw throughput', () => delays.length, N);
  results.push(summarize('raw kafkajs', 'throughput', delays, started, finished));

  delays = [];
  started = Date.now();
  await paced(RATE * SECONDS, RATE, send);
  finished = await progress('raw latency', () => delays.length, RATE * SECONDS);
  results.push(summarize('raw kafkajs', `latency @${RATE}/s`, delays, started, finished));
  await consumer.disconnect();
  await producer.disconnect();
}

async function galleyPipeline(kafka: Kafka, fixture: MessagingFixture, results: Result[]): Promise<void> {
  const pool = new Pool(adminPoolConfig({ max: 8 }));
  const runInTransaction = pgTransactionRunner(pool);
  let delays: number[] = [];
  // The consumer's own work is only the inbox row: this measures the pipeline, not a handler.
  const handler: EventHandler<TestItemRecordedV1> = {
    contract: testItemRecordedV1,
    handle: async (_payload, envelope) => {
      delays.push(Date.now() - Date.parse(envelope.occurredAt));
    },
  };
  const relayProducer: Producer = createIdempotentProducer(kafka);
  const dlqProducer: Producer = createIdempotentProducer(kafka);
  await Promise.all([relayProducer.connect(), dlqProducer.connect()]);
  const relay = new OutboxRelay(pool, relayProducer, { schema: fixture.schema, batchSize: RELAY_BATCH, pollIntervalMs: 1000 });
  const consumer = new EventConsumer(kafka, dlqProducer, {
    groupId: `bench-galley-${randomUUID()}`,
    schema: fixture.schema,
    handlers: [handler],
    topicPrefix: fixture.topicPrefix,
    maxAttempts: 3,
    retryBaseMs: 50,
    runInTransaction,
  });
  await relay.start();
  await consumer.start();
  await new Promise((resolve) => setTimeout(resolve, 3000));

  const writer = new OutboxWriter({ schema: fixture.schema, topicPrefix: fixture.topicPrefix });
  const write = (seqs: number[]) =>
    runInTransaction(async (tx) => {
      const events = seqs.map((seq) => ({ aggregateId: KEYS[seq % KEYS.length], payload: { itemId: KEYS[seq % KEYS.length], seq } }));
      await writer.appendAll(tx, testItemRecordedV1, events);
    });

  let started = Date.now();
  // A service commits many requests at once, each in its own transaction: WRITERS in parallel.
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < N) {
        const from = next;
        next += WRITE_BATCH;
        await write(Array.from({ length: Math.min(WRITE_BATCH, N - from) }, (_, j) => from + j));
      }
    }),
  );
  const written = Date.now();
  const drained = (async () => {
    while ((await fixture.pendingOutboxRows()) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    return Date.now();
  })();
  let finished = await progress('galley throughput', () => delays.length, N);
  console.log(`  stages: outbox written in ${written - started} ms, relay drained at ${(await drained) - started} ms, consumed at ${finished - started} ms`);
  results.push(summarize('galley outbox→relay→inbox', 'throughput', delays, started, finished));

  delays = [];
  started = Date.now();
  await paced(RATE * SECONDS, RATE, write);
  finished = await progress('galley latency', () => delays.length, RATE * SECONDS);
  results.push(summarize('galley outbox→relay→inbox', `latency @${RATE}/s`, delays, started, finished));

  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "${fixture.schema}".inbox`);
  if (rows[0].n !== N + RATE * SECONDS) throw new Error(`inbox holds ${rows[0].n} events, expected ${N + RATE * SECONDS}`);
  await consumer.stop();
  await relay.stop();
  await Promise.all([relayProducer.disconnect(), dlqProducer.disconnect()]);
  await pool.end();
}

function table(results: Result[]): string {
  const header = '| pipeline | phase | events | seconds | events/s | p50 delay ms | p99 delay ms | max ms |\n|---|---|---:|---:|---:|---:|---:|---:|';
  const rows = results.map((r) => `| ${r.pipeline} | ${r.phase} | ${r.events} | ${r.seconds.toFixed(2)} | ${Math.round(r.perSecond)} | ${r.p50} | ${r.p99} | ${r.max} |`);
  return [header, ...rows].join('\n');
}

async function main(): Promise<void> {
  console.log(`messaging benchmark: ${N} events for throughput, ${RATE}/s for ${SECONDS}s for latency, broker ${testEnvironment.kafkaBrokers.join(',')}`);
  const results: Result[] = [];
  const rawFixture = await new MessagingFixture('benchraw').setUp(6);
  const galleyFixture = await new MessagingFixture('benchgalley').setUp(6);
  const kafka = new Kafka({ clientId: 'bench', brokers: testEnvironment.kafkaBrokers, logLevel: logLevel.ERROR });
  try {
    console.log('raw kafkajs (idempotent producer, acks=all, batches of 100; consumer group, eachMessage):');
    await rawPipeline(kafka, rawFixture, results);
    console.log(`galley (${WRITERS} writers committing 100 outbox rows per transaction; relay; consumer with inbox):`);
    await galleyPipeline(kafka, galleyFixture, results);
  } finally {
    await rawFixture.dispose();
    await galleyFixture.dispose();
  }
  const [rawT, rawL, galleyT, galleyL] = results;
  const throughputRatio = galleyT.perSecond / rawT.perSecond;
  const latencyRatio = galleyL.p99 / Math.max(1, rawL.p99);
  const verdict = [
    `throughput: galley ${Math.round(galleyT.perSecond)}/s = ${(throughputRatio * 100).toFixed(0)} % of raw (goal ≥ 50 %): ${throughputRatio >= 0.5 ? 'met' : 'NOT met'}`,
    `p99 delay at ${RATE}/s: galley ${galleyL.p99} ms = ${latencyRatio.toFixed(1)}× raw ${rawL.p99} ms (goal ≤ 3×): ${latencyRatio <= 3 ? 'met' : 'NOT met'}`,
  ];
  const report = [
    `## ${new Date().toISOString()} — ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, Kafka broker from infra/kafka/pom.xml`,
    '',
    table(results),
    '',
    ...verdict.map((line) => `- ${line}`),
    '',
  ].join('\n');
  console.log(`\n${report}`);
  const file = path.join(process.cwd(), 'bench/results/messaging.md');
  if (!fs.existsSync(file)) fs.writeFileSync(file, '# Messaging benchmark results\n\nRerun with `npm run bench:messaging`.\n\n');
  fs.appendFileSync(file, `${report}\n`);
  console.log(`appended to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
