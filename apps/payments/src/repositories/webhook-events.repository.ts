import { EntityManager } from 'typeorm';
import { queryRows } from '@galley/platform';

/** Queries on `payments.webhook_events`, the provider events already applied; no rules. */
export class WebhookEventsRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Records the event id; false when it was recorded before. A concurrent delivery of the same
   * event waits on the row lock here and then finds it recorded.
   */
  async record(eventId: string, eventType: string): Promise<boolean> {
    const rows = await queryRows(
      this.manager,
      `INSERT INTO payments.webhook_events (event_id, event_type, outcome) VALUES ($1, $2, 'received')
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [eventId, eventType],
    );
    return rows.length === 1;
  }

  async setOutcome(eventId: string, outcome: string): Promise<void> {
    await this.manager.query(`UPDATE payments.webhook_events SET outcome = $2 WHERE event_id = $1`, [eventId, outcome.slice(0, 500)]);
  }
}
