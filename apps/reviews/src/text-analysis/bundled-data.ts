// Loads the committed corpus, hold-out set and model. The corpus and hold-out set are text in
// TypeScript modules under apps/reviews/data (compiled into dist/ with the code); the model is
// data, apps/reviews/data/sentiment-model.json, read from the file at first use. The build copies
// it to the same place under dist/ (nest-cli.json's assets), and the image ships dist/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SENTIMENT_CORPUS } from '../../data/sentiment-corpus.data';
import { SENTIMENT_HOLDOUT } from '../../data/sentiment-holdout.data';
import { parseModelJson } from './sentiment-model-file';
import { LabelledText, SentimentLabel, SentimentModel } from './sentiment-model.types';

const LABEL_BY_MARK: Readonly<Record<string, SentimentLabel>> = { '+': 'positive', '-': 'negative', '0': 'neutral' };

/**
 * Parses the corpus format: one example per line, `+ text` (positive), `- text` (negative) or
 * `0 text` (neutral); blank lines and lines starting with `#` are ignored.
 */
export function parseLabelledLines(source: string): LabelledText[] {
  const examples: LabelledText[] = [];
  source.split('\n').forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const label = LABEL_BY_MARK[trimmed[0]];
    const text = trimmed.slice(1).trim();
    if (!label || trimmed[1] !== ' ' || !text) throw new Error(`corpus line ${i + 1} is not "+|-|0 text": ${trimmed}`);
    examples.push({ text, label });
  });
  return examples;
}

let corpus: LabelledText[] | undefined;
let model: SentimentModel | undefined;

/** The committed training corpus (the team's own writing, MIT). Returns a fresh copy. */
export function loadBundledCorpus(): LabelledText[] {
  corpus ??= parseLabelledLines(SENTIMENT_CORPUS);
  return corpus.map((e) => ({ ...e }));
}

/** Hand-written sentences that are never trained on; used only to measure generalisation. */
export function loadHoldoutSet(): LabelledText[] {
  return parseLabelledLines(SENTIMENT_HOLDOUT);
}

/** Where the bundled model is beside this code: apps/reviews/data, or dist/apps/reviews/data once built. */
export function bundledModelFile(): string {
  return path.join(__dirname, '..', '..', 'data', 'sentiment-model.json');
}

export function loadBundledModel(): SentimentModel {
  if (!model) {
    const file = bundledModelFile();
    if (!existsSync(file)) throw new Error(`the bundled sentiment model ${file} is missing: npm run build copies it from apps/reviews/data`);
    model = parseModelJson(readFileSync(file, 'utf8'));
  }
  return model;
}
