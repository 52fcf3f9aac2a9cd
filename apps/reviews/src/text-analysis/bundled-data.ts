// Loads the committed corpus, hold-out set and model. They are TypeScript modules under
// apps/reviews/data so that tsc compiles them into dist/ (the runtime image ships only dist/,
// and tsc copies no .json/.tsv files); no file-system look-up is needed at run time.
import { SENTIMENT_CORPUS } from '../../data/sentiment-corpus.data';
import { SENTIMENT_HOLDOUT } from '../../data/sentiment-holdout.data';
import { BUNDLED_SENTIMENT_MODEL_JSON } from '../../data/sentiment-model.data';
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

export function loadBundledModel(): SentimentModel {
  model ??= parseModelJson(BUNDLED_SENTIMENT_MODEL_JSON);
  return model;
}
