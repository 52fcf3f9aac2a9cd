// Operator tool for dead letters (`npm run dlq -- --help`):
//   npm run dlq -- list <topic>               every dead letter of <topic>.dlq, with why it failed
//   npm run dlq -- replay <topic> [--id <id>]  publish them (or one event) back to <topic>
// Consumers that already handled an event skip it (inbox), so replaying twice is harmless.
import 'dotenv/config';
import { cliFailure, CliUsageError, kafkaConnectionOptions, loadServiceConfig, readCliArguments } from '@galley/config';
import { createKafkaClient, DeadLetter, listDeadLetters, replayDeadLetters } from '@galley/messaging';

const USAGE = `usage: npm run dlq -- list <topic> | replay <topic> [--id <event-id>]
  list <topic>     every dead letter of <topic>.dlq, with why it failed
  replay <topic>   publish them back to <topic> (consumers that handled an event skip it)
  --id <event-id>  replay only the letters of this event; exits 1 when there is none
  -h, --help       this text
Brokers from KAFKA_BROKERS (and its TLS/SASL settings), as the services read them.`;

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
  const args = readCliArguments(process.argv.slice(2), { usage: USAGE, options: { id: { type: 'string' } }, allowPositionals: true });
  if (!args) return;
  const [command, topic, ...extra] = args.positionals;
  if (!topic || !['list', 'replay'].includes(command) || extra.length > 0) throw new CliUsageError(`expected list or replay and one topic\n${USAGE}`);
  const eventId = args.values.id;
  if (eventId !== undefined && (command !== 'replay' || eventId === '')) throw new CliUsageError(`--id needs an event id and goes with replay\n${USAGE}`);

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
  const failure = cliFailure('dlq', error);
  console.error(failure.message);
  process.exit(failure.code);
});
