import { EntityManager } from 'typeorm';
import { queryRow, queryRows } from '@galley/platform';

export interface CategoryRecord {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  /** Where staff placed it: lists are in this order (1 first). */
  position: number;
  createdAt: Date;
}

const COLUMNS = `id, name, slug, parent_id, position, created_at`;

/** Queries on `inventory.categories`; no rules. */
export class CategoriesRepository {
  constructor(private readonly manager: EntityManager) {}

  list(): Promise<CategoryRecord[]> {
    return queryRows<CategoryRecord>(this.manager, `SELECT ${COLUMNS} FROM inventory.categories ORDER BY position, name, id`);
  }

  /** Every category id, locked against a concurrent reorder or insert until this transaction ends. */
  async lockAllIds(): Promise<string[]> {
    await this.manager.query(`LOCK TABLE inventory.categories IN SHARE ROW EXCLUSIVE MODE`);
    const rows = await queryRows<{ id: string }>(this.manager, `SELECT id FROM inventory.categories`);
    return rows.map((row) => row.id);
  }

  /** Positions 1, 2, … in the order of `ids`. */
  async setPositions(ids: readonly string[]): Promise<void> {
    await this.manager.query(
      `UPDATE inventory.categories c SET position = ordered.n
         FROM unnest($1::uuid[]) WITH ORDINALITY AS ordered(id, n)
        WHERE c.id = ordered.id AND c.position IS DISTINCT FROM ordered.n`,
      [ids],
    );
  }

  async findById(id: string): Promise<CategoryRecord | null> {
    return queryRow<CategoryRecord>(this.manager, `SELECT ${COLUMNS} FROM inventory.categories WHERE id = $1`, [id]);
  }

  /** The category with this id or slug. */
  async findByIdOrSlug(key: string, isUuid: boolean): Promise<CategoryRecord | null> {
    const rows = isUuid
      ? await queryRows<CategoryRecord>(this.manager, `SELECT ${COLUMNS} FROM inventory.categories WHERE id = $1 OR slug = $2`, [key, key])
      : await queryRows<CategoryRecord>(this.manager, `SELECT ${COLUMNS} FROM inventory.categories WHERE slug = $1`, [key]);
    return rows[0] ?? null;
  }

  /** The category and every category below it. */
  async subtreeIds(id: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.manager,
      `WITH RECURSIVE tree AS (
         SELECT id FROM inventory.categories WHERE id = $1
         UNION SELECT c.id FROM inventory.categories c JOIN tree t ON c.parent_id = t.id
       ) SELECT id FROM tree`,
      [id],
    );
    return rows.map((row) => row.id);
  }

  /** True when the catalog has never had anything: no category and no product (archived ones count). */
  async catalogIsEmpty(): Promise<boolean> {
    const rows = await queryRows<{ empty: boolean }>(
      this.manager,
      `SELECT NOT EXISTS (SELECT 1 FROM inventory.categories) AND NOT EXISTS (SELECT 1 FROM inventory.products) AS empty`,
    );
    return rows[0].empty;
  }

  /** Serialises catalog set-up (the demo menu) across instances until this transaction ends. */
  async lockCatalogSetup(): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('inventory.catalog-setup', 7))`);
  }

  /** Inserts the category, last in the order (the column's sequence); null when its slug is taken. */
  async insert(category: Omit<CategoryRecord, 'createdAt' | 'position'>): Promise<CategoryRecord | null> {
    return queryRow<CategoryRecord>(
      this.manager,
      `INSERT INTO inventory.categories (id, name, slug, parent_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (slug) DO NOTHING RETURNING ${COLUMNS}`,
      [category.id, category.name, category.slug, category.parentId],
    );
  }
}
