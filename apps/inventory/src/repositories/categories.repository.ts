import { EntityManager } from 'typeorm';

export interface CategoryRecord {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  createdAt: Date;
}

const COLUMNS = `id, name, slug, parent_id AS "parentId", created_at AS "createdAt"`;

/** Queries on `inventory.categories`; no rules. */
export class CategoriesRepository {
  constructor(private readonly manager: EntityManager) {}

  list(): Promise<CategoryRecord[]> {
    return this.manager.query(`SELECT ${COLUMNS} FROM inventory.categories ORDER BY name, id`);
  }

  async findById(id: string): Promise<CategoryRecord | null> {
    const rows: CategoryRecord[] = await this.manager.query(`SELECT ${COLUMNS} FROM inventory.categories WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The category with this id or slug. */
  async findByIdOrSlug(key: string, isUuid: boolean): Promise<CategoryRecord | null> {
    const rows: CategoryRecord[] = isUuid
      ? await this.manager.query(`SELECT ${COLUMNS} FROM inventory.categories WHERE id = $1 OR slug = $2`, [key, key])
      : await this.manager.query(`SELECT ${COLUMNS} FROM inventory.categories WHERE slug = $1`, [key]);
    return rows[0] ?? null;
  }

  /** The category and every category below it. */
  async subtreeIds(id: string): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
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
    const rows: { empty: boolean }[] = await this.manager.query(
      `SELECT NOT EXISTS (SELECT 1 FROM inventory.categories) AND NOT EXISTS (SELECT 1 FROM inventory.products) AS empty`,
    );
    return rows[0].empty;
  }

  /** Serialises catalog set-up (the demo menu) across instances until this transaction ends. */
  async lockCatalogSetup(): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('inventory.catalog-setup', 7))`);
  }

  /** Inserts the category; null when its slug is taken. */
  async insert(category: Omit<CategoryRecord, 'createdAt'>): Promise<CategoryRecord | null> {
    const rows: CategoryRecord[] = await this.manager.query(
      `INSERT INTO inventory.categories (id, name, slug, parent_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (slug) DO NOTHING RETURNING ${COLUMNS}`,
      [category.id, category.name, category.slug, category.parentId],
    );
    return rows[0] ?? null;
  }
}
