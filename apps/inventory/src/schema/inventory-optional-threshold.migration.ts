import { MigrationInterface, QueryRunner } from 'typeorm';

/** A product may have no low-stock threshold at all (null: never shown as low); 0 still means "low when sold out". */
export class InventoryOptionalThreshold1795900000000 implements MigrationInterface {
  readonly name = 'InventoryOptionalThreshold1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inventory".stock_levels ALTER COLUMN low_stock_threshold DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "inventory".stock_levels SET low_stock_threshold = 0 WHERE low_stock_threshold IS NULL`);
    await queryRunner.query(`ALTER TABLE "inventory".stock_levels ALTER COLUMN low_stock_threshold SET NOT NULL`);
  }
}
