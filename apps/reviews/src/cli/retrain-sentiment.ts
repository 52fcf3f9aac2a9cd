// Retrains the sentiment model on this store's published reviews and stores it:
//   npm run reviews:retrain              (development database; DB_NAME=galley_test for tests)
// Running services (SENTIMENT_MODEL=stored, the default) switch to it within
// SENTIMENT_MODEL_REFRESH_SECONDS; new and edited reviews are analysed with it from then on.
import 'dotenv/config';
import 'reflect-metadata';
import { cliFailure, readCliArguments } from '@galley/config';
import { retrainSentimentModel } from '../services/sentiment-retraining';
import { openReviewsCli } from './cli-database';

const USAGE = `usage: npm run reviews:retrain
  Retrains the sentiment model on the bundled corpus plus this store's published 4-5 and 1-2 star
  reviews and stores it; running services (SENTIMENT_MODEL=stored) switch to it within
  SENTIMENT_MODEL_REFRESH_SECONDS. Database from DB_NAME (default galley); DB_NAME=galley_test for tests.
  -h, --help   this text`;

async function main(): Promise<void> {
  if (!readCliArguments(process.argv.slice(2), { usage: USAGE, options: {} })) return;
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
  const failure = cliFailure('reviews:retrain', error);
  console.error(failure.message);
  process.exit(failure.code);
});
