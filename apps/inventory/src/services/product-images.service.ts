import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InventoryError, InventoryErrorCode } from '../domain/inventory-error';
import { IMAGE_KEY_PATTERN, imageKeyOf } from '../domain/image-rules';
import { IMAGE_STORAGE, ImageStorage } from '../repositories/image-storage';
import { InventoryStore, InventoryTransaction } from '../repositories/inventory-store';
import { ProductImageRecord } from '../repositories/product-images.repository';
import { renderImage } from './image-renditions';

/** A picture rendered and ready to store: its renditions' bytes and keys. */
export interface PreparedImage {
  width: number;
  height: number;
  thumb: { key: string; bytes: Buffer };
  large: { key: string; bytes: Buffer };
}

/**
 * Product pictures: uploads are checked and rendered to WebP (thumb, large), the bytes go to the
 * image storage under their content hash and a metadata row links them to the product.
 */
@Injectable()
export class ProductImagesService {
  constructor(
    private readonly store: InventoryStore,
    @Inject(IMAGE_STORAGE) private readonly storage: ImageStorage,
  ) {}

  /** Checks and renders an upload (CPU work, done before any transaction). */
  async prepare(bytes: Buffer): Promise<PreparedImage> {
    const rendered = await renderImage(bytes);
    const { thumb, large } = rendered.renditions;
    return {
      width: rendered.width,
      height: rendered.height,
      thumb: { key: imageKeyOf(thumb.bytes), bytes: thumb.bytes },
      large: { key: imageKeyOf(large.bytes), bytes: large.bytes },
    };
  }

  /**
   * Adds a picture to a live product (unknown or archived: ProductNotFound, like every other write
   * to an archived product). The same picture twice gives back the image already there.
   */
  async upload(productId: string, bytes: Buffer): Promise<ProductImageRecord> {
    const product = await this.store.read.products.findById(productId);
    if (!product || product.archivedAt) throw productNotFound();
    const prepared = await this.prepare(bytes);
    return this.store.transaction(async (tx) => {
      const locked = await tx.products.lockById(productId);
      if (!locked || locked.archivedAt) throw productNotFound();
      return this.attachIn(tx, productId, prepared);
    });
  }

  /** Stores a prepared picture and links it to the product inside the caller's transaction. */
  async attachIn(tx: InventoryTransaction, productId: string, prepared: PreparedImage): Promise<ProductImageRecord> {
    await tx.images.lockContent(prepared.large.key);
    const { image } = await tx.images.insertOrExisting({
      id: randomUUID(),
      productId,
      thumbKey: prepared.thumb.key,
      largeKey: prepared.large.key,
      width: prepared.width,
      height: prepared.height,
    });
    // Written while the content lock is held. In Postgres the bytes commit with the row; in a bucket
    // or directory a rollback leaves only unreferenced, harmless bytes.
    const storage = this.storageIn(tx);
    await storage.put(prepared.thumb.key, prepared.thumb.bytes);
    await storage.put(prepared.large.key, prepared.large.bytes);
    return image;
  }

  /** Removes a picture from a product; its bytes go too unless another product uses the same picture. */
  async remove(productId: string, imageId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const image = await tx.images.delete(productId, imageId);
      if (!image) throw new InventoryError(InventoryErrorCode.ImageNotFound, 'No such image on this product');
      await tx.images.lockContent(image.largeKey);
      const storage = this.storageIn(tx);
      for (const key of [image.thumbKey, image.largeKey]) {
        if (!(await tx.images.keyInUse(key))) await storage.delete(key);
      }
    });
  }

  /** The bytes of a rendition by key (ImageNotFound for a key that is not one or holds nothing). */
  async read(key: string): Promise<Buffer> {
    const bytes = IMAGE_KEY_PATTERN.test(key) ? await this.storage.get(key) : null;
    if (!bytes) throw new InventoryError(InventoryErrorCode.ImageNotFound, 'No such image');
    return bytes;
  }

  /** The storage writing through this transaction when it lives in the database, else the storage itself. */
  private storageIn(tx: InventoryTransaction): ImageStorage {
    return this.storage.within?.(tx.sql) ?? this.storage;
  }
}

function productNotFound(): InventoryError {
  return new InventoryError(InventoryErrorCode.ProductNotFound, 'No such product');
}
