import { EntityManager } from 'typeorm';
import { queryRow } from '@galley/platform';
import { PaymentStatus } from '../domain/payment-status';

export interface PaymentRecord {
  id: string;
  orderId: string;
  customerId: string;
  provider: 'stripe' | 'simulated';
  intentId: string;
  clientSecret: string;
  amount: number;
  currency: string;
  status: PaymentStatus;
  capturedAmount: number;
  disputedAmount: number;
  chargeId: string | null;
  failureReason: string | null;
  createdAt: Date;
}

export type NewPayment = Pick<PaymentRecord, 'id' | 'orderId' | 'customerId' | 'provider' | 'intentId' | 'clientSecret' | 'amount' | 'currency'>;

const COLUMNS = `id, order_id, customer_id, provider, intent_id, client_secret, amount, currency, status, captured_amount, disputed_amount,
  charge_id, failure_reason, created_at`;

/** Queries on `payments.payments`; no rules. */
export class PaymentsRepository {
  constructor(private readonly manager: EntityManager) {}

  async findByOrder(orderId: string): Promise<PaymentRecord | null> {
    return queryRow<PaymentRecord>(this.manager, `SELECT ${COLUMNS} FROM payments.payments WHERE order_id = $1`, [orderId]);
  }

  async lockByOrder(orderId: string): Promise<PaymentRecord | null> {
    return queryRow<PaymentRecord>(this.manager, `SELECT ${COLUMNS} FROM payments.payments WHERE order_id = $1 FOR UPDATE`, [orderId]);
  }

  async lockByIntent(intentId: string): Promise<PaymentRecord | null> {
    return queryRow<PaymentRecord>(this.manager, `SELECT ${COLUMNS} FROM payments.payments WHERE intent_id = $1 FOR UPDATE`, [intentId]);
  }

  /** Records the order's payment with status `requires_payment`; null when the order already has one. */
  async insert(payment: NewPayment): Promise<PaymentRecord | null> {
    return queryRow<PaymentRecord>(
      this.manager,
      `INSERT INTO payments.payments (id, order_id, customer_id, provider, intent_id, client_secret, amount, currency, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'requires_payment')
       ON CONFLICT (order_id) DO NOTHING RETURNING ${COLUMNS}`,
      [payment.id, payment.orderId, payment.customerId, payment.provider, payment.intentId, payment.clientSecret, payment.amount, payment.currency],
    );
  }

  async setStatus(id: string, status: PaymentStatus, failureReason: string | null = null): Promise<void> {
    await this.manager.query(`UPDATE payments.payments SET status = $2, failure_reason = COALESCE($3, failure_reason), updated_at = now() WHERE id = $1`, [
      id,
      status,
      failureReason,
    ]);
  }

  async markCaptured(id: string, capturedAmount: number, chargeId: string | null): Promise<void> {
    await this.manager.query(`UPDATE payments.payments SET status = 'succeeded', captured_amount = $2, charge_id = COALESCE($3, charge_id), updated_at = now() WHERE id = $1`, [
      id,
      capturedAmount,
      chargeId,
    ]);
  }

  async addDisputed(id: string, amount: number): Promise<void> {
    await this.manager.query(`UPDATE payments.payments SET disputed_amount = disputed_amount + $2, updated_at = now() WHERE id = $1`, [id, amount]);
  }
}
