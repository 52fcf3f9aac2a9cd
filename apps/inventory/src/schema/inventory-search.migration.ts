import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search over products: a stored tsvector (name A, tags B, description C, 'english' config) with a
 * GIN index for ranked full-text matches, a trigram GIN index on lower(name) for typo tolerance
 * (pg_trgm is created in `public` by provisioning), btree indexes for the price and newest sorts,
 * and the rating columns the `rating` sort reads (kept up to date from reviews events later).
 */
export class InventorySearch1795621442134 implements MigrationInterface {
  readonly name = 'InventorySearch1795621442134';

  async up(queryRunner: QueryRunner): Promise<void> {
    // array_to_string is only STABLE; a generated column needs an IMMUTABLE expression.
    await queryRunner.query(`CREATE FUNCTION "inventory".product_tags_text(tags text[]) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string(tags, ' ') $$`);
    await queryRunner.query(`ALTER TABLE "inventory".products
      ADD COLUMN rating_average numeric NOT NULL DEFAULT 0,
      ADD COLUMN rating_count integer NOT NULL DEFAULT 0,
      ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, name), 'A') ||
        setweight(to_tsvector('english'::regconfig, "inventory".product_tags_text(tags)), 'B') ||
        setweight(to_tsvector('english'::regconfig, description), 'C')
      ) STORED`);
    await queryRunner.query(`CREATE INDEX products_search_idx ON "inventory".products USING gin (search_vector) WHERE archived_at IS NULL`);
    await queryRunner.query(`CREATE INDEX products_name_trgm_idx ON "inventory".products USING gin (lower(name) public.gin_trgm_ops) WHERE archived_at IS NULL`);
    await queryRunner.query(`CREATE INDEX products_price_idx ON "inventory".products (price_amount, id) WHERE archived_at IS NULL`);
    await queryRunner.query(`CREATE INDEX products_newest_idx ON "inventory".products (created_at DESC, id DESC) WHERE archived_at IS NULL`);
    await queryRunner.query(`CREATE INDEX products_rating_idx ON "inventory".products (rating_average DESC, rating_count DESC, id DESC) WHERE archived_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "inventory".products_rating_idx`);
    await queryRunner.query(`DROP INDEX "inventory".products_newest_idx`);
    await queryRunner.query(`DROP INDEX "inventory".products_price_idx`);
    await queryRunner.query(`DROP INDEX "inventory".products_name_trgm_idx`);
    await queryRunner.query(`DROP INDEX "inventory".products_search_idx`);
    await queryRunner.query(`ALTER TABLE "inventory".products DROP COLUMN search_vector, DROP COLUMN rating_count, DROP COLUMN rating_average`);
    await queryRunner.query(`DROP FUNCTION "inventory".product_tags_text(text[])`);
  }
}
