import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff choose the order of the categories (the menu follows it); existing ones keep their alphabetical order. A new
 * category takes the next value of a sequence, so it lands last without reading the others (and inserts that do
 * not name the column, from a process started before this migration, still work).
 */
export class InventoryCategoryPosition1796000000000 implements MigrationInterface {
  readonly name = 'InventoryCategoryPosition1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inventory".categories ADD COLUMN position integer`);
    await queryRunner.query(
      `UPDATE "inventory".categories c SET position = ranked.n
         FROM (SELECT id, row_number() OVER (ORDER BY name, id) AS n FROM "inventory".categories) ranked
        WHERE c.id = ranked.id`,
    );
    await queryRunner.query(`CREATE SEQUENCE "inventory".categories_position_seq OWNED BY "inventory".categories.position`);
    await queryRunner.query(`SELECT setval('"inventory".categories_position_seq', (SELECT count(*) + 1 FROM "inventory".categories), false)`);
    await queryRunner.query(`ALTER TABLE "inventory".categories ALTER COLUMN position SET DEFAULT nextval('"inventory".categories_position_seq')`);
    await queryRunner.query(`ALTER TABLE "inventory".categories ALTER COLUMN position SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX categories_position_idx ON "inventory".categories (position)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "inventory".categories_position_idx`);
    await queryRunner.query(`ALTER TABLE "inventory".categories DROP COLUMN position`);
  }
}
