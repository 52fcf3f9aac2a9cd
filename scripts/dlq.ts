// Operator tool for dead letters:
//   npm run dlq -- list <topic>               every dead letter of <topic>.dlq, with why it failed
//   npm run dlq -- replay <topic> [--id <id>]  publish them (or one event) back to <topic>
// Consumers that already handled an event skip it (inbox), so replaying twice is harmless.
import 'dotenv/config';
import { kafkaConnectionOptions, loadServiceConfig } from '@galley/config';
import { createKafkaClient, DeadLetter, listDeadLetters, replayDeadLetters } from '@galley/messaging';

function usage(): never {
  console.error('usage: npm run dlq -- list <topic> | replay <topic> [--id <event-id>]');
  process.exit(2);
}

function describe(letter: DeadLetter): string {
  return [
    `${letter.partition}:${letter.offset}`,
    letter.eventId ?? '(no event id)',
    letter.eventType ?? '-',
    `attempts=${letter.attempts ?? '?'}`,
    `group=${letter.consumerGroup ?? '?'}`,
    letter.failedAt ?? '',
    `reason: ${letter.reason ?? '?'}`,
  ].join('  ');
}

async function main(): Promise<void> {
  const [command, topic, ...rest] = process.argv.slice(2);
  if (!topic || !['list', 'replay'].includes(command)) usage();
  const idFlag = rest.indexOf('--id');
  const eventId = idFlag >= 0 ? rest[idFlag + 1] : undefined;
  if (idFlag >= 0 && !eventId) usage();

  // Only the brokers (and their TLS/SASL) matter here; the service defaults fill in the rest.
  const config = loadServiceConfig('orders', process.env);
  const kafka = createKafkaClient({ clientId: 'galley-dlq-cli', ...kafkaConnectionOptions(config) });
  if (command === 'list') {
    const letters = await listDeadLetters(kafka, topic);
    console.log(`${letters.length} dead letter(s) on ${topic}.dlq`);
    for (const letter of letters) console.log(describe(letter));
    return;
  }
  const replayed = await replayDeadLetters(kafka, topic, eventId);
  console.log(`replayed ${replayed.length} dead letter(s) to ${topic}${eventId ? ` (event ${eventId})` : ''}`);
  for (const letter of replayed) console.log(describe(letter));
  if (eventId && replayed.length === 0) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(`dlq: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
