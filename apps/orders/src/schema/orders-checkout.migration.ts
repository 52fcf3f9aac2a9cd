import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders, their lines, status history and refunds; idempotency keys of POST /api/orders; the store settings; and the
 * catalog read-model kept from inventory's product events. Amounts are integer minor units. Timestamps that keyset
 * cursors use are millisecond precision so they round-trip through JavaScript dates.
 */
export class OrdersCheckout1795700000000 implements MigrationInterface {
  readonly name = 'OrdersCheckout1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "orders".catalog_products (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      price_amount bigint NOT NULL CHECK (price_amount >= 0),
      currency text NOT NULL,
      modifier_groups jsonb NOT NULL DEFAULT '[]',
      archived boolean NOT NULL DEFAULT false,
      -- occurredAt of the event the row reflects: an older event never overwrites a newer one.
      source_occurred_at timestamptz NOT NULL
    )`);

    await queryRunner.query(`CREATE TABLE "orders".orders (
      id uuid PRIMARY KEY,
      customer_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('PENDING','AWAITING_PAYMENT','CONFIRMED','PREPARING','READY','COMPLETED','CANCELLED','REJECTED','NEEDS_ATTENTION')),
      total_amount bigint NOT NULL CHECK (total_amount >= 0),
      currency text NOT NULL,
      fulfillment_type text NOT NULL CHECK (fulfillment_type IN ('pickup', 'delivery')),
      delivery_address jsonb,
      note text,
      reservation_id uuid,
      reservation_expires_at timestamptz,
      payment_intent_id text,
      paid_amount bigint NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
      refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
      history_length integer NOT NULL DEFAULT 0,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now()
    )`);
    await queryRunner.query(`CREATE INDEX orders_customer_idx ON "orders".orders (customer_id, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX orders_status_idx ON "orders".orders (status, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX orders_created_idx ON "orders".orders (created_at DESC, id DESC)`);

    await queryRunner.query(`CREATE TABLE "orders".order_lines (
      order_id uuid NOT NULL REFERENCES "orders".orders (id) ON DELETE CASCADE,
      line_no integer NOT NULL,
      product_id uuid NOT NULL,
      name text NOT NULL,
      quantity integer NOT NULL CHECK (quantity > 0),
      modifiers jsonb NOT NULL DEFAULT '[]',
      unit_price_amount bigint NOT NULL CHECK (unit_price_amount >= 0),
      line_total_amount bigint NOT NULL CHECK (line_total_amount >= 0),
      PRIMARY KEY (order_id, line_no)
    )`);

    await queryRunner.query(`CREATE TABLE "orders".order_status_history (
      order_id uuid NOT NULL REFERENCES "orders".orders (id) ON DELETE CASCADE,
      sequence integer NOT NULL CHECK (sequence >= 1),
      status text NOT NULL,
      reason text NOT NULL,
      at timestamptz(3) NOT NULL,
      actor text NOT NULL CHECK (actor IN ('saga', 'customer', 'staff')),
      actor_id uuid,
      cause_event_id uuid,
      cause_event_type text,
      PRIMARY KEY (order_id, sequence)
    )`);

    await queryRunner.query(`CREATE TABLE "orders".order_refunds (
      refund_id text PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES "orders".orders (id) ON DELETE CASCADE,
      amount bigint NOT NULL CHECK (amount > 0),
      currency text NOT NULL,
      status text NOT NULL,
      reason text,
      at timestamptz(3) NOT NULL
    )`);
    await queryRunner.query(`CREATE INDEX order_refunds_order_idx ON "orders".order_refunds (order_id, at)`);

    await queryRunner.query(`CREATE TABLE "orders".idempotency_keys (
      customer_id uuid NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      order_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (customer_id, key)
    )`);
    await queryRunner.query(`CREATE INDEX idempotency_keys_created_idx ON "orders".idempotency_keys (created_at)`);

    await queryRunner.query(`CREATE TABLE "orders".store_settings (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      time_zone text NOT NULL,
      opening_hours jsonb NOT NULL,
      kitchen_capacity integer CHECK (kitchen_capacity IS NULL OR kitchen_capacity > 0),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['store_settings', 'idempotency_keys', 'order_refunds', 'order_status_history', 'order_lines', 'orders', 'catalog_products']) {
      await queryRunner.query(`DROP TABLE "orders".${table}`);
    }
  }
}
