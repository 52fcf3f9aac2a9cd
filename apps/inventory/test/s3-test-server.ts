import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { freePort } from '@galley/testing';

/** The only key pair s3rver knows. It refuses other access key ids but does not verify SigV4 signatures. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * s3rver (an S3-compatible server written in Node) on a free loopback port with one bucket, its
 * objects in a temporary directory that `close()` removes. Path-style addressing, like MinIO.
 */
export class S3TestServer {
  private constructor(
    private readonly server: S3rver,
    private readonly directory: string,
    readonly endpoint: string,
    readonly bucket: string,
  ) {}

  static async start(bucket = 'galley-images'): Promise<S3TestServer> {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'galley-s3rver-'));
    const port = await freePort();
    const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
    await server.run();
    return new S3TestServer(server, directory, `http://127.0.0.1:${port}`, bucket);
  }

  /** Inventory settings for IMAGE_STORAGE=s3 against this server. */
  env(prefix = ''): Record<string, string> {
    return {
      IMAGE_STORAGE: 's3',
      IMAGE_S3_BUCKET: this.bucket,
      IMAGE_S3_ENDPOINT: this.endpoint,
      IMAGE_S3_FORCE_PATH_STYLE: 'true',
      IMAGE_S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      IMAGE_S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      ...(prefix ? { IMAGE_S3_PREFIX: prefix } : {}),
    };
  }

  async close(): Promise<void> {
    try {
      await this.server.close();
    } finally {
      await rm(this.directory, { recursive: true, force: true });
    }
  }
}
