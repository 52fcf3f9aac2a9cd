import { EntityManager } from 'typeorm';
import { queryRow, queryRows } from '@galley/platform';

export interface ProductImageRecord {
  id: string;
  productId: string;
  thumbKey: string;
  largeKey: string;
  width: number;
  height: number;
  createdAt: Date;
}

const COLUMNS = `id, product_id, thumb_key, large_key, width, height, created_at`;

/** Queries on `inventory.product_images` (metadata only; the bytes are in the image storage); no rules. */
export class ProductImagesRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The images of these products, each product's in upload order. */
  async ofProducts(productIds: readonly string[]): Promise<Map<string, ProductImageRecord[]>> {
    const byProduct = new Map<string, ProductImageRecord[]>();
    if (productIds.length === 0) return byProduct;
    const rows = await queryRows<ProductImageRecord>(
      this.manager,
      `SELECT ${COLUMNS} FROM inventory.product_images WHERE product_id = ANY($1::uuid[]) ORDER BY product_id, created_at, id`,
      [productIds],
    );
    for (const row of rows) byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), row]);
    return byProduct;
  }

  /** Inserts the image; when the product already has one with the same content, returns that one. */
  async insertOrExisting(image: Omit<ProductImageRecord, 'createdAt'>): Promise<{ image: ProductImageRecord; created: boolean }> {
    const inserted = await queryRows<ProductImageRecord>(
      this.manager,
      `INSERT INTO inventory.product_images (id, product_id, thumb_key, large_key, width, height) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT product_images_content_key DO NOTHING RETURNING ${COLUMNS}`,
      [image.id, image.productId, image.thumbKey, image.largeKey, image.width, image.height],
    );
    if (inserted[0]) return { image: inserted[0], created: true };
    const existing = await queryRows<ProductImageRecord>(this.manager, `SELECT ${COLUMNS} FROM inventory.product_images WHERE product_id = $1 AND large_key = $2`, [
      image.productId,
      image.largeKey,
    ]);
    return { image: existing[0], created: false };
  }

  async delete(productId: string, imageId: string): Promise<ProductImageRecord | null> {
    return queryRow<ProductImageRecord>(
      this.manager,
      `WITH gone AS (DELETE FROM inventory.product_images WHERE id = $1 AND product_id = $2 RETURNING ${COLUMNS}) SELECT * FROM gone`,
      [imageId, productId],
    );
  }

  /** Whether any image row still uses the key (as either rendition). */
  async keyInUse(key: string): Promise<boolean> {
    const rows = await queryRows<{ used: boolean }>(this.manager, `SELECT EXISTS (SELECT 1 FROM inventory.product_images WHERE thumb_key = $1 OR large_key = $1) AS used`, [key]);
    return rows[0].used;
  }

  /** Every key some image row uses (either rendition), in key order: what an image storage must hold. */
  async keysInUse(): Promise<string[]> {
    const rows = await queryRows<{ key: string }>(
      this.manager,
      `SELECT thumb_key AS key FROM inventory.product_images UNION SELECT large_key FROM inventory.product_images ORDER BY key`,
    );
    return rows.map((row) => row.key);
  }

  /**
   * Serialises uploads and deletions of the same content until this transaction ends, so a
   * deletion never removes bytes that a concurrent upload of the same picture is about to use.
   */
  async lockContent(key: string): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [`inventory.image:${key}`]);
  }
}
