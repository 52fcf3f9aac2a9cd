import { SqlExecutor } from '@galley/messaging';
import { ImageStorageKind, InventoryConfig } from '../config/inventory-config';
import { ImageStorage, LocalDiskImageStorage } from './image-storage';
import { PostgresImageStorage } from './postgres-image-storage';
import type { S3ImageStorageSettings } from './s3-image-storage';

/** The S3 storage's settings from the validated config (the bucket is required there when IMAGE_STORAGE=s3). */
export function s3ImageStorageSettingsOf(config: InventoryConfig): S3ImageStorageSettings {
  if (!config.IMAGE_S3_BUCKET) throw new Error('IMAGE_S3_BUCKET is required when IMAGE_STORAGE=s3');
  return {
    bucket: config.IMAGE_S3_BUCKET,
    region: config.IMAGE_S3_REGION,
    endpoint: config.IMAGE_S3_ENDPOINT,
    forcePathStyle: config.IMAGE_S3_FORCE_PATH_STYLE,
    accessKeyId: config.IMAGE_S3_ACCESS_KEY_ID,
    secretAccessKey: config.IMAGE_S3_SECRET_ACCESS_KEY,
    prefix: config.IMAGE_S3_PREFIX,
  };
}

/**
 * The storage IMAGE_STORAGE names; `database` is the service's own connection (for postgres).
 * The AWS SDK is loaded only for s3 (it adds ~70 ms and ~20 MB to a start that does not use it).
 */
export async function imageStorageFor(config: InventoryConfig, database: SqlExecutor): Promise<ImageStorage> {
  const kind: ImageStorageKind = config.IMAGE_STORAGE;
  switch (kind) {
    case 'postgres':
      return new PostgresImageStorage(database);
    case 's3': {
      const { S3ImageStorage } = await import('./s3-image-storage');
      return new S3ImageStorage(s3ImageStorageSettingsOf(config));
    }
    case 'disk':
      return new LocalDiskImageStorage(config.IMAGE_STORAGE_DIR);
    default: {
      const unknown: never = kind;
      throw new Error(`unknown IMAGE_STORAGE ${String(unknown)}`);
    }
  }
}
