import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Product images (metadata only: the bytes live in the image storage, addressed by content hash),
 * the time of the rating the reviews read-model last applied (so a late redelivery cannot move a
 * rating backwards), and the `returned` reservation state with its `return` stock movement (sold
 * stock put back on hand when a paid order is cancelled).
 */
export class InventoryImagesRatings1795712063217 implements MigrationInterface {
  readonly name = 'InventoryImagesRatings1795712063217';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "inventory".product_images (
      id uuid PRIMARY KEY,
      product_id uuid NOT NULL REFERENCES "inventory".products (id),
      thumb_key text NOT NULL,
      large_key text NOT NULL,
      width integer NOT NULL CHECK (width > 0),
      height integer NOT NULL CHECK (height > 0),
      created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT product_images_content_key UNIQUE (product_id, large_key)
    )`);
    await queryRunner.query(`CREATE INDEX product_images_product_idx ON "inventory".product_images (product_id, created_at, id)`);
    await queryRunner.query(`CREATE INDEX product_images_thumb_idx ON "inventory".product_images (thumb_key)`);
    await queryRunner.query(`CREATE INDEX product_images_large_idx ON "inventory".product_images (large_key)`);

    await queryRunner.query(`ALTER TABLE "inventory".products ADD COLUMN rating_changed_at timestamptz`);

    await queryRunner.query(`ALTER TABLE "inventory".reservations DROP CONSTRAINT reservations_status_check`);
    await queryRunner.query(`ALTER TABLE "inventory".reservations ADD CONSTRAINT reservations_status_check
      CHECK (status IN ('held', 'rejected', 'committed', 'released', 'expired', 'returned'))`);
    await queryRunner.query(`ALTER TABLE "inventory".stock_movements DROP CONSTRAINT stock_movements_kind_check`);
    await queryRunner.query(`ALTER TABLE "inventory".stock_movements ADD CONSTRAINT stock_movements_kind_check
      CHECK (kind IN ('adjustment', 'sale', 'return'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inventory".stock_movements DROP CONSTRAINT stock_movements_kind_check`);
    await queryRunner.query(`ALTER TABLE "inventory".stock_movements ADD CONSTRAINT stock_movements_kind_check CHECK (kind IN ('adjustment', 'sale'))`);
    await queryRunner.query(`ALTER TABLE "inventory".reservations DROP CONSTRAINT reservations_status_check`);
    await queryRunner.query(`ALTER TABLE "inventory".reservations ADD CONSTRAINT reservations_status_check
      CHECK (status IN ('held', 'rejected', 'committed', 'released', 'expired'))`);
    await queryRunner.query(`ALTER TABLE "inventory".products DROP COLUMN rating_changed_at`);
    await queryRunner.query(`DROP TABLE "inventory".product_images`);
  }
}
