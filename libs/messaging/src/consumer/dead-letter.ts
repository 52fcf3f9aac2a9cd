import { IHeaders, KafkaMessage, Message } from 'kafkajs';
import { deadLetterTopicOf } from '@galley/contracts';

/** Headers added to a dead letter, beside the original ones. */
export const DLQ_HEADERS = {
  reason: 'dlq-reason',
  attempts: 'dlq-attempts',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

export interface DeadLetterDetails {
  topic: string;
  partition: number;
  message: KafkaMessage;
  reason: string;
  attempts: number;
  consumerGroup: string;
  failedAt: Date;
}

/** The message written to `<topic>.dlq`: the original key, value and headers, plus why it failed. */
export function buildDeadLetter(details: DeadLetterDetails): { topic: string; message: Message } {
  const headers: IHeaders = {
    ...(details.message.headers ?? {}),
    [DLQ_HEADERS.reason]: details.reason.slice(0, 4000),
    [DLQ_HEADERS.attempts]: String(details.attempts),
    [DLQ_HEADERS.originalTopic]: details.topic,
    [DLQ_HEADERS.originalPartition]: String(details.partition),
    [DLQ_HEADERS.originalOffset]: details.message.offset,
    [DLQ_HEADERS.consumerGroup]: details.consumerGroup,
    [DLQ_HEADERS.failedAt]: details.failedAt.toISOString(),
  };
  return {
    topic: deadLetterTopicOf(details.topic),
    message: { key: details.message.key, value: details.message.value, headers },
  };
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}
