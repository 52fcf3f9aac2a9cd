import { loadBundledCorpus, loadBundledModel, loadHoldoutSet } from './bundled-data';
import { crossValidate, evaluate } from './cross-validation';
import { SentimentClassifier } from './sentiment-classifier';

// Thresholds. The goal is >= 90 % on positive/negative review sentences, where the npm
// lexicon analysers manage 57-61 %. Cross-validation is the pessimistic estimate: the corpus
// deliberately over-represents hard cases (sarcasm, complaints without sentiment words, contrast),
// and each held-out fold loses the vocabulary only it contains. Measured: 90.6 % (10-fold,
// seed 7). The threshold is the goal itself, so a corpus or feature change that drops below the
// goal fails here. Training is deterministic, so the number does not fluctuate between runs.
const CROSS_VALIDATION_MIN_POLAR_ACCURACY = 0.9;
// The hold-out set is realistic short reviews never trained on. Measured: 95.4 % polar, 91.4 %
// overall; a few points of slack for the small sample (131 polar sentences: one error = 0.8 %).
const HOLDOUT_MIN_POLAR_ACCURACY = 0.9;
const HOLDOUT_MIN_ACCURACY = 0.85;
// A clear positive or negative sentence must rarely come out "neutral".
const MAX_POLAR_AS_NEUTRAL_SHARE = 0.02;

describe(crossValidate.name, () => {
  it('reaches the goal in stratified 10-fold cross-validation over the corpus', () => {
    const corpus = loadBundledCorpus();
    const result = crossValidate(corpus, 10, 7);
    expect(result.polarTotal).toBeGreaterThanOrEqual(1200);
    expect(result.polarAccuracy).toBeGreaterThanOrEqual(CROSS_VALIDATION_MIN_POLAR_ACCURACY);
    expect(result.polarAsNeutral / result.polarTotal).toBeLessThanOrEqual(MAX_POLAR_AS_NEUTRAL_SHARE);
  });
});

describe('hold-out set', () => {
  it('generalises to the hold-out set that it was never trained on', () => {
    const holdout = loadHoldoutSet();
    const result = evaluate(new SentimentClassifier(loadBundledModel()), holdout);
    expect(result.total).toBeGreaterThanOrEqual(150);
    expect(result.polarAccuracy).toBeGreaterThanOrEqual(HOLDOUT_MIN_POLAR_ACCURACY);
    expect(result.accuracy).toBeGreaterThanOrEqual(HOLDOUT_MIN_ACCURACY);
  });

  it('keeps the hold-out set out of the corpus', () => {
    const normalize = (t: string): string =>
      t
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    const corpus = new Set(loadBundledCorpus().map((e) => normalize(e.text)));
    const leaked = loadHoldoutSet().filter((e) => corpus.has(normalize(e.text)));
    expect(leaked).toEqual([]);
  });
});
