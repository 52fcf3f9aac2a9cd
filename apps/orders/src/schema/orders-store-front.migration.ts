import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public face of the store (name, description) and the staff pause (`paused_until`: orders are refused until
 * then; a timestamp, so it lifts by itself), and two product fields the catalog read-model now keeps from
 * inventory's events: whether the product is on sale and how many minutes the kitchen needs for it.
 */
export class OrdersStoreFront1795800000000 implements MigrationInterface {
  readonly name = 'OrdersStoreFront1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders".store_settings
      ADD COLUMN name text NOT NULL DEFAULT 'Galley' CHECK (char_length(name) BETWEEN 1 AND 80),
      ADD COLUMN description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 500),
      ADD COLUMN paused_until timestamptz(3),
      ADD COLUMN pause_reason text`);
    await queryRunner.query(`ALTER TABLE "orders".catalog_products
      ADD COLUMN on_sale boolean NOT NULL DEFAULT true,
      ADD COLUMN preparation_minutes integer NOT NULL DEFAULT 10 CHECK (preparation_minutes BETWEEN 0 AND 240)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders".catalog_products DROP COLUMN preparation_minutes, DROP COLUMN on_sale`);
    await queryRunner.query(`ALTER TABLE "orders".store_settings DROP COLUMN pause_reason, DROP COLUMN paused_until, DROP COLUMN description, DROP COLUMN name`);
  }
}
