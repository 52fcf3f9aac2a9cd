import { foldText } from './search-text';

/** A set holds 2 to 20 terms (the table's CHECK); a term is a word or two ("soft drink"). */
export const MIN_SYNONYM_TERMS = 2;
export const MAX_SYNONYM_TERMS = 20;
export const MAX_SYNONYM_TERM_WORDS = 2;
export const MAX_SYNONYM_TERM_LENGTH = 60;

/**
 * The stored form of a synonym set as staff typed it: each term folded like the search side
 * (lower case, no accents), its words joined by one space, duplicates dropped. The search plan
 * matches a set's terms against one query word or a pair of adjacent words, so a term of three
 * words could never apply and is refused rather than kept silently useless.
 */
export function synonymTermsOf(input: readonly string[]): { terms: string[] } | { problems: string[] } {
  const problems: string[] = [];
  const terms: string[] = [];
  input.forEach((raw, index) => {
    const words = foldText(raw).match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) problems.push(`terms[${index}] has no letter or digit`);
    else if (words.length > MAX_SYNONYM_TERM_WORDS) problems.push(`terms[${index}] has ${words.length} words; a term is one word or two`);
    else {
      const term = words.join(' ');
      if (term.length > MAX_SYNONYM_TERM_LENGTH) problems.push(`terms[${index}] is longer than ${MAX_SYNONYM_TERM_LENGTH} characters`);
      else if (!terms.includes(term)) terms.push(term);
    }
  });
  if (problems.length === 0 && terms.length < MIN_SYNONYM_TERMS) {
    problems.push(`terms must hold at least ${MIN_SYNONYM_TERMS} different terms (after folding case and accents)`);
  }
  if (terms.length > MAX_SYNONYM_TERMS) problems.push(`terms may hold at most ${MAX_SYNONYM_TERMS} terms`);
  return problems.length > 0 ? { problems } : { terms };
}
