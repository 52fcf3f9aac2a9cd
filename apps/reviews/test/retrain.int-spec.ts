import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { waitFor } from '@galley/testing';
import { SentimentAnalyzer } from '../src/services/sentiment-analyzer.service';
import { reviewsTestEnv, ReviewsTestApp } from './reviews-test-app';

/** `npm run reviews:retrain` stores a model; a service on SENTIMENT_MODEL=stored switches to it at its next check. */
describe('reviews: store-specific sentiment retraining', () => {
  let sut: ReviewsTestApp;
  let firstNewId: number;

  beforeAll(async () => {
    sut = await ReviewsTestApp.start({ SENTIMENT_MODEL: 'stored', SENTIMENT_MODEL_REFRESH_SECONDS: '1' });
    firstNewId = Number((await sut.db.query(`SELECT coalesce(max(id), 0) + 1 AS id FROM reviews.sentiment_models`)).rows[0].id);
  });

  afterAll(async () => {
    // Models trained here must not steer other runs.
    await sut?.db.query(`DELETE FROM reviews.sentiment_models WHERE id >= $1`, [firstNewId]);
    await sut?.close();
  });

  it('learns from the published reviews, stores the model, and the running service picks it up', async () => {
    const productId = sut.product();
    await sut.review(productId, { rating: 5, body: 'Flaky pastry and the best espresso in town.' });
    await sut.review(productId, { rating: 1, body: 'Burnt espresso and stale pastry.' });
    const held = await sut.review(productId, { rating: 1, body: 'Shit espresso.' });
    expect(held.status).toBe('held');
    const published = Number((await sut.db.query(`SELECT count(*)::int AS n FROM reviews.reviews WHERE status = 'published'`)).rows[0].n);

    const root = process.cwd();
    const { DB_USER: _user, DB_PASSWORD: _password, ...env } = reviewsTestEnv();
    const cli = spawnSync(process.execPath, ['-r', path.join(root, 'scripts/register-paths.cjs'), path.join(root, 'dist/apps/reviews/src/cli/retrain-sentiment.js')], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...env },
    });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const match = /^learned from (\d+) published review\(s\) in galley_test \(plus the bundled corpus\); stored sentiment model (\d+) in \d+ ms$/m.exec(cli.stdout);
    expect(match).not.toBeNull();
    const [learned, modelId] = [Number(match![1]), match![2]];
    // Other specs may publish reviews meanwhile; the held one is never learned from.
    expect(learned).toBeGreaterThanOrEqual(2);
    expect(Math.abs(learned - published)).toBeLessThan(50);
    const { rows } = await sut.db.query(`SELECT review_count, model->>'kind' AS kind FROM reviews.sentiment_models WHERE id = $1`, [modelId]);
    expect(rows).toEqual([{ review_count: learned, kind: 'logistic-regression' }]);

    const analyzer = sut.app.get(SentimentAnalyzer);
    await waitFor(async () => analyzer.activeModel.id === modelId, { timeoutMs: 10_000, what: 'the service to load the retrained model' });
    expect(analyzer.activeModel).toEqual({ source: 'stored', id: modelId });
    expect(analyzer.analyze('Flaky pastry, the best espresso, lovely staff.').sentiment.label).toBe('positive');
    expect(analyzer.analyze('Burnt espresso, stale pastry, rude staff.').sentiment.label).toBe('negative');
  });
});
