import { EntityManager } from 'typeorm';
import { queryRow, queryRows } from '@galley/platform';
import { RefundStatus } from '../domain/payment-status';
import { RefundLine } from '../domain/refund-lines';

export type RefundSource = 'admin' | 'cancellation' | 'late_payment' | 'dashboard';

export interface RefundRecord {
  id: string;
  paymentId: string;
  providerRefundId: string | null;
  amount: number;
  currency: string;
  status: RefundStatus;
  source: RefundSource;
  reason: string | null;
  failureReason: string | null;
  providerKey: string | null;
  idempotencyKey: string | null;
  requestFingerprint: string | null;
  createdAt: Date;
}

export type NewRefund = Omit<RefundRecord, 'failureReason' | 'createdAt'> & { actorId: string | null; lines?: readonly RefundLine[] | null };

const COLUMNS = `id, payment_id, provider_refund_id, amount, currency, status, source, reason, failure_reason, provider_key, idempotency_key,
  request_fingerprint, created_at`;

/** Queries on `payments.refunds`; no rules. */
export class RefundsRepository {
  constructor(private readonly manager: EntityManager) {}

  listByPayment(paymentId: string): Promise<RefundRecord[]> {
    return queryRows<RefundRecord>(this.manager, `SELECT ${COLUMNS} FROM payments.refunds WHERE payment_id = $1 ORDER BY created_at, id`, [paymentId]);
  }

  async findByIdempotencyKey(key: string): Promise<RefundRecord | null> {
    return queryRow<RefundRecord>(this.manager, `SELECT ${COLUMNS} FROM payments.refunds WHERE idempotency_key = $1`, [key]);
  }

  async lock(id: string): Promise<RefundRecord | null> {
    return queryRow<RefundRecord>(this.manager, `SELECT ${COLUMNS} FROM payments.refunds WHERE id = $1 FOR UPDATE`, [id]);
  }

  async lockByProviderId(providerRefundId: string): Promise<RefundRecord | null> {
    return queryRow<RefundRecord>(this.manager, `SELECT ${COLUMNS} FROM payments.refunds WHERE provider_refund_id = $1 FOR UPDATE`, [providerRefundId]);
  }

  /** Succeeded and pending totals of a payment (lock the payment first so they stay true). */
  async totals(paymentId: string): Promise<{ refunded: number; pending: number }> {
    const [row] = await queryRows<{ refunded: number; pending: number }>(
      this.manager,
      `SELECT COALESCE(sum(amount) FILTER (WHERE status = 'succeeded'), 0)::bigint AS refunded,
              COALESCE(sum(amount) FILTER (WHERE status = 'pending'), 0)::bigint AS pending
         FROM payments.refunds WHERE payment_id = $1`,
      [paymentId],
    );
    return row;
  }

  /** The lines of the payment's line refunds that are done or under way (lock the payment first). */
  async refundedLines(paymentId: string): Promise<RefundLine[][]> {
    const rows = await queryRows<{ lines: RefundLine[] }>(
      this.manager,
      `SELECT lines FROM payments.refunds WHERE payment_id = $1 AND lines IS NOT NULL AND status IN ('pending', 'succeeded')`,
      [paymentId],
    );
    return rows.map((row) => row.lines);
  }

  async insert(refund: NewRefund): Promise<RefundRecord> {
    const [row] = await queryRows<RefundRecord>(
      this.manager,
      `INSERT INTO payments.refunds (id, payment_id, provider_refund_id, amount, currency, status, source, reason, provider_key,
                                     idempotency_key, request_fingerprint, actor_id, lines)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${COLUMNS}`,
      [
        refund.id,
        refund.paymentId,
        refund.providerRefundId,
        refund.amount,
        refund.currency,
        refund.status,
        refund.source,
        refund.reason,
        refund.providerKey,
        refund.idempotencyKey,
        refund.requestFingerprint,
        refund.actorId,
        refund.lines ? JSON.stringify(refund.lines) : null,
      ],
    );
    return row;
  }

  async update(id: string, change: { status: RefundStatus; providerRefundId: string | null; failureReason: string | null }): Promise<RefundRecord> {
    const [row] = await queryRows<RefundRecord>(
      this.manager,
      `WITH changed AS (
         UPDATE payments.refunds SET status = $2, provider_refund_id = COALESCE(provider_refund_id, $3),
                failure_reason = COALESCE($4, failure_reason), updated_at = now()
          WHERE id = $1 RETURNING *
       ) SELECT ${COLUMNS} FROM changed`,
      [id, change.status, change.providerRefundId, change.failureReason],
    );
    return row;
  }
}
