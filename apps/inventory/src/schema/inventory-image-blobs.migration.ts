import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Image bytes in the inventory schema (IMAGE_STORAGE=postgres, the default), so every replica
 * serves every upload. Keys are the renditions' content hashes, written once and never changed.
 * The bytes are WebP, already compressed: EXTERNAL storage keeps Postgres from trying again.
 */
export class InventoryImageBlobs1796200000000 implements MigrationInterface {
  readonly name = 'InventoryImageBlobs1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "inventory".image_blobs (
      key text PRIMARY KEY CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$'),
      content_type text NOT NULL,
      bytes bytea NOT NULL,
      created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
    )`);
    await queryRunner.query(`ALTER TABLE "inventory".image_blobs ALTER COLUMN bytes SET STORAGE EXTERNAL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inventory".image_blobs`);
  }
}
