/**
 * Forgiving text search, the pure part (issue 12): how a query becomes words, which words of the
 * store's vocabulary each one may stand for (exact, stem, prefix, typo, split, join, synonym), and
 * the full-text queries that match and rank with those alternatives. Persistence looks the words
 * up (`VocabularyFacts`) and runs the queries; nothing here touches a database.
 */

/** Typo tolerance per word length (Meilisearch's defaults): 1 typo from 5 letters, 2 from 9. */
export interface TypoSettings {
  oneTypoFrom: number;
  twoTyposFrom: number;
}

export const DEFAULT_TYPO_SETTINGS: TypoSettings = { oneTypoFrom: 5, twoTyposFrom: 9 };

/** Words a query keeps; the rest is ignored (a search box, not a document). */
export const MAX_QUERY_WORDS = 8;
const MAX_WORD_LENGTH = 40;

// Letters NFD does not decompose; the same foldings as Postgres' unaccent rules.
const FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lowercase without accents, like `inventory.search_fold` (lower(unaccent(text))) on the stored side. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => FOLDS[letter] ?? letter);
}

export interface QueryWords {
  words: string[];
  /** The last word is still being typed (no space after it): it also matches as a prefix. */
  lastIsPrefix: boolean;
}

/**
 * The folded words of a query: runs of letters and digits, so no operator character of tsquery
 * (quotes, `&`, `|`, `!`, `:`, `*`, parentheses, backslashes) ever reaches a query.
 */
export function queryWords(q: string): QueryWords {
  const words = (foldText(q).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_QUERY_WORDS).map((word) => word.slice(0, MAX_WORD_LENGTH));
  const lastIsPrefix = words.length > 0 && /[\p{L}\p{N}]$/u.test(q);
  return { words, lastIsPrefix };
}

/** How many typos a word of this length may carry. */
export function typoBudget(word: string, settings: TypoSettings): number {
  const length = [...word].length;
  if (length >= settings.twoTyposFrom) return 2;
  if (length >= settings.oneTypoFrom) return 1;
  return 0;
}

/**
 * Damerau-Levenshtein distance (optimal string alignment: insertions, deletions, substitutions
 * and transpositions of neighbours each count 1), or `max + 1` as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[t.length], max + 1);
}

/** The distance of a typed beginning to the closest beginning of `word` (a typo in a prefix). */
export function prefixDistance(typed: string, word: string, max: number): number {
  const letters = [...word];
  const length = [...typed].length;
  let best = max + 1;
  for (let cut = Math.max(1, length - max); cut <= Math.min(letters.length, length + max); cut += 1) {
    best = Math.min(best, editDistance(typed, letters.slice(0, cut).join(''), max));
  }
  return best;
}

/** What the vocabulary says about a query's words (see `vocabularyQuestions`). */
export interface VocabularyFacts {
  /** Which of the asked words occur in the catalog. */
  known: ReadonlySet<string>;
  /** Whether some catalog word other than the last query word starts with it. */
  lastHasLongerWords: boolean;
  /** English stems of each query word (may be empty for stop words). */
  stems: ReadonlyMap<string, string[]>;
  /** Catalog words that look alike (trigram neighbours) for the words that may be typos. */
  neighbours: ReadonlyMap<string, { word: string; inNames: number; products: number }[]>;
  /** Synonym sets (folded terms) that contain one of the asked terms. */
  synonyms: string[][];
}

/** Everything the vocabulary lookup needs to be asked, from the words alone. */
export function vocabularyQuestions(query: QueryWords): { words: string[]; lookAlike: string[]; terms: string[] } {
  const asked = new Set(query.words);
  for (const word of query.words) for (const [left, right] of splits(word)) asked.add(left).add(right);
  for (let i = 0; i + 1 < query.words.length; i += 1) asked.add(query.words[i] + query.words[i + 1]);
  const terms = new Set(query.words);
  for (let i = 0; i + 1 < query.words.length; i += 1) terms.add(`${query.words[i]} ${query.words[i + 1]}`);
  return { words: [...asked], lookAlike: query.words.filter((word) => word.length >= 3), terms: [...terms] };
}

function splits(word: string): [string, string][] {
  const letters = [...word];
  if (letters.length < 4) return [];
  const result: [string, string][] = [];
  for (let cut = 2; cut <= letters.length - 2; cut += 1) result.push([letters.slice(0, cut).join(''), letters.slice(cut).join('')]);
  return result;
}

export type AlternativeKind = 'exact' | 'prefix' | 'typo';

/** One way a query word can match: a word, or a phrase of adjacent words (a split, a synonym). */
export interface Alternative {
  lexemes: string[];
  kind: AlternativeKind;
}

export interface SearchPlan {
  /** One group per query word; a product must match some alternative of every group. */
  groups: Alternative[][];
  /** The query as it was understood, when a word was corrected or split ("showing results for"). */
  correctedQuery: string | null;
  /** The first query word as typed (`nameStarts` holds it and what else it may stand for). */
  firstWord: string;
}

/**
 * The alternatives of each query word. A word the catalog knows (or, for the last word, that
 * begins catalog words) is taken as typed, with its stem; otherwise it may be a split of two
 * catalog words and a typo within its budget of a catalog word (a split, taken as exact, ranks
 * first). Two adjacent words that form a catalog word match it too, and synonym sets add their
 * other terms.
 */
export function planSearch(query: QueryWords, facts: VocabularyFacts, settings: TypoSettings): SearchPlan | null {
  if (query.words.length === 0) return null;
  const groups: Alternative[][] = query.words.map(() => []);
  const understood = [...query.words];
  let corrected = false;
  query.words.forEach((word, index) => {
    const isLast = index === query.words.length - 1;
    const prefix = isLast && query.lastIsPrefix;
    const group = groups[index];
    const known = facts.known.has(word);
    group.push({ lexemes: [word], kind: 'exact' });
    for (const stem of facts.stems.get(word) ?? []) if (stem !== word) group.push({ lexemes: [stem], kind: 'exact' });
    if (prefix) group.push({ lexemes: [word], kind: 'prefix' });
    if (known || (prefix && facts.lastHasLongerWords)) return;
    // A split does not rule out a typo: "tomto" is "tom to" to the vocabulary, and "tomato" to a guest.
    const split = splits(word).find(([left, right]) => facts.known.has(left) && facts.known.has(right));
    if (split) {
      group.push({ lexemes: split, kind: 'exact' });
      understood[index] = split.join(' ');
      corrected = true;
    }
    const budget = typoBudget(word, settings);
    if (budget === 0) return;
    const candidates = (facts.neighbours.get(word) ?? [])
      .map((candidate) => ({ ...candidate, distance: Math.min(editDistance(word, candidate.word, budget), prefix ? prefixDistance(word, candidate.word, budget) : budget + 1) }))
      .filter((candidate) => candidate.distance <= budget && candidate.word !== word)
      .sort((a, b) => a.distance - b.distance || b.inNames - a.inNames || b.products - a.products || a.word.localeCompare(b.word))
      .slice(0, 5);
    for (const candidate of candidates) group.push({ lexemes: [candidate.word], kind: 'typo' });
    if (candidates[0] && !split) {
      understood[index] = candidates[0].word;
      corrected = true;
    }
  });
  for (let i = 0; i + 1 < query.words.length; i += 1) {
    const joined = query.words[i] + query.words[i + 1];
    if (facts.known.has(joined)) for (const group of [groups[i], groups[i + 1]]) group.push({ lexemes: [joined], kind: 'exact' });
  }
  for (const set of facts.synonyms) {
    query.words.forEach((word, index) => {
      const pair = index + 1 < query.words.length ? `${word} ${query.words[index + 1]}` : null;
      const covered = set.includes(word) ? [index] : pair && set.includes(pair) ? [index, index + 1] : [];
      const own = covered.length === 2 ? pair : word;
      for (const term of set) {
        if (term === own) continue;
        const lexemes = term.match(/[\p{L}\p{N}]+/gu) ?? [];
        if (lexemes.length > 0) for (const at of covered) groups[at].push({ lexemes, kind: 'exact' });
      }
    });
  }
  return { groups: groups.map(dedupe), correctedQuery: corrected ? understood.join(' ') : null, firstWord: query.words[0] };
}

function dedupe(group: Alternative[]): Alternative[] {
  const seen = new Set<string>();
  return group.filter((alternative) => {
    const key = `${alternative.kind}:${alternative.lexemes.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Where an alternative may match: anywhere, or only in the name (weight A). */
type Scope = 'anywhere' | 'name' | 'tags';

/**
 * One alternative as tsquery text. Lexemes are runs of letters and digits (see `queryWords`), so
 * quoting them is enough. Prefixes match names and tags only: a first keystroke matching every
 * description word would match most of the catalog and rank nothing.
 */
function alternativeQuery(alternative: Alternative, scope: Scope): string {
  const weights = { anywhere: '', name: 'A', tags: 'B' }[scope];
  const label = alternative.kind === 'prefix' ? `:*${weights || 'AB'}` : weights ? `:${weights}` : '';
  const phrase = alternative.lexemes.map((lexeme) => `'${lexeme}'${label}`).join(' <-> ');
  return alternative.lexemes.length > 1 ? `(${phrase})` : phrase;
}

function anyOf(alternatives: Alternative[], scope: Scope): string | null {
  if (alternatives.length === 0) return null;
  return `(${alternatives.map((alternative) => alternativeQuery(alternative, scope)).join(' | ')})`;
}

/** The tsquery texts a plan matches and ranks with; see docs/search.md for the ranking rules. */
export interface PlanQueries {
  /** Every group matched by some alternative, anywhere. */
  match: string;
  /**
   * Per group: matched in the name by the word as typed, its stem, a split, a join or a synonym,
   * or, for the word still being typed, as a prefix: "tuna s" is a guest on the way to "Tuna
   * Sashimi", and the one-letter word of "Jaren's Special Tuna" must not count as more exact.
   */
  exactInName: string[];
  /** Per group: matched in the name by a whole word, neither a prefix nor a typo (exactness: "pizza" finds Pizza before Pizzaiola). */
  wordsInName: string[];
  /**
   * The words a name may begin with for the "name starts with the first word" rule: the first
   * word as typed and every word it was taken for (stem, prefix, correction, split, join,
   * synonym), so "caeser salad" and "caesarsalad" still put "Caesar Salad" before "Fresh Caesar Salad".
   */
  nameStarts: string[];
  /** Per group: matched without a typo (exact or as a prefix), anywhere. */
  withoutTypo: string[];
  /** Per group: matched in the name by any alternative. */
  inName: string[];
  /** Per group: matched in the tags by any alternative. */
  inTags: string[];
  /** All groups in order, next to each other, in the name (only with two groups or more). */
  phraseInName: string | null;
}

export function planQueries(plan: SearchPlan): PlanQueries {
  const never = `'\u0000'`; // a lexeme no product has, for a group without such alternatives
  return {
    match: plan.groups.map((group) => anyOf(group, 'anywhere')!).join(' & '),
    exactInName: plan.groups.map(
      (group) =>
        anyOf(
          group.filter((a) => a.kind !== 'typo'),
          'name',
        ) ?? never,
    ),
    wordsInName: plan.groups.map(
      (group) =>
        anyOf(
          group.filter((a) => a.kind === 'exact'),
          'name',
        ) ?? never,
    ),
    nameStarts: [...new Set([plan.firstWord, ...(plan.groups[0] ?? []).map((alternative) => alternative.lexemes[0])])],
    withoutTypo: plan.groups.map(
      (group) =>
        anyOf(
          group.filter((a) => a.kind !== 'typo'),
          'anywhere',
        ) ?? never,
    ),
    inName: plan.groups.map((group) => anyOf(group, 'name')!),
    inTags: plan.groups.map((group) => anyOf(group, 'tags')!),
    phraseInName: plan.groups.length > 1 ? plan.groups.map((group) => anyOf(group, 'name')!).join(' <-> ') : null,
  };
}

/** A matched part of a product name, in UTF-16 offsets of the name as stored: [start, end). */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * The parts of a name that matched the plan, for highlighting: whole words matched as typed, by
 * stem, typo, split, join or synonym, and the typed part of a word matched as a prefix.
 */
export function nameHighlights(name: string, plan: SearchPlan): TextSpan[] {
  const spans: TextSpan[] = [];
  const alternatives = plan.groups.flat();
  for (const match of name.matchAll(/[\p{L}\p{N}]+/gu)) {
    const original = match[0];
    const start = match.index ?? 0;
    const folded = foldText(original);
    let end = 0;
    for (const alternative of alternatives) {
      for (const lexeme of alternative.lexemes) {
        if (alternative.kind === 'prefix') {
          if (folded.startsWith(lexeme)) end = Math.max(end, folded.length === original.length ? lexeme.length : original.length);
        } else if (folded === lexeme || (lexeme.length >= 3 && folded.startsWith(lexeme) && folded.length - lexeme.length <= 3)) {
          end = original.length; // the word itself, or a stem of it (pizzas → pizza, fries → fri)
        }
      }
    }
    if (end > 0) spans.push({ start, end: start + end });
  }
  return spans;
}
