import { EventContract, EventEnvelope } from '@galley/contracts';
import { SqlExecutor } from '../sql-executor';

/**
 * Handles one event type at one version. `handle` runs inside the transaction that also records
 * the event in the inbox, so its writes (and any outbox rows it appends) commit exactly once.
 */
export interface EventHandler<P extends object = object> {
  readonly contract: EventContract<P>;
  handle(payload: P, envelope: EventEnvelope<P>, tx: SqlExecutor): Promise<void>;
}
