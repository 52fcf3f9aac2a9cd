import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';
import { loadConfig, VerifierConfig } from '@galley/config';

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

  /** Where the local-disk image storage keeps renditions (relative to the working directory). */
  @IsString()
  @IsNotEmpty()
  IMAGE_STORAGE_DIR: string = '.cache/images';

  /**
   * Load the demo restaurant menu when the catalog is empty at start-up. Defaults to true in
   * development and false otherwise (see loadInventoryConfig).
   */
  // Implicit conversion would turn the string "false" into true, so the raw text is read.
  @Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => booleanText(obj[key]))
  @IsBoolean({ message: 'DEMO_CATALOG must be true or false' })
  DEMO_CATALOG: boolean = false;

  /** Search: query words of at least this many letters may carry one typo (README "Search"). */
  @IsInt()
  @Min(1)
  @Max(100)
  SEARCH_ONE_TYPO_FROM: number = 5;

  /** Search: query words of at least this many letters may carry two typos. */
  @IsInt()
  @Min(1)
  @Max(100)
  SEARCH_TWO_TYPOS_FROM: number = 9;
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
    IMAGE_STORAGE_DIR: env.IMAGE_STORAGE_DIR,
    SEARCH_ONE_TYPO_FROM: env.SEARCH_ONE_TYPO_FROM,
    SEARCH_TWO_TYPOS_FROM: env.SEARCH_TWO_TYPOS_FROM,
    DEMO_CATALOG: env.DEMO_CATALOG || String((env.NODE_ENV || 'development') === 'development'),
    JWT_JWKS_URL: env.JWT_JWKS_URL,
    JWT_PUBLIC_KEYS: env.JWT_PUBLIC_KEYS,
    JWT_JWKS_CACHE_SECONDS: env.JWT_JWKS_CACHE_SECONDS,
  });
}
