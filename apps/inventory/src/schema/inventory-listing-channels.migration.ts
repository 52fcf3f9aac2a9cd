import { MigrationInterface, QueryRunner } from 'typeorm';

/** Changes to the fields a listing shows but does not match or order by (stock, rating): kept pages refresh them. */
export const LISTING_FIGURES_CHANNEL = 'inventory_listing_figures_changed';

/**
 * Splits the catalog-change notification in two, so that a busy kitchen's sales do not empty the
 * listing cache several times a second:
 * - structural changes (a product added, edited, archived; categories, images, synonyms) keep
 *   notifying CATALOG_CHANGED_CHANNEL: kept pages are dropped;
 * - stock levels and rating aggregates notify LISTING_FIGURES_CHANNEL: kept pages stay, and their
 *   items' available stock and rating are read again before they are served.
 * `units_sold` (a tie-breaker, changed by every sale) notifies nothing: a kept ranking may order
 * equally relevant dishes by sales of up to a minute ago (LISTING_CACHE_MAX_AGE_MS).
 * A column added to products later must be added to the UPDATE OF list below if listings show it.
 */
export class InventoryListingChannels1796400000000 implements MigrationInterface {
  readonly name = 'InventoryListingChannels1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER products_catalog_changed ON "inventory".products`);
    await queryRunner.query(`DROP TRIGGER stock_levels_catalog_changed ON "inventory".stock_levels`);
    await queryRunner.query(`CREATE TRIGGER products_catalog_changed AFTER INSERT OR DELETE OR TRUNCATE ON "inventory".products
      FOR EACH STATEMENT EXECUTE FUNCTION "inventory".catalog_changed()`);
    await queryRunner.query(`CREATE TRIGGER products_catalog_edited
      AFTER UPDATE OF name, description, category_id, price_amount, currency, sku, tags, modifier_groups, archived_at, created_at, on_sale, preparation_minutes
      ON "inventory".products FOR EACH STATEMENT EXECUTE FUNCTION "inventory".catalog_changed()`);
    await queryRunner.query(`CREATE FUNCTION "inventory".listing_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${LISTING_FIGURES_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER products_listing_figures_changed AFTER UPDATE OF rating_average, rating_count ON "inventory".products
      FOR EACH STATEMENT EXECUTE FUNCTION "inventory".listing_figures_changed()`);
    await queryRunner.query(`CREATE TRIGGER stock_levels_listing_figures_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "inventory".stock_levels
      FOR EACH STATEMENT EXECUTE FUNCTION "inventory".listing_figures_changed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER stock_levels_listing_figures_changed ON "inventory".stock_levels`);
    await queryRunner.query(`DROP TRIGGER products_listing_figures_changed ON "inventory".products`);
    await queryRunner.query(`DROP FUNCTION "inventory".listing_figures_changed()`);
    await queryRunner.query(`DROP TRIGGER products_catalog_edited ON "inventory".products`);
    await queryRunner.query(`DROP TRIGGER products_catalog_changed ON "inventory".products`);
    await queryRunner.query(`CREATE TRIGGER products_catalog_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "inventory".products
      FOR EACH STATEMENT EXECUTE FUNCTION "inventory".catalog_changed()`);
    await queryRunner.query(`CREATE TRIGGER stock_levels_catalog_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "inventory".stock_levels
      FOR EACH STATEMENT EXECUTE FUNCTION "inventory".catalog_changed()`);
  }
}
