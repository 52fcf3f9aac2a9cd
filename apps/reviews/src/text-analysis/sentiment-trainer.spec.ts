import { loadBundledCorpus, loadBundledModel } from './bundled-data';
import { SentimentClassifier } from './sentiment-classifier';
import { LabelledText } from './sentiment-model.types';
import { storeReviewsToExamples, trainSentimentModel, trainWithStoreReviews } from './sentiment-trainer';

describe(trainSentimentModel.name, () => {
  const sample: LabelledText[] = loadBundledCorpus().filter((_, i) => i % 5 === 0);

  it('is deterministic: training twice on the same examples gives an identical model', () => {
    const first = trainSentimentModel(sample, { trainedAt: '2026-01-01T00:00:00.000Z' });
    const second = trainSentimentModel(sample, { trainedAt: '2026-01-01T00:00:00.000Z' });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('records trainedAt and the example counts per class', () => {
    const sut = trainSentimentModel(
      [
        { text: 'lovely', label: 'positive' },
        { text: 'awful', label: 'negative' },
        { text: 'dreadful', label: 'negative' },
        { text: 'I ordered it', label: 'neutral' },
      ],
      { trainedAt: '2026-02-03T04:05:06.000Z' },
    );
    expect(sut.trainedAt).toBe('2026-02-03T04:05:06.000Z');
    expect(sut.examples).toEqual({ positive: 1, negative: 2, neutral: 1, total: 4 });
    expect(sut.classes).toEqual(['positive', 'negative', 'neutral']);
    expect(sut.features.length).toBe(sut.weights.length);
  });

  it('learns from its examples', () => {
    const examples: LabelledText[] = [];
    for (let i = 0; i < 10; i++) {
      examples.push({ text: `the quibble ${i} was here`, label: 'negative' });
      examples.push({ text: `the frobnic ${i} was here`, label: 'positive' });
    }
    const sut = new SentimentClassifier(trainSentimentModel(examples));
    expect(sut.predict('a quibble').label).toBe('negative');
    expect(sut.predict('a frobnic').label).toBe('positive');
  });
});

describe('bundled model', () => {
  it('equals what `npm run reviews:train` produces from the committed corpus (run it after changing the corpus or the features)', () => {
    const committed = loadBundledModel();
    const retrained = trainSentimentModel(loadBundledCorpus(), { trainedAt: committed.trainedAt });
    expect(retrained.examples).toEqual(committed.examples);
    expect(retrained.bias).toEqual(committed.bias);
    expect(retrained.features).toEqual(committed.features);
    expect(retrained.weights).toEqual(committed.weights);
    expect(retrained).toEqual(committed);
  });
});

describe(storeReviewsToExamples.name, () => {
  it.each([
    [5, 'positive'],
    [4, 'positive'],
    [2, 'negative'],
    [1, 'negative'],
  ] as const)('labels a %i-star review %s', (rating, label) => {
    expect(storeReviewsToExamples([{ rating, text: 'some text' }])).toEqual([{ text: 'some text', label }]);
  });

  it('skips 3-star, blank and unrated reviews', () => {
    expect(
      storeReviewsToExamples([
        { rating: 3, text: 'it is fine' },
        { rating: 5, text: '   ' },
        { rating: Number.NaN, text: 'no rating' },
      ]),
    ).toEqual([]);
  });
});

describe(trainWithStoreReviews.name, () => {
  // "Zestomatic" is a store-specific product name the corpus has never seen.
  const storeReviews = [
    ...['the zestomatic jammed again', 'another zestomatic jammed on day one', 'zestomatic jammed, sent it back', 'my zestomatic jammed twice'].map((text) => ({
      rating: 1,
      text,
    })),
    ...['my zestomatic jammed and the lid split', 'the zestomatic jammed constantly'].map((text) => ({ rating: 2, text })),
    { rating: 3, text: 'zestomatic is okay' },
  ];

  it('adds the store reviews to the bundled corpus, ignoring 3-star ones', () => {
    const sut = trainWithStoreReviews(storeReviews, { trainedAt: '2026-03-01T00:00:00.000Z' });
    const base = loadBundledModel();
    expect(sut.examples.total).toBe(base.examples.total + 6);
    expect(sut.examples.negative).toBe(base.examples.negative + 6);
    expect(sut.trainedAt).toBe('2026-03-01T00:00:00.000Z');
  });

  it('shifts predictions for store-specific vocabulary', () => {
    const before = new SentimentClassifier(loadBundledModel()).predict('Zestomatic');
    const after = new SentimentClassifier(trainWithStoreReviews(storeReviews)).predict('Zestomatic');
    expect(before.label).toBe('neutral');
    expect(after.label).toBe('negative');
    expect(after.score).toBeLessThan(before.score - 0.3);
  });
});
