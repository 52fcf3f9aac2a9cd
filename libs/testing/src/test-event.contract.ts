import { IsBoolean, IsInt, IsOptional, IsString, IsNotEmpty, Min } from 'class-validator';
import { defineEvent, TOPICS } from '@galley/contracts';

export class TestItemRecordedV1 {
  @IsString()
  @IsNotEmpty()
  itemId!: string;

  /** Position of the event within its aggregate, to check ordering. */
  @IsInt()
  @Min(0)
  seq!: number;

  /** Makes the test handler throw, to exercise retries and dead-lettering. */
  @IsOptional()
  @IsBoolean()
  poison?: boolean;
}

/**
 * An event used only by the messaging tests. It rides on a prefixed copy of the orders topic,
 * so it never reaches a real consumer, and is not part of the published contracts.
 */
export const testItemRecordedV1 = defineEvent({
  type: 'test_item.recorded',
  version: 1,
  topic: TOPICS.orders,
  producer: 'orders',
  consumers: [],
  description: 'Test-only event for the messaging layer tests.',
  payload: TestItemRecordedV1,
});
