import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min, ValidateIf } from 'class-validator';
import { loadConfig, VerifierConfig } from '@galley/config';

/** Where product image bytes live: a table in the inventory schema, an S3-compatible bucket, or a local directory. */
export const IMAGE_STORAGE_KINDS = ['postgres', 's3', 'disk'] as const;
export type ImageStorageKind = (typeof IMAGE_STORAGE_KINDS)[number];

/** The inventory service's own settings, read from the same environment as its ServiceConfig. */
export class InventoryConfig extends VerifierConfig {
  /** The one store currency (ISO 4217): every price and price delta is in it. */
  @Matches(/^[A-Z]{3}$/, { message: 'GALLEY_CURRENCY must be an ISO 4217 code such as USD' })
  GALLEY_CURRENCY: string = 'USD';

  /** How long stock stays reserved for an unpaid order. */
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  RESERVATION_TTL_SECONDS: number = 900;

  /** How often the sweeper releases expired reservations. */
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  RESERVATION_SWEEP_INTERVAL_MS: number = 5000;

  /**
   * Where image renditions are stored: `postgres` (default; every replica sees every image), `s3`
   * (an S3-compatible bucket, IMAGE_S3_*) or `disk` (IMAGE_STORAGE_DIR; one node only).
   */
  @IsIn(IMAGE_STORAGE_KINDS, { message: `IMAGE_STORAGE must be one of ${IMAGE_STORAGE_KINDS.join(', ')}` })
  IMAGE_STORAGE: ImageStorageKind = 'postgres';

  /** Where the local-disk image storage keeps renditions (relative to the working directory); IMAGE_STORAGE=disk only. */
  @IsString()
  @IsNotEmpty()
  IMAGE_STORAGE_DIR: string = '.cache/images';

  /** The bucket of the S3 image storage (required when IMAGE_STORAGE=s3). */
  @ValidateIf((config: InventoryConfig) => config.IMAGE_STORAGE === 's3' || config.IMAGE_S3_BUCKET !== undefined)
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'IMAGE_S3_BUCKET is required when IMAGE_STORAGE=s3 and must be a bucket name (3-63 characters: a-z, 0-9, dots, hyphens)',
  })
  IMAGE_S3_BUCKET?: string;

  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'IMAGE_S3_REGION must be a region name such as us-east-1' })
  IMAGE_S3_REGION: string = 'us-east-1';

  /** An S3-compatible endpoint other than AWS (MinIO, R2, ...); the SDK's AWS endpoint without it. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'IMAGE_S3_ENDPOINT must be an http(s) URL' })
  IMAGE_S3_ENDPOINT?: string;

  /** Address the bucket as https://endpoint/bucket/key instead of https://bucket.endpoint/key (MinIO and most self-hosted stores). */
  @Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => booleanText(obj[key]))
  @IsBoolean({ message: 'IMAGE_S3_FORCE_PATH_STYLE must be true or false' })
  IMAGE_S3_FORCE_PATH_STYLE: boolean = false;

  /** Static S3 credentials, both or neither; without them the SDK's default chain (env, profile, IAM role) applies. */
  @ValidateIf((config: InventoryConfig) => config.IMAGE_S3_ACCESS_KEY_ID !== undefined || config.IMAGE_S3_SECRET_ACCESS_KEY !== undefined)
  @IsNotEmpty({ message: 'IMAGE_S3_ACCESS_KEY_ID is required when IMAGE_S3_SECRET_ACCESS_KEY is set' })
  @IsString()
  IMAGE_S3_ACCESS_KEY_ID?: string;

  @ValidateIf((config: InventoryConfig) => config.IMAGE_S3_ACCESS_KEY_ID !== undefined || config.IMAGE_S3_SECRET_ACCESS_KEY !== undefined)
  @IsNotEmpty({ message: 'IMAGE_S3_SECRET_ACCESS_KEY is required when IMAGE_S3_ACCESS_KEY_ID is set' })
  @IsString()
  IMAGE_S3_SECRET_ACCESS_KEY?: string;

  /** A key prefix inside the bucket (e.g. `galley/images/`), so one bucket can hold other things too. */
  @IsOptional()
  @Matches(/^(?!\/)[A-Za-z0-9!_.*'()/-]{1,512}$/, {
    message: "IMAGE_S3_PREFIX may hold only letters, digits and !_.*'()/- (at most 512, not starting with /)",
  })
  IMAGE_S3_PREFIX?: string;

  /**
   * Load the demo restaurant menu when the catalog is empty at start-up. Defaults to true in
   * development and false otherwise (see loadInventoryConfig).
   */
  // Implicit conversion would turn the string "false" into true, so the raw text is read.
  @Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => booleanText(obj[key]))
  @IsBoolean({ message: 'DEMO_CATALOG must be true or false' })
  DEMO_CATALOG: boolean = false;

  /** Search: query words of at least this many letters may carry one typo (docs/search.md). */
  @IsInt()
  @Min(1)
  @Max(100)
  SEARCH_ONE_TYPO_FROM: number = 5;

  /** Search: query words of at least this many letters may carry two typos. */
  @IsInt()
  @Min(1)
  @Max(100)
  SEARCH_TWO_TYPOS_FROM: number = 9;

  /**
   * Megabytes of product listing pages (search included, about 15 KB a page of 20) each instance
   * keeps until the catalog changes (docs/search.md); 0 turns the cache off.
   */
  @IsInt()
  @Min(0)
  @Max(16_384)
  SEARCH_CACHE_MB: number = 64;
}

function booleanText(raw: unknown): unknown {
  if (raw === 'true' || raw === true) return true;
  if (raw === 'false' || raw === false) return false;
  return raw;
}

export function loadInventoryConfig(env: NodeJS.ProcessEnv): InventoryConfig {
  return loadConfig(InventoryConfig, {
    GALLEY_CURRENCY: env.GALLEY_CURRENCY,
    RESERVATION_TTL_SECONDS: env.RESERVATION_TTL_SECONDS,
    RESERVATION_SWEEP_INTERVAL_MS: env.RESERVATION_SWEEP_INTERVAL_MS,
    IMAGE_STORAGE: env.IMAGE_STORAGE,
    IMAGE_STORAGE_DIR: env.IMAGE_STORAGE_DIR,
    IMAGE_S3_BUCKET: env.IMAGE_S3_BUCKET,
    IMAGE_S3_REGION: env.IMAGE_S3_REGION,
    IMAGE_S3_ENDPOINT: env.IMAGE_S3_ENDPOINT,
    IMAGE_S3_FORCE_PATH_STYLE: env.IMAGE_S3_FORCE_PATH_STYLE,
    IMAGE_S3_ACCESS_KEY_ID: env.IMAGE_S3_ACCESS_KEY_ID,
    IMAGE_S3_SECRET_ACCESS_KEY: env.IMAGE_S3_SECRET_ACCESS_KEY,
    IMAGE_S3_PREFIX: env.IMAGE_S3_PREFIX,
    SEARCH_ONE_TYPO_FROM: env.SEARCH_ONE_TYPO_FROM,
    SEARCH_TWO_TYPOS_FROM: env.SEARCH_TWO_TYPOS_FROM,
    SEARCH_CACHE_MB: env.SEARCH_CACHE_MB,
    DEMO_CATALOG: env.DEMO_CATALOG || String((env.NODE_ENV || 'development') === 'development'),
    JWT_JWKS_URL: env.JWT_JWKS_URL,
    JWT_PUBLIC_KEYS: env.JWT_PUBLIC_KEYS,
    JWT_JWKS_CACHE_SECONDS: env.JWT_JWKS_CACHE_SECONDS,
  });
}
