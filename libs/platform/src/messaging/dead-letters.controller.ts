import { Body, Controller, Get, HttpCode, Post, ServiceUnavailableException, Type } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Roles } from '@galley/auth';
import { ServiceName } from '@galley/config';
import { GroupDeadLetter } from '@galley/messaging';
import { ErrorResponse } from '../http/http-dtos';
import { MessagingRuntime } from './messaging.runtime';

export class DeadLetterResponse {
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: "The event's id (null when the message was not a readable event)" })
  id: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'payment.succeeded' }) eventType: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'contract violation: orderId must be a UUID', description: 'Why it was dead-lettered' })
  reason: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 5, description: 'Attempts made before giving up' }) attempts: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) failedAt: string | null;
  @ApiProperty({ example: 'payments.events', description: 'The topic it failed on (dead letters are kept on <topic>.dlq)' }) topic: string;
  @ApiProperty({ type: 'integer', example: 0 }) partition: number;
  @ApiProperty({ example: '42', description: 'Offset on the .dlq topic' }) offset: string;
  @ApiProperty({ type: String, nullable: true, description: 'The message key (the aggregate id, e.g. an order id)' }) key: string | null;
}

export class DeadLetterListResponse {
  @ApiProperty({ type: [DeadLetterResponse], description: 'The newest 200 dead letters, newest first' }) items: DeadLetterResponse[];
  @ApiProperty({ type: 'integer', example: 3, description: 'How many dead letters this service has in all' }) total: number;
}

export class ReplayDeadLettersRequest {
  @ApiPropertyOptional({ format: 'uuid', description: "Replay only this event's dead letters; all of this service's when omitted" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  id?: string;
}

export class ReplayDeadLettersResponse {
  @ApiProperty({ type: 'integer', example: 1, description: 'How many dead letters were published back to their topics' }) replayed: number;
  @ApiProperty({ type: 'integer', example: 0, description: 'Letters never replayed that are left for the next call (at most 100 are replayed at once)' })
  remaining: number;
  @ApiProperty({ type: [DeadLetterResponse] }) items: DeadLetterResponse[];
}

function mapDeadLetter(letter: GroupDeadLetter): DeadLetterResponse {
  return {
    id: letter.eventId ?? null,
    eventType: letter.eventType ?? null,
    reason: letter.reason ?? null,
    attempts: letter.attempts ?? null,
    failedAt: letter.failedAt ?? null,
    topic: letter.topic,
    partition: letter.partition,
    offset: letter.offset,
    key: letter.key,
  };
}

const LIST_LIMIT = 200;

function brokerUnavailable(error: unknown): never {
  throw new ServiceUnavailableException(`the broker did not answer: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * `GET /api/admin/dead-letters/<service>` and `POST …/replay`: the messages this service's consumers gave up on
 * (from the `.dlq` topics of the topics it reads, this consumer group's only), and their replay, as `npm run dlq`
 * does from a shell. A replayed letter stays on the `.dlq` topic (Kafka keeps it); consumers skip what they handled.
 */
export function deadLettersControllerFor(service: ServiceName): Type<unknown> {
  @ApiTags('operations')
  @Roles('admin')
  @Controller(`api/admin/dead-letters/${service}`)
  class DeadLettersController {
    constructor(private readonly messaging: MessagingRuntime) {}

    @Get()
    @ApiOperation({ operationId: `DeadLetters_${service}_list`, summary: `What the ${service} service's consumers dead-lettered, oldest first per topic` })
    @ApiOkResponse({ type: DeadLetterListResponse })
    @ApiServiceUnavailableResponse({ description: 'The broker did not answer', type: ErrorResponse })
    async list(): Promise<DeadLetterListResponse> {
      const letters = await this.messaging.deadLetters().catch(brokerUnavailable);
      const newest = [...letters].sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? '')).slice(0, LIST_LIMIT);
      return { items: newest.map(mapDeadLetter), total: letters.length };
    }

    @Post('replay')
    @HttpCode(200)
    @ApiOperation({
      operationId: `DeadLetters_${service}_replay`,
      summary: `Publish the ${service} service's dead letters (one event's, or up to 100 never replayed) back to their topics`,
      description:
        'Safe to repeat: consumers that already handled an event skip it through their inbox. Without an id, at most 100 of the oldest ' +
        'letters never replayed are published (an event whose replay failed again is left for a replay by its id).',
    })
    @ApiOkResponse({ type: ReplayDeadLettersResponse })
    @ApiBadRequestResponse({ type: ErrorResponse })
    @ApiServiceUnavailableResponse({ description: 'The broker did not answer', type: ErrorResponse })
    async replay(@Body() body: ReplayDeadLettersRequest): Promise<ReplayDeadLettersResponse> {
      const replay = await this.messaging.replayDeadLetters(body?.id).catch(brokerUnavailable);
      return { replayed: replay.replayed.length, remaining: replay.remaining, items: replay.replayed.map(mapDeadLetter) };
    }
  }
  Object.defineProperty(DeadLettersController, 'name', { value: `DeadLetters${service[0].toUpperCase()}${service.slice(1)}Controller` });
  return DeadLettersController;
}
