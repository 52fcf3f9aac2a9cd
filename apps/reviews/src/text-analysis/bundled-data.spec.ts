import { loadBundledCorpus, loadBundledModel, parseLabelledLines } from './bundled-data';

describe(parseLabelledLines.name, () => {
  it('reads +, - and 0 lines and skips comments and blank lines', () => {
    expect(parseLabelledLines('# section\n+ good\n\n- bad\n0 I ordered it\n')).toEqual([
      { text: 'good', label: 'positive' },
      { text: 'bad', label: 'negative' },
      { text: 'I ordered it', label: 'neutral' },
    ]);
  });

  it.each(['x good', '+good', '+ ', '* meh'])('rejects the malformed line %p with its line number', (line) => {
    expect(() => parseLabelledLines(`+ fine\n${line}`)).toThrow(/corpus line 2/);
  });
});

describe(loadBundledCorpus.name, () => {
  it('holds a large, roughly balanced corpus without duplicates', () => {
    const corpus = loadBundledCorpus();
    const count = (label: string): number => corpus.filter((e) => e.label === label).length;
    expect(corpus.length).toBeGreaterThanOrEqual(1200);
    expect(Math.min(count('positive'), count('negative')) / Math.max(count('positive'), count('negative'))).toBeGreaterThan(0.8);
    expect(count('neutral')).toBeGreaterThanOrEqual(150);
    const texts = corpus.map((e) => e.text.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('returns a copy that callers cannot use to change the corpus', () => {
    loadBundledCorpus()[0].text = 'changed';
    expect(loadBundledCorpus()[0].text).not.toBe('changed');
  });
});

describe(loadBundledModel.name, () => {
  it('loads the committed model quickly', () => {
    const model = loadBundledModel();
    expect(model.version).toBe(1);
    expect(model.examples.total).toBe(loadBundledCorpus().length);
    expect(model.features.length).toBeGreaterThan(1000);
  });
});
