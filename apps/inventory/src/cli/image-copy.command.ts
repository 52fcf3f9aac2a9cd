import { DataSource } from 'typeorm';
import { loadServiceConfig } from '@galley/config';
import { serviceDataSourceOptions } from '@galley/platform';
import { IMAGE_STORAGE_KINDS, ImageStorageKind, loadInventoryConfig } from '../config/inventory-config';
import { ImageStorage } from '../repositories/image-storage';
import { imageStorageFor } from '../repositories/image-storage.factory';
import { ProductImagesRepository } from '../repositories/product-images.repository';
import { inventorySchema } from '../schema/inventory.schema';
import { copyImages, ImageCopyReport } from '../services/image-copy';

export interface ImageCopyArguments {
  from: ImageStorageKind;
  to: ImageStorageKind;
}

const USAGE = `usage: npm run images:copy -- --from <${IMAGE_STORAGE_KINDS.join('|')}> --to <${IMAGE_STORAGE_KINDS.join('|')}>`;

/** `--from disk --to postgres` and the like; anything else is an error that carries the usage line. */
export function parseImageCopyArguments(argv: readonly string[]): ImageCopyArguments {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const known = new Set(['--from', '--to']);
  const stray = argv.filter((arg, index) => arg.startsWith('--') && !known.has(arg) && !known.has(argv[index - 1] ?? ''));
  if (stray.length > 0) throw new Error(`unknown option ${stray[0]}\n${USAGE}`);
  const [from, to] = [value('--from'), value('--to')];
  const isKind = (kind: string | undefined): kind is ImageStorageKind => (IMAGE_STORAGE_KINDS as readonly string[]).includes(kind ?? '');
  if (!isKind(from) || !isKind(to)) throw new Error(`--from and --to must each name a storage\n${USAGE}`);
  if (from === to) throw new Error(`--from and --to are both ${from}: nothing to copy\n${USAGE}`);
  return { from, to };
}

/**
 * Copies every image in use (the keys of inventory.product_images) from one storage to another,
 * each configured from `env` as the service would be (IMAGE_STORAGE_DIR, IMAGE_S3_*), connected to
 * the database as the inventory role. Safe beside running services: keys are content hashes.
 */
export async function runImageCopy(args: ImageCopyArguments, env: NodeJS.ProcessEnv): Promise<ImageCopyReport> {
  const service = loadServiceConfig('inventory', {
    ...env,
    DB_USER: env.DB_USER || undefined,
    DB_PASSWORD: env.DB_PASSWORD || env.DB_PASSWORD_INVENTORY || 'galley_inventory_dev',
    DB_POOL_SIZE: '2',
  });
  // Each side validated like the service's own config, so a missing bucket is named before any work.
  const [fromConfig, toConfig] = [loadInventoryConfig({ ...env, IMAGE_STORAGE: args.from }), loadInventoryConfig({ ...env, IMAGE_STORAGE: args.to })];
  const dataSource = new DataSource(serviceDataSourceOptions('inventory', service, inventorySchema));
  await dataSource.initialize();
  const storages: ImageStorage[] = [];
  try {
    const from = await imageStorageFor(fromConfig, dataSource);
    storages.push(from);
    const to = await imageStorageFor(toConfig, dataSource);
    storages.push(to);
    const keys = await new ProductImagesRepository(dataSource.manager).keysInUse();
    return await copyImages(keys, from, to);
  } finally {
    for (const storage of storages) (storage as { onModuleDestroy?: () => void }).onModuleDestroy?.();
    await dataSource.destroy();
  }
}
