import { IsInt, IsISO8601, IsNotEmpty, IsObject, IsString, IsUUID, Matches, Min } from 'class-validator';

/** The one JSON shape of every message on every topic. */
export interface EventEnvelope<TPayload extends object = Record<string, unknown>> {
  /** Unique per event; consumers deduplicate on it. */
  id: string;
  /** Past-tense fact, `<aggregate>.<verb>` (e.g. `order.placed`). */
  type: string;
  version: number;
  occurredAt: string;
  /** The Kafka key: all events of one aggregate stay in order on one partition. */
  aggregateId: string;
  /** Shared by every event caused, directly or not, by one request. */
  correlationId: string;
  /** The request id or event id that directly caused this event. */
  causationId: string;
  payload: TPayload;
}

export class EventEnvelopeSchema implements EventEnvelope {
  @IsUUID()
  id!: string;

  @Matches(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/, { message: 'type must look like aggregate.verb' })
  type!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @IsString()
  @IsNotEmpty()
  aggregateId!: string;

  @IsString()
  @IsNotEmpty()
  correlationId!: string;

  @IsString()
  @IsNotEmpty()
  causationId!: string;

  @IsObject()
  payload!: Record<string, unknown>;
}

/** Kafka header names; the type and trace context travel beside the JSON too. */
export const EVENT_HEADERS = {
  type: 'event-type',
  version: 'event-version',
  id: 'event-id',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  traceparent: 'traceparent',
} as const;
