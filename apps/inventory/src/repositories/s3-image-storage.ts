import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { assertStorageKey, contentTypeOfKey, ImageStorage } from './image-storage';

export interface S3ImageStorageSettings {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (MinIO, R2, ...); AWS's own without it. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Static credentials, both or neither; without them the SDK's default chain (env, profile, role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Put before every key, e.g. `galley/images/`. */
  prefix?: string;
}

/** Renditions never change under a key, so a CDN in front of the bucket may keep them forever too. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * IMAGE_STORAGE=s3: one object per rendition in an S3-compatible bucket, shared by every replica.
 * The bucket must exist; the service only puts, gets and deletes objects under its prefix.
 */
export class S3ImageStorage implements ImageStorage {
  private readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly settings: S3ImageStorageSettings) {
    this.prefix = settings.prefix ?? '';
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
      // A hung store must not hold an upload's transaction open for ever; the SDK retries (3 attempts).
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 20_000 },
      // Stores other than AWS often refuse the SDK's newer default CRC checksums; send them only where required.
      ...(settings.endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
    });
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: this.objectKey(key),
        Body: bytes,
        ContentType: contentTypeOfKey(key),
        CacheControl: IMMUTABLE,
      }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
      if (!object.Body) return null;
      return Buffer.from(await object.Body.transformToByteArray());
    } catch (error) {
      // Only a missing object is "nothing stored"; a missing bucket or bad credentials stay errors.
      if (error instanceof NoSuchKey) return null;
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404 && error.name !== 'NoSuchBucket') return null;
      throw error;
    }
  }

  /** S3 answers a delete of a missing key with success, as the interface wants. */
  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
  }

  /** Closes the client's sockets (Nest calls it on shutdown). */
  onModuleDestroy(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    return `${this.prefix}${assertStorageKey(key)}`;
  }
}
