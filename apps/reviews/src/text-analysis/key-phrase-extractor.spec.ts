import { extractKeyPhrases, MAX_KEY_PHRASES } from './key-phrase-extractor';

describe(extractKeyPhrases.name, () => {
  it.each<[string, string[]]>([
    ['The pizza arrived cold.', ['pizza arrived cold']],
    ['Half the order was missing', ['half the order missing']],
    ['Great crust and lots of cheese.', ['great crust']],
    ['The battery life is excellent.', ['battery life excellent']],
    ['Had to send it back, smaller than pictured.', ['send back', 'smaller than pictured']],
    ['It took 2 hours to arrive', ['took 2 hours']],
    ['The order never arrived', ['never arrived']],
    ['Not worth the money', ['not worth the money']],
    ['The pizza was really really good', ['pizza good']],
    ['The soup was way too salty', ['soup too salty']],
    ['I ordered the large size', ['large size']],
  ])('extracts from "%s"', (text, phrases) => {
    expect(extractKeyPhrases(text)).toEqual(phrases);
  });

  it('lower-cases, deduplicates and keeps phrases in text order', () => {
    expect(extractKeyPhrases('GREAT CRUST! Great crust. The sauce was bland.')).toEqual(['great crust', 'sauce bland']);
  });

  it('drops a phrase contained in a longer kept one', () => {
    expect(extractKeyPhrases('Soggy. The fries were soggy.')).toEqual(['fries soggy']);
  });

  it(`returns at most ${MAX_KEY_PHRASES} phrases, preferring the opinionated ones`, () => {
    const text = 'The pizza was cold. The fries were soggy. The drinks were missing. The driver was rude. The box was crushed. The sauce was bland. The napkins were blue.';
    const phrases = extractKeyPhrases(text);
    expect(phrases).toHaveLength(MAX_KEY_PHRASES);
    expect(phrases).not.toContain('napkins blue');
    expect(phrases[0]).toBe('pizza cold');
  });

  it('handles text without words', () => {
    expect(extractKeyPhrases('!!! ... 123')).toEqual([]);
  });
});
