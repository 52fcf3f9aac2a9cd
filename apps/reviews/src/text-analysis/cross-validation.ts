// Stratified k-fold cross-validation with a fixed seed, shared by the training CLI and the specs.
import { extractFeatures, FeatureVector } from './sentiment-features';
import { SentimentClassifier } from './sentiment-classifier';
import { LabelledText, SentimentLabel } from './sentiment-model.types';
import { trainSentimentModel, TrainingOptions } from './sentiment-trainer';

export interface EvaluationResult {
  /** Share of positive/negative examples given exactly their label (neutral counts as wrong). */
  polarAccuracy: number;
  polarTotal: number;
  /** Share of all examples, neutral included, given their label. */
  accuracy: number;
  total: number;
  /** How many positive/negative examples came out neutral. */
  polarAsNeutral: number;
  errors: { text: string; expected: SentimentLabel; actual: SentimentLabel; score: number }[];
}

/** mulberry32: tiny seeded PRNG, so folds are the same on every run and machine. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function evaluate(classifier: SentimentClassifier, examples: readonly LabelledText[]): EvaluationResult {
  let correct = 0;
  let polarCorrect = 0;
  let polarTotal = 0;
  let polarAsNeutral = 0;
  const errors: EvaluationResult['errors'] = [];
  for (const example of examples) {
    const { label, score } = classifier.predict(example.text);
    const polar = example.label !== 'neutral';
    if (polar) polarTotal++;
    if (label === example.label) {
      correct++;
      if (polar) polarCorrect++;
    } else {
      errors.push({ text: example.text, expected: example.label, actual: label, score });
      if (polar && label === 'neutral') polarAsNeutral++;
    }
  }
  return {
    polarAccuracy: polarTotal ? polarCorrect / polarTotal : 0,
    polarTotal,
    accuracy: examples.length ? correct / examples.length : 0,
    total: examples.length,
    polarAsNeutral,
    errors,
  };
}

/** Stratified folds: each label's examples are shuffled with the seed and dealt round-robin. */
export function stratifiedFolds(examples: readonly LabelledText[], k: number, seed: number): LabelledText[][] {
  const random = seededRandom(seed);
  const folds: LabelledText[][] = Array.from({ length: k }, () => []);
  for (const label of ['positive', 'negative', 'neutral'] as const) {
    const group = examples.filter((e) => e.label === label);
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [group[i], group[j]] = [group[j], group[i]];
    }
    group.forEach((e, i) => folds[i % k].push(e));
  }
  return folds;
}

export function crossValidate(examples: readonly LabelledText[], k = 10, seed = 7, options: TrainingOptions = {}): EvaluationResult {
  const folds = stratifiedFolds(examples, k, seed);
  const cache = new Map<string, FeatureVector>();
  const featuresOf = (text: string): FeatureVector => {
    let features = cache.get(text);
    if (!features) cache.set(text, (features = extractFeatures(text)));
    return features;
  };
  const results = folds.map((test, i) => {
    const train = folds.filter((_, j) => j !== i).flat();
    return evaluate(new SentimentClassifier(trainSentimentModel(train, { featuresOf, ...options })), test);
  });
  const sum = (f: (r: EvaluationResult) => number): number => results.reduce((a, r) => a + f(r), 0);
  const polarTotal = sum((r) => r.polarTotal);
  const total = sum((r) => r.total);
  return {
    polarAccuracy: sum((r) => r.polarAccuracy * r.polarTotal) / polarTotal,
    polarTotal,
    accuracy: sum((r) => r.accuracy * r.total) / total,
    total,
    polarAsNeutral: sum((r) => r.polarAsNeutral),
    errors: results.flatMap((r) => r.errors),
  };
}
