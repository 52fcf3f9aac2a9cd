import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Categories, products, stock levels, reservations and the stock audit log of the inventory
 * schema. The stock invariants (`on_hand >= 0`, `reserved >= 0`, `reserved <= on_hand`) are CHECK
 * constraints, so no code path can oversell even if a rule in the service were wrong.
 * Timestamps that keyset cursors use are millisecond precision so they round-trip through JS.
 */
export class InventoryCatalog1795620161648 implements MigrationInterface {
  readonly name = 'InventoryCatalog1795620161648';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "inventory".categories (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      slug text NOT NULL,
      parent_id uuid REFERENCES "inventory".categories (id),
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      CONSTRAINT categories_slug_key UNIQUE (slug),
      CONSTRAINT categories_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
    )`);
    await queryRunner.query(`CREATE INDEX categories_parent_idx ON "inventory".categories (parent_id)`);

    await queryRunner.query(`CREATE TABLE "inventory".products (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      description text NOT NULL,
      category_id uuid NOT NULL REFERENCES "inventory".categories (id),
      price_amount bigint NOT NULL CHECK (price_amount >= 0),
      currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      sku text,
      tags text[] NOT NULL DEFAULT '{}',
      modifier_groups jsonb NOT NULL DEFAULT '[]',
      archived_at timestamptz,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT products_sku_key UNIQUE (sku)
    )`);
    await queryRunner.query(`CREATE INDEX products_listing_idx ON "inventory".products (created_at, id) WHERE archived_at IS NULL`);
    await queryRunner.query(`CREATE INDEX products_category_idx ON "inventory".products (category_id, created_at, id) WHERE archived_at IS NULL`);

    await queryRunner.query(`CREATE TABLE "inventory".stock_levels (
      product_id uuid PRIMARY KEY REFERENCES "inventory".products (id),
      on_hand integer NOT NULL DEFAULT 0,
      reserved integer NOT NULL DEFAULT 0,
      low_stock_threshold integer NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT stock_levels_on_hand_check CHECK (on_hand >= 0),
      CONSTRAINT stock_levels_reserved_check CHECK (reserved >= 0),
      CONSTRAINT stock_levels_reserved_le_on_hand CHECK (reserved <= on_hand),
      CONSTRAINT stock_levels_threshold_check CHECK (low_stock_threshold >= 0)
    )`);

    await queryRunner.query(`CREATE TABLE "inventory".stock_movements (
      id bigserial PRIMARY KEY,
      product_id uuid NOT NULL REFERENCES "inventory".products (id),
      kind text NOT NULL CHECK (kind IN ('adjustment', 'sale')),
      delta integer NOT NULL CHECK (delta <> 0),
      reason text NOT NULL,
      actor_id uuid,
      order_id uuid,
      on_hand_after integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await queryRunner.query(`CREATE INDEX stock_movements_product_idx ON "inventory".stock_movements (product_id, id DESC)`);

    await queryRunner.query(`CREATE TABLE "inventory".reservations (
      id uuid PRIMARY KEY,
      order_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('held', 'rejected', 'committed', 'released', 'expired')),
      expires_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT reservations_order_key UNIQUE (order_id),
      CONSTRAINT reservations_held_expiry CHECK (status <> 'held' OR expires_at IS NOT NULL)
    )`);
    await queryRunner.query(`CREATE INDEX reservations_due_idx ON "inventory".reservations (expires_at) WHERE status = 'held'`);

    await queryRunner.query(`CREATE TABLE "inventory".reservation_lines (
      reservation_id uuid NOT NULL REFERENCES "inventory".reservations (id) ON DELETE CASCADE,
      product_id uuid NOT NULL REFERENCES "inventory".products (id),
      quantity integer NOT NULL CHECK (quantity > 0),
      PRIMARY KEY (reservation_id, product_id)
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inventory".reservation_lines`);
    await queryRunner.query(`DROP TABLE "inventory".reservations`);
    await queryRunner.query(`DROP TABLE "inventory".stock_movements`);
    await queryRunner.query(`DROP TABLE "inventory".stock_levels`);
    await queryRunner.query(`DROP TABLE "inventory".products`);
    await queryRunner.query(`DROP TABLE "inventory".categories`);
  }
}
