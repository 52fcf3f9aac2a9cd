// Turns raw review text into sentences of lower-case tokens that both the sentiment features and
// the key-phrase extractor work on. Pure and allocation-light: it runs in the review write path.

/** A token with its original (lower-cased) spelling; `kind` tells words from punctuation. */
export interface Token {
  text: string;
  kind: 'word' | 'number' | 'punct' | 'emoticon';
}

// Contractions are expanded so that "wasn't", "wasnt" and "was not" become the same tokens.
const CONTRACTIONS: Readonly<Record<string, string>> = {
  "won't": 'will not',
  wont: 'will not',
  "can't": 'can not',
  cant: 'can not',
  cannot: 'can not',
  "shan't": 'shall not',
  "ain't": 'is not',
  aint: 'is not',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  isnt: 'is not',
  wasnt: 'was not',
  arent: 'are not',
  werent: 'were not',
  havent: 'have not',
  hasnt: 'has not',
  hadnt: 'had not',
  couldnt: 'could not',
  wouldnt: 'would not',
  shouldnt: 'should not',
  neednt: 'need not',
  "i'm": 'i am',
  im: 'i am',
  "it's": 'it is',
  "that's": 'that is',
  "there's": 'there is',
  "i've": 'i have',
  ive: 'i have',
  "we've": 'we have',
  "they're": 'they are',
  "you're": 'you are',
  "i'd": 'i would',
  "i'll": 'i will',
  "we're": 'we are',
  "what's": 'what is',
  "let's": 'let us',
  "y'all": 'you all',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
};

const POSITIVE_EMOTICONS = new Set([':)', ':-)', ':d', ':-d', '(:', ';)', ';-)', '<3', ':]', '=)', ':p']);
const NEGATIVE_EMOTICONS = new Set([':(', ':-(', ":'(", '):', ':/', ':-/', ':[', '=(', '>:(']);
const EMOJI_POSITIVE = /[\u{1F600}-\u{1F60F}\u{1F617}-\u{1F61D}\u{1F642}\u{1F44D}\u{1F44C}\u{1F64F}\u{2764}\u{1F60D}\u{1F929}\u{1F970}\u{2B50}\u{1F31F}\u{1F525}\u{1F389}]/u;
const EMOJI_NEGATIVE =
  /[\u{1F620}-\u{1F62F}\u{1F612}\u{1F614}\u{1F615}\u{1F616}\u{1F61E}\u{1F61F}\u{1F641}\u{2639}\u{1F44E}\u{1F4A9}\u{1F92E}\u{1F922}\u{1F624}\u{1F621}\u{1F62D}]/u;

const TOKEN_PATTERN =
  /(>?[:;=][-']?[()[\]dp/](?![\p{L}\d])|\(:|\):|<3)|(\p{L}[\p{L}'-]*\p{L}|\p{L})|(\d+(?:[.,]\d+)?)|([.!?;,:()\u2013\u2014]|-{1,2}|\.{2,}|\n)|(\p{Extended_Pictographic})/giu;

/** Lower-cases, unifies quotes and squeezes letters repeated 3+ times ("soooo" -> "soo"). */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/(\p{L})\1{2,}/gu, '$1$1')
    .replace(/&/g, ' and ');
}

function pushWord(tokens: Token[], word: string): void {
  const trimmed = word.replace(/^'+|'+$/g, '');
  if (!trimmed) return;
  const expanded = CONTRACTIONS[trimmed];
  if (expanded) {
    for (const part of expanded.split(' ')) tokens.push({ text: part, kind: 'word' });
    return;
  }
  if (trimmed.endsWith("n't")) {
    const head = trimmed.slice(0, -3);
    if (head) tokens.push({ text: head === 'ca' ? 'can' : head === 'wo' ? 'will' : head, kind: 'word' });
    tokens.push({ text: 'not', kind: 'word' });
    return;
  }
  // Possessives and other clitics carry no sentiment: "pizza's" -> "pizza", "they'll" -> "they".
  const apostrophe = trimmed.indexOf("'");
  if (apostrophe > 0) {
    tokens.push({ text: trimmed.slice(0, apostrophe), kind: 'word' });
    return;
  }
  if (trimmed.includes('-')) {
    // "well-made", "so-so", "half-cooked": keep the parts, they generalise better than the compound.
    for (const part of trimmed.split('-')) if (part) tokens.push({ text: part, kind: 'word' });
    return;
  }
  tokens.push({ text: trimmed, kind: 'word' });
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const normalized = normalizeText(text);
  for (const match of normalized.matchAll(TOKEN_PATTERN)) {
    const [, emoticon, word, number, punct, pictograph] = match;
    if (emoticon) {
      const e = emoticon.toLowerCase();
      if (POSITIVE_EMOTICONS.has(e)) tokens.push({ text: ':)', kind: 'emoticon' });
      else if (NEGATIVE_EMOTICONS.has(e)) tokens.push({ text: ':(', kind: 'emoticon' });
    } else if (word) pushWord(tokens, word);
    else if (number) tokens.push({ text: number, kind: 'number' });
    else if (punct) tokens.push({ text: punct === '\n' ? '.' : punct, kind: 'punct' });
    else if (pictograph) {
      if (EMOJI_POSITIVE.test(pictograph)) tokens.push({ text: ':)', kind: 'emoticon' });
      else if (EMOJI_NEGATIVE.test(pictograph)) tokens.push({ text: ':(', kind: 'emoticon' });
    }
  }
  return tokens;
}

const SENTENCE_END = new Set(['.', '!', '?', '...', '..', ';']);

/** Splits tokens into sentences at . ! ? ; and line breaks. */
export function splitSentences(tokens: readonly Token[]): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    if (token.kind === 'punct' && SENTENCE_END.has(token.text)) {
      if (current.length) sentences.push(current);
      current = [];
    } else current.push(token);
  }
  if (current.length) sentences.push(current);
  return sentences;
}

/**
 * Light suffix stripping so that "arrived"/"arrives"/"arriving" and "leaks"/"leaking" share a
 * feature. Deliberately conservative (no Porter tables): over-stemming merges unrelated words.
 */
// Words ending in -ing that are not verb forms: "evening" must not become "even".
const NOT_GERUND = new Set([
  'evening',
  'morning',
  'nothing',
  'something',
  'anything',
  'everything',
  'during',
  'ceiling',
  'spring',
  'string',
  'pudding',
  'wedding',
  'icing',
  'sibling',
  'bring',
  'thing',
  'things',
  'clothing',
  'bedding',
  'stuffing',
  'topping',
  'toppings',
  'filling',
  'fillings',
  'packaging',
  'lining',
  'seasoning',
  'frosting',
  'dressing',
  'ceiling',
  'building',
  'wing',
  'wings',
]);
const NOT_SUPERLATIVE = /(interest|honest|modest|forest|harvest|request|protest|contest|suggest|digest|invest|arrest)$/;

export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(xes|ches|shes|oes)$/.test(w) && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is|ous)$/.test(w)) w = w.slice(0, -1);
  // Superlatives share the base word: "crispiest" -> "crispy", "freshest" -> "fresh".
  if (w.endsWith('iest') && w.length > 6) w = w.slice(0, -4) + 'y';
  else if (w.endsWith('est') && w.length > 6 && !NOT_SUPERLATIVE.test(w)) w = undouble(w.slice(0, -3));
  if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ing') && w.length > 5 && !NOT_GERUND.has(w)) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz|ff)$/.test(w) ? w.slice(0, -1) : w;
}
