import { SqlExecutor } from '@galley/messaging';
import { queryRow } from '@galley/platform';
import { assertStorageKey, contentTypeOfKey, ImageStorage } from './image-storage';

/**
 * IMAGE_STORAGE=postgres (the default): the bytes in `inventory.image_blobs`, so every replica
 * serves every upload with nothing more to run. Uploads are capped (MAX_IMAGE_UPLOAD_BYTES) and
 * renditions are far smaller, so a bytea row per rendition is fine. Reads go through `database`
 * outside any transaction; writes join the caller's transaction through `within()`.
 */
export class PostgresImageStorage implements ImageStorage {
  constructor(private readonly sql: SqlExecutor) {}

  within(tx: SqlExecutor): ImageStorage {
    return new PostgresImageStorage(tx);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    // Same key, same content: a second put (or a concurrent one) keeps the row already there.
    await this.sql.query(`INSERT INTO inventory.image_blobs (key, content_type, bytes) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`, [
      assertStorageKey(key),
      contentTypeOfKey(key),
      bytes,
    ]);
  }

  async get(key: string): Promise<Buffer | null> {
    const row = await queryRow<{ bytes: Buffer }>(this.sql, `SELECT bytes FROM inventory.image_blobs WHERE key = $1`, [assertStorageKey(key)]);
    return row?.bytes ?? null;
  }

  async delete(key: string): Promise<void> {
    await this.sql.query(`DELETE FROM inventory.image_blobs WHERE key = $1`, [assertStorageKey(key)]);
  }
}
