import { EventEnvelope } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { testItemRecordedV1, TestItemRecordedV1 } from './test-event.contract';

/** Records each handled test event in the fixture's `effects` table; throws for poison ones. */
export class EffectsHandler implements EventHandler<TestItemRecordedV1> {
  readonly contract = testItemRecordedV1;
  poisonCured = false;
  calls = 0;

  constructor(private readonly schema: string) {}

  async handle(payload: TestItemRecordedV1, envelope: EventEnvelope<TestItemRecordedV1>, tx: SqlExecutor): Promise<void> {
    this.calls += 1;
    if (payload.poison && !this.poisonCured) throw new Error(`cannot handle item ${payload.itemId}`);
    await tx.query(`INSERT INTO "${this.schema}".effects (event_id, aggregate_id, seq) VALUES ($1, $2, $3)`, [envelope.id, envelope.aggregateId, payload.seq]);
  }
}
