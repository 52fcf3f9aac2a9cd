import { EntityManager } from 'typeorm';
import { queryRows } from '@galley/platform';

/** Queries on `payments.disputes`; no rules. */
export class DisputesRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Records a dispute; false when it was recorded before. */
  async insert(dispute: { id: string; paymentId: string; amount: number; currency: string; reason: string }): Promise<boolean> {
    const rows = await queryRows(
      this.manager,
      `INSERT INTO payments.disputes (id, payment_id, amount, currency, reason) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [dispute.id, dispute.paymentId, dispute.amount, dispute.currency, dispute.reason],
    );
    return rows.length === 1;
  }
}
