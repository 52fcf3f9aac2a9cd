import { DEFAULT_TYPO_SETTINGS, editDistance, foldText, nameHighlights, planQueries, planSearch, prefixDistance, queryWords, typoBudget, VocabularyFacts } from './search-text';

const facts = (known: string[], neighbours: Record<string, string[]> = {}, longer = false): VocabularyFacts => ({
  known: new Set(known),
  lastHasLongerWords: longer,
  stems: new Map(),
  neighbours: new Map(Object.entries(neighbours).map(([word, list]) => [word, list.map((w) => ({ word: w, inNames: 1, products: 1 }))])),
  synonyms: [],
});

describe(editDistance.name, () => {
  it.each([
    ['saffron', 'saffron', 0],
    ['safron', 'saffron', 1],
    ['sfafron', 'saffron', 1], // transposition
    ['risoto', 'risotto', 1],
    ['margehrita', 'margherita', 1],
    ['pizza', 'pasta', 2],
    ['abc', 'abcdef', 2], // beyond max 1: max + 1
  ])('%s → %s is %i (max 1 caps at 2)', (a, b, expected) => {
    expect(editDistance(a, b, 1)).toBe(Math.min(expected, 2));
  });
  it('reads a typo in a prefix against the word’s beginnings', () => {
    expect(prefixDistance('mrag', 'margherita', 1)).toBe(1);
    expect(prefixDistance('xyz', 'margherita', 1)).toBe(2);
  });
});

describe(typoBudget.name, () => {
  it.each([
    ['tofu', 0],
    ['pizza', 1],
    ['margherit', 2],
  ])('%s may carry %i typos', (word, budget) => {
    expect(typoBudget(word, DEFAULT_TYPO_SETTINGS)).toBe(budget);
  });
});

describe(queryWords.name, () => {
  it('folds accents and case and drops tsquery operators', () => {
    expect(queryWords("Crème  BRÛLÉE & 'x':*")).toEqual({ words: ['creme', 'brulee', 'x'], lastIsPrefix: false });
    expect(queryWords('fried ri')).toEqual({ words: ['fried', 'ri'], lastIsPrefix: true });
    expect(foldText('Straße Øl')).toBe('strasse ol');
  });
});

describe(planSearch.name, () => {
  it('corrects an unknown word to the nearest catalog word within its budget', () => {
    const plan = planSearch(queryWords('safron risoto '), facts(['saffron', 'risotto'], { safron: ['saffron', 'salmon'], risoto: ['risotto'] }), DEFAULT_TYPO_SETTINGS)!;
    expect(plan.correctedQuery).toBe('saffron risotto');
    expect(plan.groups[0]).toContainEqual({ lexemes: ['saffron'], kind: 'typo' });
    expect(plan.groups[0]).not.toContainEqual({ lexemes: ['salmon'], kind: 'typo' });
  });
  it('splits a joined word into two catalog words, and joins two words into one', () => {
    expect(planSearch(queryWords('friedrice '), facts(['fried', 'rice']), DEFAULT_TYPO_SETTINGS)!.groups[0]).toContainEqual({ lexemes: ['fried', 'rice'], kind: 'exact' });
    const joined = planSearch(queryWords('ice cream '), facts(['ice', 'cream', 'icecream']), DEFAULT_TYPO_SETTINGS)!;
    expect(joined.groups.every((group) => group.some((a) => a.lexemes[0] === 'icecream'))).toBe(true);
    expect(joined.correctedQuery).toBeNull();
  });
  it('keeps the typo corrections of a word that also splits into two catalog words', () => {
    const plan = planSearch(queryWords('tomto sauce '), facts(['tom', 'to', 'sauce'], { tomto: ['tomato', 'to'] }), DEFAULT_TYPO_SETTINGS)!;
    expect(plan.groups[0]).toContainEqual({ lexemes: ['tom', 'to'], kind: 'exact' });
    expect(plan.groups[0]).toContainEqual({ lexemes: ['tomato'], kind: 'typo' });
  });
  it('matches the last word as a prefix, names and tags only, without typos when catalog words continue it', () => {
    const plan = planSearch(queryWords('marg'), facts([], { marg: ['mars'] }, true), DEFAULT_TYPO_SETTINGS)!;
    expect(planQueries(plan).match).toBe("('marg' | 'marg':*AB)");
  });
  it('adds the other terms of a synonym set', () => {
    const plan = planSearch(queryWords('soda '), { ...facts(['soda']), synonyms: [['soda', 'soft drink']] }, DEFAULT_TYPO_SETTINGS)!;
    expect(plan.groups[0]).toContainEqual({ lexemes: ['soft', 'drink'], kind: 'exact' });
  });
});

describe(nameHighlights.name, () => {
  it('marks whole matched words and the typed part of a prefix', () => {
    const plan = planSearch(queryWords('pizza marg'), facts(['pizza'], {}, true), DEFAULT_TYPO_SETTINGS)!;
    expect(nameHighlights('Pizza Margherita', plan)).toEqual([
      { start: 0, end: 5 },
      { start: 6, end: 10 },
    ]);
  });
});
