import { ConfigValidationError, loadServiceConfig, ServiceConfig } from '@galley/config';
import { createHttpApp, listenUntilSignalled, serveEvents } from '@galley/platform';
import { loadReviewsConfig, ReviewsConfig } from './config/reviews-config';
import { ReviewsModule } from './reviews.module';

/** Both config classes are validated before anything starts; every bad key is named, then exit 78. */
function configOrExit(env: NodeJS.ProcessEnv): { service: ServiceConfig; reviews: ReviewsConfig } {
  const problems: string[] = [];
  let service: ServiceConfig | undefined;
  let reviews: ReviewsConfig | undefined;
  try {
    service = loadServiceConfig('reviews', env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    problems.push(...error.problems);
  }
  try {
    reviews = loadReviewsConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    problems.push(...error.problems);
  }
  if (!service || !reviews) {
    console.error(`galley-reviews: ${new ConfigValidationError(problems).message}`);
    process.exit(78); // EX_CONFIG
  }
  return { service, reviews };
}

// Not runService: the analyse endpoint takes up to 100 texts of 5,000 characters, more than the
// platform's default 256 kB body limit; 1 MB matches the gateway's MAX_BODY_BYTES default.
async function main(): Promise<void> {
  const config = configOrExit(process.env);
  const app = await createHttpApp(ReviewsModule.forRoot(config.service, config.reviews), {
    app: 'reviews',
    description: 'Reviews, verified purchases, ratings, moderation and review text analysis.',
    bodyLimit: '1mb',
  });
  await serveEvents(app);
  listenUntilSignalled(app, 'reviews', config.service, {});
  await app.listen(config.service.PORT, config.service.HOST);
}

void main();
