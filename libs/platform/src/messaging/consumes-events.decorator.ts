import { SetMetadata } from '@nestjs/common';

export const EVENT_HANDLER_METADATA = 'galley:event-handler';

/** Marks a provider as a Kafka event handler; the messaging runtime finds and subscribes it. */
export const ConsumesEvent = (): ClassDecorator => SetMetadata(EVENT_HANDLER_METADATA, true);
