// Applies a trained SentimentModel to a text. Weights are indexed once per model so that a
// prediction is a handful of map look-ups (the analyser runs inside the review write path).
import { extractFeatures, FeatureVector } from './sentiment-features';
import { SentimentLabel, SentimentModel } from './sentiment-model.types';

export interface SentimentPrediction {
  label: SentimentLabel;
  /** In [-1, 1]: P(positive) - P(negative); sign is the polarity, magnitude the confidence. */
  score: number;
  probabilities: { positive: number; negative: number; neutral: number };
}

/**
 * Neutral is only chosen when the model is fairly sure the text carries no opinion: a clear
 * positive or negative sentence must never be swallowed by "neutral".
 */
const NEUTRAL_MIN_PROBABILITY = 0.65;

const NO_OPINION: SentimentPrediction = { label: 'neutral', score: 0, probabilities: { positive: 0, negative: 0, neutral: 1 } };

export class SentimentClassifier {
  private readonly index: Map<string, number[]>;

  constructor(readonly model: SentimentModel) {
    this.index = new Map();
    model.features.forEach((feature, i) => this.index.set(feature, model.weights[i]));
  }

  logits(features: FeatureVector): number[] {
    const logits = [...this.model.bias];
    for (const [name, value] of features) {
      const w = this.index.get(name);
      if (!w) continue;
      for (let c = 0; c < logits.length; c++) logits[c] += w[c] * value;
    }
    return logits;
  }

  predict(text: string): SentimentPrediction {
    const features = extractFeatures(text);
    // Text without a letter or an emoticon ("12345", "!!!") carries no opinion.
    if (!/\p{L}/u.test(text) && !features.has('EMO:pos') && !features.has('EMO:neg')) return NO_OPINION;
    let known = 0;
    for (const name of features.keys()) if (this.index.has(name) && !name.endsWith('_</s>') && !name.startsWith('<s>_')) known++;
    if (known === 0) return NO_OPINION;
    const p = softmax(this.logits(features));
    const probabilities = { positive: p[0], negative: p[1], neutral: p[2] };
    const score = round(probabilities.positive - probabilities.negative);
    let label: SentimentLabel;
    if (probabilities.neutral >= NEUTRAL_MIN_PROBABILITY && probabilities.neutral >= Math.max(p[0], p[1])) label = 'neutral';
    else label = probabilities.positive >= probabilities.negative ? 'positive' : 'negative';
    return { label, score, probabilities };
  }
}

export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

function round(value: number): number {
  const r = Math.round(value * 1000) / 1000;
  return Object.is(r, -0) ? 0 : r;
}
