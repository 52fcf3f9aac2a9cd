import { IsIn, IsInt, Max, Min } from 'class-validator';
import { loadConfig, VerifierConfig } from '@galley/config';

export const SENTIMENT_MODEL_SOURCES = ['stored', 'bundled'] as const;
export type SentimentModelSource = (typeof SENTIMENT_MODEL_SOURCES)[number];

/** The reviews service's own settings, read from the same environment as its ServiceConfig. */
export class ReviewsConfig extends VerifierConfig {
  /**
   * Which sentiment model analyses reviews: `stored` uses the newest model `npm run
   * reviews:retrain` saved (the bundled one until there is any); `bundled` ignores stored models
   * (a quick way back from a bad retrain, and what tests that expect fixed labels use).
   */
  @IsIn(SENTIMENT_MODEL_SOURCES)
  SENTIMENT_MODEL: SentimentModelSource = 'stored';

  /** How often the service looks for a newer stored model. */
  @IsInt()
  @Min(1)
  @Max(86_400)
  SENTIMENT_MODEL_REFRESH_SECONDS: number = 60;
}

export function loadReviewsConfig(env: NodeJS.ProcessEnv): ReviewsConfig {
  return loadConfig(ReviewsConfig, {
    SENTIMENT_MODEL: env.SENTIMENT_MODEL,
    SENTIMENT_MODEL_REFRESH_SECONDS: env.SENTIMENT_MODEL_REFRESH_SECONDS,
    JWT_JWKS_URL: env.JWT_JWKS_URL,
    JWT_PUBLIC_KEYS: env.JWT_PUBLIC_KEYS,
    JWT_JWKS_CACHE_SECONDS: env.JWT_JWKS_CACHE_SECONDS,
  });
}
