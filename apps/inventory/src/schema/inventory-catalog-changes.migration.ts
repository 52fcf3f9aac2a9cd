import { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel every inventory instance listens on to drop its cached listing pages. */
export const CATALOG_CHANGED_CHANNEL = 'inventory_catalog_changed';

const WATCHED_TABLES = ['products', 'stock_levels', 'categories', 'product_images', 'search_synonyms'];

/**
 * A NOTIFY on every committed write to what a listing page shows (products, their stock, the
 * categories, images and the synonyms search expands with). Postgres delivers a notification only
 * once its transaction commits and folds repeats within one transaction, so a listener that drops
 * its cache on it never keeps a page from before a committed change; statement-level triggers keep
 * the cost to one call per statement, not per row.
 */
export class InventoryCatalogChanges1796300000000 implements MigrationInterface {
  readonly name = 'InventoryCatalogChanges1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "inventory".catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${CATALOG_CHANGED_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    for (const table of WATCHED_TABLES) {
      await queryRunner.query(`CREATE TRIGGER ${table}_catalog_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "inventory".${table}
        FOR EACH STATEMENT EXECUTE FUNCTION "inventory".catalog_changed()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of WATCHED_TABLES) await queryRunner.query(`DROP TRIGGER ${table}_catalog_changed ON "inventory".${table}`);
    await queryRunner.query(`DROP FUNCTION "inventory".catalog_changed()`);
  }
}
