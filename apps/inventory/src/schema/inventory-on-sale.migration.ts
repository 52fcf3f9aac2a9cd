import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Products staff can take off sale without archiving them (`on_sale`: listed, shown unavailable, not orderable), and
 * the minutes the kitchen needs for one (`preparation_minutes`, for the order ETA).
 */
export class InventoryOnSale1795800000001 implements MigrationInterface {
  readonly name = 'InventoryOnSale1795800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inventory".products
      ADD COLUMN on_sale boolean NOT NULL DEFAULT true,
      ADD COLUMN preparation_minutes integer NOT NULL DEFAULT 10 CHECK (preparation_minutes BETWEEN 0 AND 240)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inventory".products DROP COLUMN preparation_minutes, DROP COLUMN on_sale`);
  }
}
