import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payments, refunds, disputes, processed webhook events, the double-entry ledger and the small
 * order read-model of the payments schema. What must never happen is refused by the database
 * itself: a second payment for an order (unique order id), one provider event applied twice
 * (its id is the primary key), a ledger transaction that does not sum to zero (a deferred
 * constraint trigger checks each at commit) and a ledger entry changed or deleted (append-only).
 */
export class PaymentsCore1795714206531 implements MigrationInterface {
  readonly name = 'PaymentsCore1795714206531';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "payments".orders (
      order_id uuid PRIMARY KEY,
      customer_id uuid NOT NULL,
      total_amount bigint NOT NULL CHECK (total_amount >= 0),
      currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      status text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    await queryRunner.query(`CREATE TABLE "payments".payments (
      id uuid PRIMARY KEY,
      order_id uuid NOT NULL,
      customer_id uuid NOT NULL,
      provider text NOT NULL CHECK (provider IN ('stripe', 'simulated')),
      intent_id text NOT NULL,
      client_secret text NOT NULL,
      amount bigint NOT NULL CHECK (amount >= 0),
      currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      status text NOT NULL CHECK (status IN ('requires_payment', 'succeeded', 'failed', 'cancelled')),
      captured_amount bigint NOT NULL DEFAULT 0 CHECK (captured_amount >= 0),
      disputed_amount bigint NOT NULL DEFAULT 0 CHECK (disputed_amount >= 0),
      charge_id text,
      failure_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT payments_order_key UNIQUE (order_id),
      CONSTRAINT payments_intent_key UNIQUE (intent_id)
    )`);

    await queryRunner.query(`CREATE TABLE "payments".refunds (
      id uuid PRIMARY KEY,
      payment_id uuid NOT NULL REFERENCES "payments".payments (id),
      provider_refund_id text,
      amount bigint NOT NULL CHECK (amount > 0),
      currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
      source text NOT NULL CHECK (source IN ('admin', 'cancellation', 'late_payment', 'dashboard')),
      reason text,
      failure_reason text,
      provider_key text,
      idempotency_key text,
      request_fingerprint text,
      actor_id uuid,
      created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT refunds_provider_refund_key UNIQUE (provider_refund_id),
      CONSTRAINT refunds_provider_key UNIQUE (provider_key),
      CONSTRAINT refunds_idempotency_key UNIQUE (idempotency_key),
      CONSTRAINT refunds_idempotency_fingerprint CHECK (idempotency_key IS NULL OR request_fingerprint IS NOT NULL)
    )`);
    await queryRunner.query(`CREATE INDEX refunds_payment_idx ON "payments".refunds (payment_id, created_at)`);
    await queryRunner.query(`CREATE INDEX refunds_pending_idx ON "payments".refunds (created_at) WHERE status = 'pending'`);

    await queryRunner.query(`CREATE TABLE "payments".disputes (
      id text PRIMARY KEY,
      payment_id uuid NOT NULL REFERENCES "payments".payments (id),
      amount bigint NOT NULL CHECK (amount >= 0),
      currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      reason text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);

    await queryRunner.query(`CREATE TABLE "payments".webhook_events (
      event_id text PRIMARY KEY,
      event_type text NOT NULL,
      outcome text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);

    await queryRunner.query(`CREATE TABLE "payments".ledger_entries (
      id bigserial PRIMARY KEY,
      transaction_id uuid NOT NULL,
      payment_id uuid NOT NULL REFERENCES "payments".payments (id),
      account text NOT NULL CHECK (account IN ('provider_balance', 'customer_payments', 'refunds', 'disputes')),
      amount bigint NOT NULL CHECK (amount <> 0),
      currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      kind text NOT NULL CHECK (kind IN ('capture', 'refund', 'refund_reversal', 'dispute')),
      reference text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ledger_entries_movement_key UNIQUE (kind, reference, account)
    )`);
    await queryRunner.query(`CREATE INDEX ledger_entries_payment_idx ON "payments".ledger_entries (payment_id)`);
    await queryRunner.query(`CREATE INDEX ledger_entries_transaction_idx ON "payments".ledger_entries (transaction_id)`);

    // Checked at commit, once every entry of the transaction is in.
    await queryRunner.query(`CREATE FUNCTION "payments".ledger_transaction_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        unbalanced text;
      BEGIN
        SELECT currency INTO unbalanced FROM "payments".ledger_entries
         WHERE transaction_id = NEW.transaction_id GROUP BY currency HAVING sum(amount) <> 0 LIMIT 1;
        IF unbalanced IS NOT NULL THEN
          RAISE EXCEPTION 'ledger transaction % does not balance in %', NEW.transaction_id, unbalanced USING ERRCODE = '23514';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON "payments".ledger_entries
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "payments".ledger_transaction_balanced()`);

    await queryRunner.query(`CREATE FUNCTION "payments".ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger entries are append-only; book a correcting transaction instead' USING ERRCODE = '55000';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON "payments".ledger_entries
      FOR EACH ROW EXECUTE FUNCTION "payments".ledger_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "payments".ledger_entries`);
    await queryRunner.query(`DROP FUNCTION "payments".ledger_append_only()`);
    await queryRunner.query(`DROP FUNCTION "payments".ledger_transaction_balanced()`);
    await queryRunner.query(`DROP TABLE "payments".webhook_events`);
    await queryRunner.query(`DROP TABLE "payments".disputes`);
    await queryRunner.query(`DROP TABLE "payments".refunds`);
    await queryRunner.query(`DROP TABLE "payments".payments`);
    await queryRunner.query(`DROP TABLE "payments".orders`);
  }
}
