// Feature extraction for the sentiment classifier: stemmed unigrams and bigrams with negation
// scope marking, clause weights for contrast, and dense lexicon counts.
import {
  COMPLAINT_STEMS,
  CONCESSIVE,
  CONTRAST_AFTER,
  matchPhrase,
  NEGATIVE_PHRASE_TABLE,
  NEGATIVE_STEMS,
  NEGATORS,
  INTENSIFIERS,
  POSITIVE_PHRASE_TABLE,
  POSITIVE_STEMS,
  STRONG_STEMS,
} from './sentiment-lexicon';
import { splitSentences, stem, Token, tokenize } from './text-normalizer';

/** Sparse feature vector: feature name -> value. */
export type FeatureVector = Map<string, number>;

/** Weight of the clause that a contrast word demotes ("great food" in "great food but cold"). */
const DEMOTED_CLAUSE_WEIGHT = 0.4;
/** How many words after "not"/"never"/"no" are read as negated. */
const NEGATION_WINDOW = 4;
/**
 * Lexicon counts are scaled up so that L2 regularisation penalises them less than single words:
 * "some opinion word" should generalise further than any one word seen in the corpus.
 */
const LEXICON_SCALE = 3;
// Words that end a negation scope early: "not cold and very tasty" negates only "cold".
const SCOPE_BREAKERS = new Set(['and', 'because', 'since', 'so', 'then', 'which', 'who', 'although', 'though', 'but', 'however', 'yet', 'except']);
// Function words get no unigram of their own (they only add noise at this corpus size); they
// still appear in bigrams ("not_good", "was_cold").
const STOPWORDS = new Set(
  'a an the of to in on at for with from by is are was were be been am i me my we our you your it its this that they them their he she his her and or as'.split(' '),
);
// A negated comparative is praise: "couldn't be happier", "never looked better".
const COMPARATIVES = new Set(['better', 'happier', 'more', 'nicer', 'prouder', 'easier']);
// A negator followed by these is emphasis, not negation: "not only … but also", "without a doubt".
const NEGATION_EXCEPTIONS = new Set(['only', 'just', 'doubt', 'question', 'wonder']);

function clauseWeights(sentence: readonly Token[]): number[] {
  const weights = new Array<number>(sentence.length).fill(1);
  const first = sentence.findIndex((t) => t.kind === 'word');
  const opener = first >= 0 ? sentence[first].text : '';
  // "Although/Though/Despite/While X, Y": X is the weaker clause (up to the first comma).
  const concessive = CONCESSIVE.has(opener) && (opener !== 'even' || sentence[first + 1]?.text === 'though' || sentence[first + 1]?.text === 'if');
  if (concessive) {
    const comma = sentence.findIndex((t, i) => i > first && t.kind === 'punct');
    if (comma > 0) for (let i = 0; i < comma; i++) weights[i] *= DEMOTED_CLAUSE_WEIGHT;
  }
  for (let i = first + 1; i < sentence.length; i++) {
    const t = sentence[i];
    if (t.kind === 'word' && CONTRAST_AFTER.has(t.text) && i > 0) {
      // Everything before the latest contrast word is demoted; chains keep demoting.
      for (let j = 0; j < i; j++) weights[j] *= DEMOTED_CLAUSE_WEIGHT;
    }
  }
  return weights;
}

function add(features: FeatureVector, name: string, value: number): void {
  features.set(name, (features.get(name) ?? 0) + value);
}

/**
 * Extracts the features of a text. Values are summed over sentences; past 8 words they are scaled
 * by 1/sqrt(words / 8) so that a five-sentence review is not five times as confident as one.
 */
export function extractFeatures(text: string): FeatureVector {
  const features: FeatureVector = new Map();
  let wordCount = 0;
  for (const sentence of splitSentences(tokenize(text))) {
    const weights = clauseWeights(sentence);
    let negationLeft = 0;
    let previous = '<s>';
    const stems = sentence.map((t) => (t.kind === 'word' ? stem(t.text) : t.kind === 'number' ? (Number(t.text) <= 10 ? t.text : '<num>') : t.text));
    for (let i = 0; i < sentence.length; i++) {
      const token = sentence[i];
      const w = weights[i];
      if (token.kind === 'punct') {
        negationLeft = 0;
        previous = '<s>';
        continue;
      }
      if (token.kind === 'emoticon') {
        add(features, token.text === ':)' ? 'EMO:pos' : 'EMO:neg', w);
        continue;
      }
      wordCount++;
      const raw = token.text;
      const s = stems[i];
      if (SCOPE_BREAKERS.has(raw)) negationLeft = 0;
      // "couldn't be happier", "never looked better", "can't recommend it enough": negated
      // praise that is really emphasis, so the lexicon polarity is not flipped.
      const emphatic = negationLeft > 0 && (COMPARATIVES.has(raw) || sentence.slice(i, i + 4).some((t) => t.text === 'enough'));
      const negated = negationLeft > 0 && !emphatic;
      if (!STOPWORDS.has(raw)) add(features, negated ? `NOT_${s}` : s, w);
      add(features, `${previous}_${s}`, w);
      previous = s;

      // "pretty bad", "super slow": an intensifier in front of another word is not an opinion itself.
      const modifier = INTENSIFIERS.has(raw) && sentence[i + 1]?.kind === 'word';
      const polarity = modifier ? 0 : POSITIVE_STEMS.has(s) ? 1 : NEGATIVE_STEMS.has(s) ? -1 : 0;
      if (polarity !== 0) {
        const name = `LEX:${polarity > 0 ? 'pos' : 'neg'}${negated ? ':negated' : ''}`;
        add(features, name, w * LEXICON_SCALE);
        if (STRONG_STEMS.has(s)) add(features, `${name}:strong`, w * LEXICON_SCALE);
      }
      if (COMPLAINT_STEMS.has(s)) add(features, negated ? 'LEX:complaint:negated' : 'LEX:complaint', w * LEXICON_SCALE);
      if (matchPhrase(POSITIVE_PHRASE_TABLE, stems, i)) add(features, negated ? 'PHRASE:pos:negated' : 'PHRASE:pos', w * LEXICON_SCALE);
      if (matchPhrase(NEGATIVE_PHRASE_TABLE, stems, i)) add(features, negated ? 'PHRASE:neg:negated' : 'PHRASE:neg', w * LEXICON_SCALE);

      if (negationLeft > 0) negationLeft--;
      // "without a doubt", "no question": emphasis, not negation.
      const next = sentence[i + 1]?.text === 'a' ? sentence[i + 2]?.text : sentence[i + 1]?.text;
      if (NEGATORS.has(raw) && !NEGATION_EXCEPTIONS.has(next ?? '')) negationLeft = NEGATION_WINDOW;
    }
    add(features, `${previous}_</s>`, weights[weights.length - 1] ?? 1);
  }
  if (wordCount > 0) {
    const scale = 1 / Math.sqrt(Math.max(1, wordCount / 8));
    if (scale !== 1) for (const [name, value] of features) features.set(name, value * scale);
  }
  return features;
}
