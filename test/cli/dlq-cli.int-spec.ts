import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { deadLetterTopicOf } from '@galley/contracts';
import { buildDeadLetter, createIdempotentProducer } from '@galley/messaging';
import { collectMessages, MessagingFixture, testEnvironment } from '@galley/testing';

function dlq(...args: string[]) {
  const root = process.cwd();
  return spawnSync(process.execPath, ['-r', path.join(root, 'scripts/register-paths.cjs'), path.join(root, 'dist/scripts/dlq.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(',') },
  });
}

describe('npm run dlq', () => {
  let fixture: MessagingFixture;
  let producer: Producer;
  const eventId = randomUUID();

  beforeAll(async () => {
    fixture = await new MessagingFixture('dlqcli').setUp(1);
    producer = createIdempotentProducer(fixture.kafka);
    await producer.connect();
    const letter = buildDeadLetter({
      topic: fixture.topic,
      partition: 0,
      message: { key: Buffer.from('k'), value: Buffer.from(JSON.stringify({ id: eventId, type: 'test_item.recorded' })), headers: {}, offset: '7', timestamp: '0', attributes: 0 },
      reason: 'Error: the handler broke',
      attempts: 5,
      consumerGroup: 'galley-test',
      failedAt: new Date(),
    });
    await producer.send({ topic: letter.topic, messages: [letter.message] });
  });

  afterAll(async () => {
    await producer.disconnect();
    await fixture.dispose();
  });

  it('lists the dead letters of a topic with their reason and attempts', () => {
    const sut = dlq('list', fixture.topic);
    expect(sut.status).toBe(0);
    expect(sut.stdout).toContain(`1 dead letter(s) on ${deadLetterTopicOf(fixture.topic)}`);
    expect(sut.stdout).toContain(eventId);
    expect(sut.stdout).toContain('attempts=5');
    expect(sut.stdout).toContain('reason: Error: the handler broke');
  });

  it('replays one event by id back to its topic, and fails for an id it does not hold', async () => {
    const missing = dlq('replay', fixture.topic, '--id', randomUUID());
    expect(missing.status).toBe(1);

    const sut = dlq('replay', fixture.topic, '--id', eventId);
    expect(sut.status).toBe(0);
    expect(sut.stdout).toContain(`replayed 1 dead letter(s) to ${fixture.topic}`);
    const back = await collectMessages(fixture.kafka, fixture.topic, (m) => m.length >= 1);
    expect(JSON.parse(back[0].value).id).toBe(eventId);
    expect(back[0].headers?.['dlq-reason']).toBeUndefined();
  });

  it('explains its usage when called wrongly', () => {
    const sut = dlq('bogus');
    expect(sut.status).toBe(2);
    expect(sut.stderr).toContain('usage: npm run dlq');
  });

  it.each([[['list', 'orders.events', '--dry-run']], [['replay', 'orders.events', '--id']], [['list', 'orders.events', '--id', 'e1']]])(
    'refuses %j with its usage, touching nothing',
    (args) => {
      const sut = dlq(...args);
      expect(sut.status).toBe(2);
      expect(sut.stderr).toContain('usage: npm run dlq');
      expect(sut.stdout).toBe('');
    },
  );

  it('answers --help with its usage on stdout', () => {
    const sut = dlq('--help');
    expect(sut.status).toBe(0);
    expect(sut.stdout).toMatch(/^usage: npm run dlq -- list <topic> \| replay <topic> \[--id <event-id>\]/);
    expect(sut.stdout).toContain('--id <event-id>');
  });
});
