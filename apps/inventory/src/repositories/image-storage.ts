import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqlExecutor } from '@galley/messaging';

/**
 * Where image bytes live, by key; the database's product_images rows say which keys a product
 * uses. Keys are content hashes, so `put` of an existing key is harmless and a stored key never
 * changes. Backends: Postgres (default), S3-compatible buckets, a local directory.
 */
export interface ImageStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the key; a missing key is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Only a storage inside the service's own database has it: the same storage writing through
   * the caller's transaction, so bytes commit or roll back with the rows that reference them.
   */
  within?(tx: SqlExecutor): ImageStorage;
}

export const IMAGE_STORAGE = Symbol('IMAGE_STORAGE');

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** Keys come from the service, but no backend takes one that could name a path or another prefix. */
export function assertStorageKey(key: string): string {
  if (!SAFE_KEY.test(key)) throw new Error(`"${key}" is not a storage key`);
  return key;
}

const CONTENT_TYPES: Record<string, string> = { webp: 'image/webp', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

/** The media type a key's extension names (renditions are `<sha256>.webp`). */
export function contentTypeOfKey(key: string): string {
  const extension = key.includes('.') ? key.slice(key.lastIndexOf('.') + 1).toLowerCase() : '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/**
 * IMAGE_STORAGE=disk: files under one directory, sharded by the key's first two characters. Only
 * for a single node: another replica does not see them.
 */
export class LocalDiskImageStorage implements ImageStorage {
  private readonly root: string;

  constructor(directory: string) {
    this.root = path.resolve(directory);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const partial = `${file}.${randomUUID()}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, file);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.fileOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true });
  }

  private fileOf(key: string): string {
    // A path must never escape the root whatever it is given.
    assertStorageKey(key);
    return path.join(this.root, key.slice(0, 2), key);
  }
}
