// Rebuilds every product's rating aggregate from its reviews and fixes the ones that drifted:
//   npm run reviews:recompute            (development database; DB_NAME=galley_test for tests)
// Each fix is announced with review.rating_changed through the outbox (published by the running
// service's relay). Safe beside a live service: each product is recomputed under its row lock.
import 'dotenv/config';
import 'reflect-metadata';
import { cliFailure, readCliArguments } from '@galley/config';
import { RatingLedger } from '../services/rating-ledger';
import { recomputeAllRatings, RecomputeReport } from '../services/rating-recompute';
import { openReviewsCli } from './cli-database';

function describeDrift(drift: RecomputeReport['fixed'][number]['drift']): string {
  return Object.entries(drift)
    .map(([star, delta]) => `${star}★ ${delta > 0 ? '+' : ''}${delta}`)
    .join(', ');
}

const USAGE = `usage: npm run reviews:recompute
  Rebuilds every product's rating aggregate from its reviews, fixes the ones that drifted and
  announces each fix with review.rating_changed. Database from DB_NAME (default galley) and the
  reviews role's settings; DB_NAME=galley_test for the test database.
  -h, --help   this text`;

async function main(): Promise<void> {
  if (!readCliArguments(process.argv.slice(2), { usage: USAGE, options: {} })) return;
  const cli = await openReviewsCli(process.env);
  try {
    const report = await recomputeAllRatings(cli.store, new RatingLedger(cli.outbox));
    console.log(`checked ${report.checked} product(s) in ${cli.config.DB_NAME}; fixed ${report.fixed.length} drifted aggregate(s)`);
    for (const fixed of report.fixed) {
      console.log(`${fixed.productId}  drift: ${describeDrift(fixed.drift)}  now: average ${fixed.summary.average}, count ${fixed.summary.count}`);
    }
  } finally {
    await cli.close();
  }
}

main().catch((error: unknown) => {
  const failure = cliFailure('reviews:recompute', error);
  console.error(failure.message);
  process.exit(failure.code);
});
