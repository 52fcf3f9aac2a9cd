// Key phrases: short chunks that carry the topic or the opinion ("arrived cold", "half the order
// missing", "battery life"). No part-of-speech tagger is available, so chunks are cut at
// punctuation, conjunctions, pronouns and auxiliaries, then trimmed of stopwords at both ends.
import { COMPLAINT_STEMS, INTENSIFIERS, NEGATIVE_STEMS, NEGATORS, POSITIVE_STEMS } from './sentiment-lexicon';
import { splitSentences, stem, Token, tokenize } from './text-normalizer';

export const MAX_KEY_PHRASES = 5;
const MAX_PHRASE_WORDS = 5;
const SPLIT_ABOVE_WORDS = 3;

// Cut a chunk here (the word itself is dropped).
const BREAKERS = new Set(
  `and or but so because although though however yet while when whenever if then since until unless
  i me my mine we us our ours you your yours he him his she her hers they them their theirs it its itself this
  that these those which who whom whose what where why how there here
  have has had having do does did doing will would could should can may might must shall
  also even ever definitely honestly literally overall again still maybe probably actually basically
  i'd i'm just`.split(/\s+/),
);
// Dropped inside a chunk without cutting it: "half the order was missing" -> "half the order missing".
const SKIPPED = new Set([
  'is',
  'are',
  'was',
  'were',
  'am',
  'be',
  'been',
  'being',
  'got',
  'get',
  'gets',
  'became',
  'become',
  'seems',
  'seemed',
  'looks',
  'looked',
  'felt',
  'feels',
  'tasted',
  'tastes',
]);
// Trimmed from the ends of a chunk but allowed inside it ("smaller than pictured", "half the order").
const EDGE_STOPWORDS = new Set(
  `a an the of to in on at for with from by about as into onto over after before around through per
  some any all each every both few more most other such own same very really quite pretty too so rather
  ordered bought received receive tried try used use gave give made make went go
  one ones thing things stuff lot lots bit way time times day days everything something anything
  ok okay well yes yeah oh wow hmm please thanks thank than week weeks month months year years minute minutes
  today yesterday tonight now first last after next`.split(/\s+/),
);
const NUMBER_WORDS = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'ten', 'twenty', 'thirty', 'forty', 'fifty', 'few', 'couple']);
const PARTICLES = new Set(['back', 'up', 'out', 'off', 'down', 'away', 'apart']);
const PREPOSITIONS = new Set(['of', 'to', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'about', 'after', 'before']);

interface Candidate {
  words: string[];
  position: number;
  score: number;
}

function isOpinionWord(word: string): boolean {
  const s = stem(word);
  return POSITIVE_STEMS.has(s) || NEGATIVE_STEMS.has(s) || COMPLAINT_STEMS.has(s);
}

function trim(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && (EDGE_STOPWORDS.has(words[start]) || INTENSIFIERS.has(words[start]))) start++;
  while (end > start && (EDGE_STOPWORDS.has(words[end - 1]) || INTENSIFIERS.has(words[end - 1]) || NEGATORS.has(words[end - 1]))) {
    // Keep the unit after a number: "waited 45 minutes", "took 2 weeks".
    if (end - 2 >= start && (/^\d/.test(words[end - 2]) || NUMBER_WORDS.has(words[end - 2]))) break;
    end--;
  }
  return words.slice(start, end);
}

/** Splits a long chunk at prepositions, so "the battery life of this phone" stays short. */
function splitLong(words: string[]): string[][] {
  if (words.length <= SPLIT_ABOVE_WORDS) return [words];
  const parts: string[][] = [];
  let current: string[] = [];
  for (const word of words) {
    if (PREPOSITIONS.has(word) && current.length) {
      parts.push(current);
      current = [];
    }
    current.push(word);
  }
  if (current.length) parts.push(current);
  return parts.map((p) => trim(trim(p).slice(0, MAX_PHRASE_WORDS))).filter((p) => p.length > 0);
}

function chunks(sentence: readonly Token[]): string[][] {
  const result: string[][] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length) result.push(current);
    current = [];
  };
  for (let i = 0; i < sentence.length; i++) {
    const token = sentence[i];
    if (token.kind === 'punct' || token.kind === 'emoticon') {
      flush();
      continue;
    }
    const word = token.text;
    // "send it back", "took them out": the pronoun belongs to a phrasal verb, keep the verb + particle.
    if ((word === 'it' || word === 'them') && PARTICLES.has(sentence[i + 1]?.text ?? '') && current.length) continue;
    if (BREAKERS.has(word)) {
      flush();
      continue;
    }
    // Intensifiers inside a chunk are dropped ("pizza really really good" -> "pizza good"), except
    // "too", which changes the meaning ("too salty").
    if (SKIPPED.has(word) || (INTENSIFIERS.has(word) && word !== 'too' && current.length > 0)) continue;
    // A negator starts a new chunk: "food was good not great" -> "food good", "not great".
    if (NEGATORS.has(word)) flush();
    current.push(word);
  }
  flush();
  return result;
}

export function extractKeyPhrases(text: string, limit: number = MAX_KEY_PHRASES): string[] {
  const candidates: Candidate[] = [];
  let position = 0;
  for (const sentence of splitSentences(tokenize(text))) {
    for (const chunk of chunks(sentence)) {
      for (const words of splitLong(trim(chunk))) {
        position++;
        if (!words.length || words.every((w) => NEGATORS.has(w))) continue;
        if (words.length === 1 && (words[0].length < 3 || /^\d/.test(words[0]))) continue;
        const opinion = words.some(isOpinionWord) || NEGATORS.has(words[0]);
        candidates.push({ words, position, score: (opinion ? 2 : 0) + (words.length > 1 ? 1 : 0) });
      }
    }
  }
  // A lone non-opinion word ("fill", "box") is only worth returning when nothing better was found.
  const hasBetter = candidates.some((c) => c.score > 0);
  const seen = new Set<string>();
  const unique = candidates.filter((c) => {
    const phrase = c.words.join(' ');
    if (seen.has(phrase) || (hasBetter && c.score === 0)) return false;
    seen.add(phrase);
    return true;
  });
  const chosen = [...unique].sort((a, b) => b.score - a.score || a.position - b.position);
  const kept: Candidate[] = [];
  for (const c of chosen) {
    if (kept.length >= limit) break;
    const phrase = ` ${c.words.join(' ')} `;
    // Skip a phrase already contained in a kept one ("crust" after "great crust").
    if (kept.some((k) => ` ${k.words.join(' ')} `.includes(phrase))) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.position - b.position).map((c) => c.words.join(' '));
}
