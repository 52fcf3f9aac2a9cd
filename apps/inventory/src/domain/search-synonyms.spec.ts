import { synonymTermsOf } from './search-synonyms';

describe('synonymTermsOf', () => {
  it('folds case and accents, joins words with one space and drops repeats', () => {
    expect(synonymTermsOf(['Soda', '  Soft   DRINK ', 'soda', 'Limonade Glacée'])).toEqual({ terms: ['soda', 'soft drink', 'limonade glacee'] });
  });

  it('treats punctuation as word breaks, as a query does', () => {
    expect(synonymTermsOf(['7-up', 'lemon/lime'])).toEqual({ terms: ['7 up', 'lemon lime'] });
  });

  it.each([
    ['a single term', ['soda'], /at least 2 different terms/],
    ['terms that fold to one', ['Crème', 'creme', 'CREME'], /at least 2 different terms/],
    ['a term without letters', ['soda', '!!!'], /terms\[1\] has no letter or digit/],
    ['a term of three words', ['soda', 'fizzy soft drink'], /terms\[1\] has 3 words/],
    ['a term too long', ['soda', 'x'.repeat(61)], /terms\[1\] is longer than 60/],
    ['21 terms', Array.from({ length: 21 }, (_, i) => `term${i}`), /at most 20 terms/],
  ])('refuses %s', (_case, input, problem) => {
    const result = synonymTermsOf(input);
    expect('problems' in result && result.problems.join('; ')).toMatch(problem);
  });
});
