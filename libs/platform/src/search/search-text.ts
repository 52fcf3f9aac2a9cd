/**
 * Search text as words only, before it becomes a full-text query: every character that is not a
 * letter, digit or combining mark (tsquery's `& | ! ( ) : * < - > "` among them) becomes a space,
 * runs of spaces become one. Operators in user text have no use in a storefront search, and many
 * of them overflowed websearch_to_tsquery's stack ("tsquery stack too small": a 500).
 * An apostrophe inside a word is kept ("chef's"); it is no tsquery operator.
 */
export function searchWords(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u2019/g, "'")
    .replace(/[^\p{L}\p{N}\p{M}']+/gu, ' ')
    .replace(/(?<!\p{L})'|'(?!\p{L})/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
