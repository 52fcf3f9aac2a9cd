import { parseModelJson, renderModelModule } from './sentiment-model-file';
import { SentimentModel } from './sentiment-model.types';

describe(renderModelModule.name, () => {
  it('renders a module whose JSON parses back into the same model, escaping template characters', () => {
    const model: SentimentModel = {
      version: 1,
      kind: 'logistic-regression',
      trainedAt: '2026-01-01T00:00:00.000Z',
      classes: ['positive', 'negative', 'neutral'],
      examples: { positive: 1, negative: 1, neutral: 0, total: 2 },
      bias: [0.1, -0.1, 0],
      features: ['good', 'odd`tick', 'dollar${x}', 'back\\slash'],
      weights: [[1, -1, 0], [0.5, 0, 0], [0, 0.25, 0], [0, 0, 1]],
    };
    const source = renderModelModule(model);
    const json = /= `([\s\S]*)`;/.exec(source)?.[1] ?? '';
    // Evaluate the template literal the way tsc would, then parse it.
    const evaluated = new Function(`return \`${json}\`;`)() as string;
    expect(parseModelJson(evaluated)).toEqual(model);
  });
});
