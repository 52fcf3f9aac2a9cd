import { BaseRpcContext } from '@nestjs/microservices';
import { EventEnvelope } from '@galley/contracts';
import { SqlExecutor } from '@galley/messaging';

/**
 * What an `@HandlesEvent` handler gets besides the payload (`@Ctx()`): the event's envelope (id, time,
 * correlation) and the transaction that also records the event in the inbox. Every write a handler makes, outbox
 * rows included, goes through `tx`, so it commits exactly once with the inbox row.
 */
export class EventContext<P extends object = object> extends BaseRpcContext<[EventEnvelope<P>, SqlExecutor]> {
  constructor(envelope: EventEnvelope<P>, tx: SqlExecutor) {
    super([envelope, tx]);
  }

  get envelope(): EventEnvelope<P> {
    return this.args[0];
  }

  get tx(): SqlExecutor {
    return this.args[1];
  }
}
