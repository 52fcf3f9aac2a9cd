// The bundled sentiment model is data: apps/reviews/data/sentiment-model.json, written by
// `npm run reviews:train` and read at run time (the build copies it into dist/, see nest-cli.json's
// assets). One feature per line, so that retraining gives a readable diff.
import { SentimentModel } from './sentiment-model.types';

/** The committed model, relative to the repository root. */
export const MODEL_FILE_PATH = 'apps/reviews/data/sentiment-model.json';

/** The file's text for a model: its metadata, then one `[feature, weights]` row per line. */
export function renderModelJson(model: SentimentModel): string {
  const { features, weights, ...meta } = model;
  const head = JSON.stringify(meta).slice(0, -1);
  const rows = features.map((f, i) => `[${JSON.stringify(f)},${JSON.stringify(weights[i])}]`);
  // Stored as [feature, weights] rows; parseModelJson() splits them back into two arrays.
  return `${head},"rows":[\n${rows.join(',\n')}\n]}\n`;
}

type StoredModel = Omit<SentimentModel, 'features' | 'weights'> & { rows?: [string, number[]][]; features?: string[]; weights?: number[][] };

export function parseModelJson(json: string): SentimentModel {
  const stored = JSON.parse(json) as StoredModel;
  const { rows, ...rest } = stored;
  if (!rows) return { ...rest, features: stored.features ?? [], weights: stored.weights ?? [] };
  return { ...rest, features: rows.map((r) => r[0]), weights: rows.map((r) => r[1]) };
}
