import { randomUUID } from 'node:crypto';
import { Kafka, KafkaMessage } from 'kafkajs';

export interface ReceivedMessage {
  partition: number;
  key: string | null;
  value: string;
  headers: KafkaMessage['headers'];
}

/**
 * Reads a topic from the beginning with a throwaway group until `done` says enough arrived,
 * then disconnects. Used to check what the relay or a consumer put on a topic.
 */
export async function collectMessages(kafka: Kafka, topic: string, done: (received: ReceivedMessage[]) => boolean, timeoutMs = 60_000): Promise<ReceivedMessage[]> {
  const received: ReceivedMessage[] = [];
  const consumer = kafka.consumer({ groupId: `test-reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${received.length} message(s) arrived on ${topic} within ${timeoutMs} ms`)), timeoutMs);
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            received.push({ partition, key: message.key?.toString() ?? null, value: message.value?.toString() ?? '', headers: message.headers });
            if (done(received)) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return received;
}
