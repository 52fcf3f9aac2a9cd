import { DataSource } from 'typeorm';
import { CliUsageError, loadServiceConfig, readCliArguments, serviceCliEnvironment } from '@galley/config';
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

const KINDS = IMAGE_STORAGE_KINDS.join('|');
const USAGE = `usage: npm run images:copy -- --from <${KINDS}> --to <${KINDS}>
  Copies every picture in use from one image storage to the other, each configured from the
  environment as inventory is (IMAGE_STORAGE_DIR, IMAGE_S3_*); rerunnable, present keys are skipped.
  -h, --help   this text`;

/**
 * `--from disk --to postgres` and the like; undefined after printing the usage for --help, and
 * anything else is a CliUsageError that carries the usage line.
 */
export function parseImageCopyArguments(argv: readonly string[], print?: (text: string) => void): ImageCopyArguments | undefined {
  const parsed = readCliArguments(argv, { usage: USAGE, options: { from: { type: 'string' }, to: { type: 'string' } } }, print);
  if (!parsed) return undefined;
  const { from, to } = parsed.values;
  const isKind = (kind: string | undefined): kind is ImageStorageKind => (IMAGE_STORAGE_KINDS as readonly string[]).includes(kind ?? '');
  if (!isKind(from) || !isKind(to)) throw new CliUsageError(`--from and --to must each name a storage\n${USAGE}`);
  if (from === to) throw new CliUsageError(`--from and --to are both ${from}: nothing to copy\n${USAGE}`);
  return { from, to };
}

/**
 * Copies every image in use (the keys of inventory.product_images) from one storage to another,
 * each configured from `env` as the service would be (IMAGE_STORAGE_DIR, IMAGE_S3_*), connected to
 * the database as the inventory role. Safe beside running services: keys are content hashes.
 */
export async function runImageCopy(args: ImageCopyArguments, env: NodeJS.ProcessEnv): Promise<ImageCopyReport> {
  const service = loadServiceConfig('inventory', serviceCliEnvironment('inventory', env));
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
