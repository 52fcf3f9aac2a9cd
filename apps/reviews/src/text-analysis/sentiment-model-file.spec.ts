import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MODEL_FILE_PATH, parseModelJson, renderModelJson } from './sentiment-model-file';
import { SentimentModel } from './sentiment-model.types';

describe(renderModelJson.name, () => {
  const model: SentimentModel = {
    version: 1,
    kind: 'logistic-regression',
    trainedAt: '2026-01-01T00:00:00.000Z',
    classes: ['positive', 'negative', 'neutral'],
    examples: { positive: 1, negative: 1, neutral: 0, total: 2 },
    bias: [0.1, -0.1, 0],
    features: ['good', 'odd`tick', 'dollar${x}', 'back\\slash', 'quote"d'],
    weights: [
      [1, -1, 0],
      [0.5, 0, 0],
      [0, 0.25, 0],
      [0, 0, 1],
      [0, 0, 0],
    ],
  };

  it('renders JSON that parses back into the same model, whatever the features contain', () => {
    expect(parseModelJson(renderModelJson(model))).toEqual(model);
  });

  it('puts one feature per line, so that a retrained model gives a readable diff', () => {
    const lines = renderModelJson(model).trimEnd().split('\n');
    expect(lines).toHaveLength(model.features.length + 2);
    expect(lines[1]).toBe('["good",[1,-1,0]],');
  });

  it('is the format of the committed file', () => {
    const committed = readFileSync(path.join(__dirname, '../../../..', MODEL_FILE_PATH), 'utf8');
    expect(renderModelJson(parseModelJson(committed))).toBe(committed);
  });
});
