// Retrains the sentiment model on this store's published reviews and stores it:
//   npm run reviews:retrain              (development database; DB_NAME=galley_test for tests)
// Running services (SENTIMENT_MODEL=stored, the default) switch to it within
// SENTIMENT_MODEL_REFRESH_SECONDS; new and edited reviews are analysed with it from then on.
import 'dotenv/config';
import 'reflect-metadata';
import { retrainSentimentModel } from '../services/sentiment-retraining';
import { openReviewsCli } from './cli-database';

async function main(): Promise<void> {
  const cli = await openReviewsCli(process.env);
  try {
    const started = Date.now();
    const report = await retrainSentimentModel(cli.store);
    console.log(
      `learned from ${report.reviewCount} published review(s) in ${cli.config.DB_NAME} (plus the bundled corpus); ` +
        `stored sentiment model ${report.modelId} in ${Date.now() - started} ms`,
    );
  } finally {
    await cli.close();
  }
}

main().catch((error: unknown) => {
  console.error(`reviews:retrain: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
