// Deterministic trainer: multinomial logistic regression with L2, full-batch gradient descent
// (Adam) over a fixed example order. No randomness and no dependence on Map iteration beyond
// insertion order, so the same corpus always yields the same JSON model.
import { loadBundledCorpus } from './bundled-data';
import { extractFeatures, FeatureVector } from './sentiment-features';
import { LabelledText, SENTIMENT_CLASSES, SentimentModel } from './sentiment-model.types';

export const SENTIMENT_MODEL_VERSION = 1;

export interface TrainingOptions {
  /** Stored in the model; passed in rather than read from the clock so training is reproducible. */
  trainedAt?: string;
  epochs?: number;
  l2?: number;
  /** Feature extractor; cross-validation passes a memoised one so each text is read once. */
  featuresOf?: (text: string) => FeatureVector;
}

// Chosen by 10-fold cross-validation on the corpus: few full-batch steps with light L2 act as
// early stopping and generalise better than training to convergence (by about one point).
const DEFAULT_EPOCHS = 60;
const DEFAULT_L2 = 1e-4;
const LEARNING_RATE = 0.05;
/** Weights smaller than this are dropped from the stored model; they change no prediction. */
const PRUNE_BELOW = 1e-3;
const EPOCH_TRAINED_AT = '1970-01-01T00:00:00.000Z';

// Bound once: under jest the code runs in a vm context where every global look-up (Math.exp in
// the inner loop) is several times slower.
const { exp, sqrt } = Math;

interface SparseExample {
  indices: Int32Array;
  values: Float64Array;
  target: number;
  weight: number;
}

/** A training example with a weight: store reviews count more than one corpus sentence. */
interface WeightedExample extends LabelledText {
  weight: number;
}

// The store's own rated reviews are the best evidence about its vocabulary (product names,
// house dishes), but a handful of them would be drowned out by the bundled corpus.
const STORE_REVIEW_WEIGHT = 3;

export function trainSentimentModel(examples: readonly LabelledText[], options: TrainingOptions = {}): SentimentModel {
  return trainWeighted(
    examples.map((e) => ({ ...e, weight: 1 })),
    options,
  );
}

function trainWeighted(examples: readonly WeightedExample[], options: TrainingOptions): SentimentModel {
  const epochs = options.epochs ?? DEFAULT_EPOCHS;
  const l2 = options.l2 ?? DEFAULT_L2;
  const featuresOf = options.featuresOf ?? extractFeatures;
  const classes = SENTIMENT_CLASSES.length;
  const featureIndex = new Map<string, number>();
  const sparse: SparseExample[] = [];
  const counts = { positive: 0, negative: 0, neutral: 0 };
  for (const example of examples) {
    const features = featuresOf(example.text);
    const indices: number[] = [];
    const values: number[] = [];
    for (const [name, value] of features) {
      let index = featureIndex.get(name);
      if (index === undefined) {
        index = featureIndex.size;
        featureIndex.set(name, index);
      }
      indices.push(index);
      values.push(value);
    }
    counts[example.label]++;
    sparse.push({ indices: Int32Array.from(indices), values: Float64Array.from(values), target: SENTIMENT_CLASSES.indexOf(example.label), weight: example.weight });
  }

  const dims = featureIndex.size * classes;
  const weights = new Float64Array(dims);
  const bias = new Float64Array(classes);
  const grad = new Float64Array(dims);
  const gradBias = new Float64Array(classes);
  const m = new Float64Array(dims + classes);
  const v = new Float64Array(dims + classes);
  const n = Math.max(
    1,
    sparse.reduce((sum, ex) => sum + ex.weight, 0),
  );
  const beta1 = 0.9;
  const beta2 = 0.999;
  const logits = new Float64Array(classes);
  const errors = new Float64Array(classes);

  for (let epoch = 1; epoch <= epochs; epoch++) {
    grad.fill(0);
    gradBias.fill(0);
    for (const ex of sparse) {
      for (let c = 0; c < classes; c++) logits[c] = bias[c];
      for (let k = 0; k < ex.indices.length; k++) {
        const base = ex.indices[k] * classes;
        for (let c = 0; c < classes; c++) logits[c] += weights[base + c] * ex.values[k];
      }
      let max = -Infinity;
      for (let c = 0; c < classes; c++) if (logits[c] > max) max = logits[c];
      let sum = 0;
      for (let c = 0; c < classes; c++) {
        logits[c] = exp(logits[c] - max);
        sum += logits[c];
      }
      for (let c = 0; c < classes; c++) {
        errors[c] = ((logits[c] / sum - (c === ex.target ? 1 : 0)) * ex.weight) / n;
        gradBias[c] += errors[c];
      }
      for (let k = 0; k < ex.indices.length; k++) {
        const base = ex.indices[k] * classes;
        const value = ex.values[k];
        for (let c = 0; c < classes; c++) grad[base + c] += errors[c] * value;
      }
    }
    const correction1 = 1 - beta1 ** epoch;
    const correction2 = 1 - beta2 ** epoch;
    const rate = LEARNING_RATE / correction1;
    for (let i = 0; i < dims; i++) {
      const g = grad[i] + l2 * weights[i];
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      weights[i] -= (rate * m[i]) / (sqrt(v[i] / correction2) + 1e-8);
    }
    for (let c = 0; c < classes; c++) {
      const i = dims + c;
      m[i] = beta1 * m[i] + (1 - beta1) * gradBias[c];
      v[i] = beta2 * v[i] + (1 - beta2) * gradBias[c] * gradBias[c];
      bias[c] -= (rate * m[i]) / (sqrt(v[i] / correction2) + 1e-8);
    }
  }

  const stored: { feature: string; w: number[] }[] = [];
  for (const [feature, index] of featureIndex) {
    const w = Array.from(weights.subarray(index * classes, index * classes + classes), roundWeight);
    if (w.some((x) => Math.abs(x) >= PRUNE_BELOW)) stored.push({ feature, w });
  }
  // Sorted so that the committed file diffs cleanly and does not depend on corpus order.
  stored.sort((a, b) => (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0));
  return {
    version: SENTIMENT_MODEL_VERSION,
    kind: 'logistic-regression',
    trainedAt: options.trainedAt ?? EPOCH_TRAINED_AT,
    classes: [...SENTIMENT_CLASSES],
    examples: { ...counts, total: sparse.length },
    bias: Array.from(bias, roundWeight),
    features: stored.map((s) => s.feature),
    weights: stored.map((s) => s.w),
  };
}

function roundWeight(x: number): number {
  const r = Math.round(x * 1e4) / 1e4;
  return Object.is(r, -0) ? 0 : r;
}

/** 4–5★ reviews are positive examples, 1–2★ negative; 3★ is ambiguous and skipped. */
export function storeReviewsToExamples(reviews: readonly { rating: number; text: string }[]): LabelledText[] {
  const examples: LabelledText[] = [];
  for (const review of reviews) {
    const text = review.text?.trim();
    if (!text || !Number.isFinite(review.rating)) continue;
    if (review.rating >= 4) examples.push({ text, label: 'positive' });
    else if (review.rating <= 2) examples.push({ text, label: 'negative' });
  }
  return examples;
}

/** Retrains on the bundled corpus plus the store's own rated reviews. */
export function trainWithStoreReviews(reviews: readonly { rating: number; text: string }[], options: { trainedAt?: string } = {}): SentimentModel {
  const corpus = loadBundledCorpus().map((e) => ({ ...e, weight: 1 }));
  const store = storeReviewsToExamples(reviews).map((e) => ({ ...e, weight: STORE_REVIEW_WEIGHT }));
  return trainWeighted([...corpus, ...store], options);
}
