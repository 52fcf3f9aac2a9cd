// `npm run reviews:train`: retrains the bundled sentiment model from the committed corpus and
// rewrites apps/reviews/data/sentiment-model.data.ts. Deterministic: the same corpus gives the
// same file. The previous trainedAt is kept when the weights did not change, so re-running it
// leaves the checkout clean; pass --trained-at=<ISO time> to stamp a new model explicitly.
//   --check   do not write; exit 1 if the committed model is stale
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadBundledCorpus, loadBundledModel, loadHoldoutSet } from '../bundled-data';
import { crossValidate, evaluate } from '../cross-validation';
import { SentimentClassifier } from '../sentiment-classifier';
import { MODEL_MODULE_PATH, renderModelModule } from '../sentiment-model-file';
import { trainSentimentModel } from '../sentiment-trainer';

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
  const check = argv.includes('--check');
  const stamp = argv.find((a) => a.startsWith('--trained-at='))?.slice('--trained-at='.length);
  if (stamp !== undefined && Number.isNaN(Date.parse(stamp))) {
    console.error(`--trained-at must be an ISO date-time, got "${stamp}"`);
    return 2;
  }
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

  const file = path.join(repositoryRoot(__dirname), MODEL_MODULE_PATH);
  if (check) {
    const current = readFileSync(file, 'utf8');
    const stale = !unchanged || current !== renderModelModule({ ...model, trainedAt: previous.trainedAt });
    console.log(stale ? `${MODEL_MODULE_PATH} is stale: run npm run reviews:train` : `${MODEL_MODULE_PATH} is up to date`);
    return stale ? 1 : 0;
  }
  writeFileSync(file, renderModelModule(model));
  console.log(unchanged ? `${MODEL_MODULE_PATH} unchanged` : `wrote ${MODEL_MODULE_PATH} (trainedAt ${model.trainedAt})`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
