import { INestApplication } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { contractKey, EventContract, EventEnvelope } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { EventContext } from './event-context';
import { GALLEY_EVENTS, HandlerExtras } from './handles-event.decorator';
import { MessagingRuntime } from './messaging.runtime';

/** Two handlers for one event in one app: which copy should run, and in which transaction? Refused at start-up. */
export class DuplicateEventHandlerError extends Error {
  constructor(key: string, first: string, second: string) {
    super(`${key} has two handlers in this app: ${first} and ${second}; an event is handled once per service`);
    this.name = 'DuplicateEventHandlerError';
  }
}

/**
 * Galley's event transport for `@nestjs/microservices`: every `@HandlesEvent` method of the app's controllers is
 * served by the service's MessagingRuntime, that is by its EventConsumer. So each handler keeps what the consumer
 * guarantees: it runs in the transaction that records the event in the inbox, failures are retried with backoff
 * and end in the dead-letter topic with their reason (a PermanentEventError at once), runs of one partition are
 * handled in one transaction and replayed one by one when one fails, events of one key stay in order, the service
 * starts while the broker is down, and the consumer stops (batch committed) before the database closes.
 *
 * Handlers are called through Nest's pipeline (guards, interceptors, pipes, filters); `@HandlesEvent` binds a filter
 * that lets errors through as thrown, so the consumer sees their class and message.
 */
export class GalleyEventTransport extends Server implements CustomTransportStrategy {
  override readonly transportId = GALLEY_EVENTS;
  private readonly names = new Map<string, string>();

  constructor(private readonly runtime: MessagingRuntime) {
    super();
  }

  /** Nest registers each handler here when the app connects the transport; a second one for an event is an error. */
  override addHandler(pattern: unknown, callback: MessageHandler, isEventHandler = false, extras: Record<string, unknown> = {}): void {
    const key = this.normalizePattern(pattern as string);
    const { contract, handler } = extras as Partial<HandlerExtras>;
    if (!isEventHandler || !contract || contractKey(contract.type, contract.version) !== key) {
      throw new Error(`${handler ?? key}: Galley's event transport serves @HandlesEvent(contract) methods only (no @MessagePattern, no bare @EventPattern)`);
    }
    const existing = this.names.get(key);
    if (existing) throw new DuplicateEventHandlerError(key, existing, handler ?? '?');
    this.names.set(key, handler ?? key);
    super.addHandler(pattern, callback, isEventHandler, extras);
  }

  /** The handlers as the consumer calls them: payload, envelope and transaction in, the handler's own error out. */
  eventHandlers(): EventHandler[] {
    return [...this.messageHandlers.values()].map((callback) => {
      const { contract } = callback.extras as HandlerExtras;
      return {
        contract,
        handle: async (payload: object, envelope: EventEnvelope<object>, tx: SqlExecutor): Promise<void> => {
          const result: unknown = await callback(payload, new EventContext(envelope, tx));
          // Nest returns what the filters made of an error as an observable that errors with it.
          if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
        },
      } satisfies EventHandler;
    });
  }

  /** startAllMicroservices: hands the handlers to the runtime, which consumes once Kafka answers (never blocks start). */
  listen(callback: (error?: unknown) => void): void {
    try {
      this.runtime.serve(this.eventHandlers());
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** app.close(): the runtime's shutdown hook has normally stopped the consumer already; this is idempotent. */
  async close(): Promise<void> {
    await this.runtime.stopConsuming();
  }

  on(): never {
    throw new Error('GalleyEventTransport has no events to listen to; see MessagingRuntime for the consumer');
  }

  unwrap<T>(): T {
    return this.runtime as T;
  }
}

/**
 * Makes a service a hybrid app: its `@HandlesEvent` controllers are served by Galley's event transport. Call it
 * after creating the app and before `listen` (runService does; so do the apps' test harnesses). The HTTP side's
 * global enhancers (the access-token guard, the ValidationPipe, the HTTP error filter) are not inherited: events
 * carry no token, the consumer validates payloads against their contract, and errors go to the consumer.
 */
export async function serveEvents(app: INestApplication): Promise<void> {
  app.connectMicroservice({ strategy: new GalleyEventTransport(app.get(MessagingRuntime)) }, { inheritAppConfig: false });
  await app.startAllMicroservices();
}

/**
 * The handler the running app uses for `contract`, as its consumer calls it (tests deliver events through it);
 * `consumer` names the controller the caller expects to handle it, and must be the one.
 */
export function eventHandlerOf<P extends object>(app: INestApplication, consumer: object, contract: EventContract<P>): EventHandler<P> {
  return app.get(MessagingRuntime).handlerFor(contract, consumer);
}
