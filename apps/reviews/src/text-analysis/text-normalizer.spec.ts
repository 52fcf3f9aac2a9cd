import { splitSentences, stem, tokenize } from './text-normalizer';

describe(tokenize.name, () => {
  const words = (text: string): string[] => tokenize(text).map((t) => t.text);

  it.each<[string, string[]]>([
    ["wasn't", ['was', 'not']],
    ['wasnt', ['was', 'not']],
    ['won’t', ['will', 'not']],
    ["can't", ['can', 'not']],
    ["the pizza's crust", ['the', 'pizza', 'crust']],
    ['well-made', ['well', 'made']],
    ['SOOOO GOOOOD', ['soo', 'good']],
    ['5 stars :)', ['5', 'stars', ':)']],
    ['bad 👎', ['bad', ':(']],
  ])('tokenizes %p', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('does not read "note:please" as an emoticon', () => {
    expect(words('note:please')).toEqual(['note', ':', 'please']);
  });
});

describe(splitSentences.name, () => {
  it('splits at sentence punctuation and line breaks, not at commas', () => {
    const sentences = splitSentences(tokenize('Cold, late. Never again!\nRefunded'));
    expect(sentences.map((s) => s.map((t) => t.text).join(' '))).toEqual(['cold , late', 'never again', 'refunded']);
  });
});

describe(stem.name, () => {
  it.each<[string, string]>([
    ['arrived', 'arriv'],
    ['arrive', 'arriv'],
    ['leaks', 'leak'],
    ['leaking', 'leak'],
    ['stopped', 'stop'],
    ['shipping', 'ship'],
    ['crispiest', 'crispy'],
    ['freshest', 'fresh'],
    ['honest', 'honest'],
    ['evening', 'evening'],
    ['glass', 'glass'],
    ['delicious', 'delicious'],
  ])('stems %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});
