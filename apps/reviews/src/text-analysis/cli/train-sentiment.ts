// `npm run reviews:train`: retrains the bundled sentiment model from the committed corpus and
// rewrites apps/reviews/data/sentiment-model.json. Deterministic: the same corpus gives the same
// file. The previous trainedAt is kept when the weights did not change, so re-running it leaves
// the checkout clean. `npm run reviews:train -- --help` lists the flags.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { cliFailure, CliUsageError, readCliArguments } from '@galley/config';
import { loadBundledCorpus, loadBundledModel, loadHoldoutSet } from '../bundled-data';
import { crossValidate, evaluate } from '../cross-validation';
import { SentimentClassifier } from '../sentiment-classifier';
import { MODEL_FILE_PATH, renderModelJson } from '../sentiment-model-file';
import { trainSentimentModel } from '../sentiment-trainer';

const USAGE = `usage: npm run reviews:train [-- --check] [-- --trained-at <ISO time>]
  Retrains the bundled sentiment model from apps/reviews/data/sentiment-corpus.data.ts, prints its
  cross-validated and hold-out accuracy and writes ${MODEL_FILE_PATH} (then npm run build copies it
  into dist/). trainedAt stays as it was when the weights did not change.
  --check                  write nothing; exit 1 when the committed model is stale
  --trained-at <ISO time>  stamp the new model with this time instead of now
  -h, --help               this text`;

function repositoryRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

function main(argv: readonly string[]): number {
  const args = readCliArguments(argv, { usage: USAGE, options: { check: { type: 'boolean', default: false }, 'trained-at': { type: 'string' } } });
  if (!args) return 0;
  const { check, 'trained-at': stamp } = args.values;
  if (stamp !== undefined && Number.isNaN(Date.parse(stamp))) throw new CliUsageError(`--trained-at must be an ISO date-time, got "${stamp}"\n${USAGE}`);
  const corpus = loadBundledCorpus();
  const previous = loadBundledModel();
  const model = trainSentimentModel(corpus, { trainedAt: stamp ?? previous.trainedAt });
  const unchanged = isDeepStrictEqual({ ...model, trainedAt: '' }, { ...previous, trainedAt: '' });
  if (!unchanged && stamp === undefined) model.trainedAt = new Date().toISOString();

  const { positive, negative, neutral, total } = model.examples;
  console.log(`corpus: ${total} examples (${positive} positive, ${negative} negative, ${neutral} neutral); model: ${model.features.length} features`);
  const cv = crossValidate(corpus);
  console.log(`10-fold cross-validation: ${percent(cv.polarAccuracy)} of ${cv.polarTotal} positive/negative, ${percent(cv.accuracy)} of all ${cv.total} (3 classes)`);
  const holdout = evaluate(new SentimentClassifier(model), loadHoldoutSet());
  console.log(`hold-out (never trained on): ${percent(holdout.polarAccuracy)} of ${holdout.polarTotal} positive/negative, ${percent(holdout.accuracy)} of all ${holdout.total}`);

  // The source file (not the copy under dist/ that the running code reads).
  const file = path.join(repositoryRoot(__dirname), MODEL_FILE_PATH);
  if (check) {
    const current = readFileSync(file, 'utf8');
    const stale = !unchanged || current !== renderModelJson({ ...model, trainedAt: previous.trainedAt });
    console.log(stale ? `${MODEL_FILE_PATH} is stale: run npm run reviews:train` : `${MODEL_FILE_PATH} is up to date`);
    return stale ? 1 : 0;
  }
  writeFileSync(file, renderModelJson(model));
  console.log(unchanged ? `${MODEL_FILE_PATH} unchanged` : `wrote ${MODEL_FILE_PATH} (trainedAt ${model.trainedAt})`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error: unknown) {
  const failure = cliFailure('reviews:train', error);
  console.error(failure.message);
  process.exitCode = failure.code;
}
