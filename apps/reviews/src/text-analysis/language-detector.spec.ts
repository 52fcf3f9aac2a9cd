import { detectLanguage } from './language-detector';

describe(detectLanguage.name, () => {
  it.each<[string, string]>([
    ['Das Essen war kalt', 'de'],
    ['La comida estaba fría y llegó tarde', 'es'],
    ['Le repas était froid et en retard', 'fr'],
    ['The food arrived cold and the driver was rude', 'en'],
    // tinyld alone answers "ga" for this; short texts of common English words are English
    ['great', 'en'],
    ['arrived cold', 'en'],
    ['not bad', 'en'],
    ['ok', 'und'],
    ['', 'und'],
    ['12345 !!!', 'und'],
  ])('detects %p as %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});
