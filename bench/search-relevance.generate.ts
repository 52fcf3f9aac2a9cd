// Writes bench/search-relevance.json, the relevance set of issue 12, from the catalog the search
// benchmark measures: the seeder's products 1..100,000 (seed 42: faker seeded per block, so the
// same names on every machine and run) and the demo menu. Deterministic: no clock, no randomness.
//
//   npx tsc -p tsconfig.build.json && node -r ./scripts/register-paths.cjs dist/bench/search-relevance.generate.js
//
// How each expectation is chosen, from the catalog's names alone (never from what the search answers):
// - Targets are the dishes a guest would ask for by name: the seeded catalog's fixed dish names
//   (faker's list, each on 150+ products; the other names are random combinations such as
//   "Salty Lamb With Kiwiberry Sauce") and the demo menu's dishes.
// - A query that spells (or misspells, joins, splits, re-accents, pluralises) a target's whole
//   name expects that target first (within 1), unless a longer name also begins with the target's
//   words ("Pizza" and "Pizza Margherita"): then the top 3.
// - A prefix query (a name's first words, the last one cut to 1–4 letters, or a single cut word)
//   is kept only where the catalog makes it unambiguous: among all products whose name begins with
//   the typed text, the target holds at least 80 % (within 3), or it is the only such name
//   (within 1). A bare 1–2 letter prefix never qualifies in a catalog of 100k dishes (e.g. "p"
//   begins Pizza, Pho, Poke, Poutine, Pierogi, Pork…), and the seeded products carry no ratings
//   to break such a tie, so 1–2 letter cases always follow complete words ("peking d").
// - A description case uses a word found in exactly one dish's text (only the demo menu's
//   descriptions are about their dish), or a word that is in a target's name and in other
//   products' descriptions: the name match must come before those.
// - Synonym cases come with the synonym set the benchmark stores first (staff-editable sets).
// - A typo keeps the word within its typo budget (1 from 5 letters, 2 from 9, the documented
//   defaults: "keab" for "kebab" is a 4-letter word, which gets none), and is dropped when it is a
//   real word of the catalog or at least as close to another catalog word ("caperse" is one edit
//   from "caprese" and from "capers").
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_MENU } from '../apps/inventory/src/domain/demo-menu';
import { DEFAULT_TYPO_SETTINGS, editDistance, foldText, typoBudget } from '../apps/inventory/src/domain/search-text';
import { fakeProducts } from '../scripts/seed/fake-catalog';
import type { RelevanceCase, RelevanceKind } from './search-relevance';

const SEEDED = 100_000;
const SEED = 42;
const FIXED_DISH_MIN = 150;

interface Named {
  name: string;
  count: number;
  demo: boolean;
}

const words = (text: string): string[] => [...(foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [])];

const counts = new Map<string, Named>();
const vocabulary = new Set<string>();
const descriptionWords = new Map<string, Set<string>>(); // word -> names of products whose text has it
const add = (name: string, description: string, tags: string[], demo: boolean) => {
  const known = counts.get(name);
  counts.set(name, { name, count: (known?.count ?? 0) + 1, demo: demo || (known?.demo ?? false) });
  for (const word of [...words(name), ...words(description), ...tags.flatMap(words)]) vocabulary.add(word);
  for (const word of words(description)) {
    if (!descriptionWords.has(word)) descriptionWords.set(word, new Set());
    descriptionWords.get(word)!.add(name);
  }
};
for (const product of fakeProducts(1, SEEDED, SEED)) add(product.name, product.description, product.tags, false);
const demoDishes = DEMO_MENU.flatMap((category) => category.dishes);
for (const dish of demoDishes) add(dish.name, dish.description, dish.tags, true);
const all = [...counts.values()];
const folded = new Map(all.map((entry) => [entry.name, words(entry.name).join(' ')]));

const fixedDishes = all.filter((entry) => !entry.demo && entry.count >= FIXED_DISH_MIN).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
// Tiramisu (demo) and Tiramisù (seeded) are one dish to a guest; the seeded name is asked for.
const demoTargets = demoDishes.filter((dish) => dish.name !== 'Tiramisu').map((dish) => counts.get(dish.name)!);
const targets = [...demoTargets, ...fixedDishes];

const cases: RelevanceCase[] = [];
const seen = new Set<string>();
function push(q: string, kind: RelevanceKind, expect: string, within: 1 | 3, note?: string, synonyms?: string[]) {
  const key = `${q.trim()}|${expect}`;
  if (seen.has(key)) return;
  seen.add(key);
  cases.push({ q, kind, expect, within, ...(note ? { note } : {}), ...(synonyms ? { synonyms } : {}) });
}

/** Within 1, unless another name begins with all of the target's words (then the top 3). */
function wholeNameWithin(target: Named): 1 | 3 {
  const own = folded.get(target.name)!;
  return all.some((other) => other.name !== target.name && folded.get(other.name)!.startsWith(`${own} `)) ? 3 : 1;
}

/**
 * The bound a prefix query earns, or null when the catalog leaves it ambiguous (see the header).
 * After complete words, the products whose name begins with what was typed are weighed (variants
 * with an adjective in front are other names); a single cut word weighs every product with a name
 * word beginning so ("roa" begins Roasted Tomato Soup only, but also thousands of "roast"s).
 */
function prefixWithin(typed: string, target: Named): 1 | 3 | null {
  const beginning = words(typed).join(' ');
  const single = !beginning.includes(' ');
  const matching = all.filter((entry) => (single ? words(entry.name).some((word) => word.startsWith(beginning)) : folded.get(entry.name)!.startsWith(beginning)));
  const total = matching.reduce((n, entry) => n + entry.count, 0);
  if (!matching.some((entry) => entry.name === target.name)) return null;
  if (matching.length === 1) return 1;
  return target.count / total >= 0.8 && matching.every((entry) => entry.count <= target.count) ? 3 : null;
}

// Keyboard neighbours for substitutions (a typo is usually a neighbouring key).
const NEIGHBOUR: Record<string, string> = {
  a: 's',
  b: 'v',
  c: 'x',
  d: 's',
  e: 'r',
  f: 'g',
  g: 'h',
  h: 'j',
  i: 'o',
  j: 'k',
  k: 'l',
  l: 'k',
  m: 'n',
  n: 'm',
  o: 'p',
  p: 'o',
  q: 'w',
  r: 't',
  s: 'a',
  t: 'r',
  u: 'y',
  v: 'c',
  w: 'e',
  x: 'z',
  y: 't',
  z: 'x',
};

function oneTypo(word: string, variant: number): string {
  const at = Math.floor(word.length / 2);
  switch ((word.length <= DEFAULT_TYPO_SETTINGS.oneTypoFrom ? 2 * (variant % 2) : variant) % 3) {
    case 0:
      return word.slice(0, at) + (NEIGHBOUR[word[at]] ?? 'x') + word.slice(at + 1); // substitution
    case 1:
      return word.slice(0, at) + word.slice(at + 1); // deletion
    default:
      return word.slice(0, at) + word[at] + word.slice(at); // doubled letter
  }
}

function transposed(word: string): string | null {
  for (let at = Math.floor(word.length / 2); at < word.length - 1; at += 1) {
    if (word[at] !== word[at + 1]) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
  return null;
}

/** The index of the word a typo goes into: the longest word of at least `min` letters. */
function longestWord(list: string[], min: number): number {
  let best = -1;
  list.forEach((word, index) => {
    if (word.length >= min && (best < 0 || word.length > list[best].length)) best = index;
  });
  return best;
}

const replaced = (list: string[], index: number, word: string) => list.map((w, i) => (i === index ? word : w)).join(' ');

/** A misspelling that points at `intended` only: within the typed word's budget, no real word, nothing else as close. */
function clearTypo(typo: string, intended: string): boolean {
  const budget = typoBudget(typo, DEFAULT_TYPO_SETTINGS);
  const distance = editDistance(typo, intended, budget);
  if (distance === 0 || distance > budget || vocabulary.has(typo)) return false;
  for (const word of vocabulary) if (word !== intended && editDistance(typo, word, distance) <= distance) return false;
  return true;
}

/** Whether a word or its likely stem (its first max(5, n - 2) letters) occurs in the text of a product other than `name`. */
function elsewhere(word: string, name: string): boolean {
  const stem = word.slice(0, Math.max(5, word.length - 2));
  for (const [other, names] of descriptionWords) if (other.startsWith(stem) && [...names].some((n) => n !== name)) return true;
  return all.some((entry) => entry.name !== name && words(entry.name).some((w) => w.startsWith(stem)));
}

targets.forEach((target, n) => {
  const nameWords = words(target.name);
  const within = wholeNameWithin(target);
  const note = target.demo ? 'demo menu' : `seeded fixed dish (${target.count} products)`;
  push(nameWords.join(' '), 'exact', target.name, within, note);

  // Typos: one edit in the longest word of 5+ letters (two in one of 9+), never a catalog word.
  const typoAt = longestWord(nameWords, 5);
  if (typoAt >= 0) {
    for (let variant = n; variant < n + 3; variant += 1) {
      const typo = oneTypo(nameWords[typoAt], variant);
      if (clearTypo(typo, nameWords[typoAt])) {
        push(replaced(nameWords, typoAt, typo), 'typo', target.name, within, `${note}; 1 edit in "${nameWords[typoAt]}"`);
        break;
      }
    }
    if (nameWords[typoAt].length >= 9) {
      const twice = oneTypo(oneTypo(nameWords[typoAt], 0), 2); // a substituted letter, then doubled
      if (clearTypo(twice, nameWords[typoAt])) push(replaced(nameWords, typoAt, twice), 'typo', target.name, within, `${note}; 2 edits in a 9+ letter word`);
    }
    const swapped = transposed(nameWords[typoAt]);
    if (swapped && clearTypo(swapped, nameWords[typoAt]))
      push(replaced(nameWords, typoAt, swapped), 'transposition', target.name, within, `${note}; neighbours swapped in "${nameWords[typoAt]}"`);
  }

  // Joined: two neighbouring words typed as one (the first pair, and the last pair of longer names).
  if (nameWords.length >= 2) {
    const pairs = nameWords.length === 2 ? [0] : [0, nameWords.length - 2];
    for (const at of pairs) {
      const joined = [...nameWords.slice(0, at), nameWords[at] + nameWords[at + 1], ...nameWords.slice(at + 2)].join(' ');
      if (!vocabulary.has(nameWords[at] + nameWords[at + 1])) push(joined, 'joined', target.name, within, `${note}; "${nameWords[at]}" and "${nameWords[at + 1]}" joined`);
    }
  }

  // Split: a compound name word typed as the two catalog words it is made of (cheeseburger → cheese burger).
  nameWords.forEach((word, index) => {
    for (let cut = 3; cut <= word.length - 3; cut += 1) {
      const [left, right] = [word.slice(0, cut), word.slice(cut)];
      if (left.length >= 4 && right.length >= 4 && vocabulary.has(left) && vocabulary.has(right)) {
        push(replaced(nameWords, index, `${left} ${right}`), 'split', target.name, within, `${note}; "${word}" split into catalog words`);
        break;
      }
    }
  });

  // Plural or singular of the last word (stems must keep matching).
  const last = nameWords[nameWords.length - 1];
  if (last.length >= 4) {
    const other = /[^su]s$/.test(last) ? last.slice(0, -1) : /[^aeiou]y$/.test(last) ? `${last.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(last) ? `${last}es` : `${last}s`;
    push(replaced(nameWords, nameWords.length - 1, other), 'plural', target.name, within, `${note}; "${last}" as "${other}"`);
  }

  // Accents and case: upper case for some names, accents added to the vowels for others.
  const accented = nameWords.map((word) => word.replace(/e/, 'é').replace(/a(?=[^aeiou]*$)/, 'à')).join(' ');
  if (n % 2 === 0) push(target.name.toUpperCase(), 'accent', target.name, within, `${note}; upper case`);
  else if (accented !== nameWords.join(' ')) push(accented, 'accent', target.name, within, `${note}; accents the name does not have`);
  if (foldText(target.name) !== target.name.toLowerCase()) push(foldText(target.name), 'accent', target.name, within, `${note}; accents left out`);

  // Prefixes of the last word (1–4 letters after complete words; 3–4 letters of a one-word query).
  for (const letters of [1, 2, 3, 4] as const) {
    const kind = `prefix${letters}` as RelevanceKind;
    if (nameWords.length >= 2 && last.length >= letters + 2) {
      const typed = [...nameWords.slice(0, -1), last.slice(0, letters)].join(' ');
      const bound = prefixWithin(typed, target);
      if (bound) push(typed, kind, target.name, bound, `${note}; last word cut to ${letters}`);
    }
    const first = nameWords[0] ?? '';
    if (letters >= 3 && first.length >= letters + 2) {
      const typed = first.slice(0, letters);
      const bound = prefixWithin(typed, target);
      if (bound) push(typed, kind, target.name, bound, `${note}; first word cut to ${letters}, unambiguous in this catalog`);
    }
  }
});

// Description words: a word of exactly one dish's text, or a target's name word that other
// products have only in their description (the name match must rank first).
for (const dish of demoDishes) {
  const target = dish.name === 'Tiramisu' ? null : counts.get(dish.name)!;
  if (!target) continue;
  const own = new Set(words(dish.name));
  const only = [...new Set(words(dish.description))].filter((word) => word.length >= 6 && !own.has(word) && !elsewhere(word, dish.name));
  for (const word of only.slice(0, 3)) push(word, 'description', dish.name, 1, `demo menu; "${word}" is in this dish's description only`);
}
for (const target of demoTargets) {
  for (const word of words(target.name)) {
    const stem = word.slice(0, Math.max(5, word.length - 2));
    const inNames = all.filter((entry) => words(entry.name).some((w) => w.startsWith(stem)));
    const inDescriptions = [...(descriptionWords.get(word) ?? [])].filter((name) => name !== target.name).length;
    if (word.length >= 5 && inNames.length === 1 && inDescriptions > 0) {
      push(word, 'description', target.name, 1, `demo menu; the only name with "${word}", which ${inDescriptions} other names have in their descriptions`);
    }
  }
}
for (const target of fixedDishes) {
  for (const word of words(target.name)) {
    if (word.length < 6) continue;
    const inNames = all.filter((entry) => words(entry.name).includes(word));
    const share = target.count / inNames.reduce((total, entry) => total + entry.count, 0);
    const elsewhere = [...(descriptionWords.get(word) ?? [])].filter((name) => name !== target.name).length;
    if (share >= 0.8 && elsewhere > 0 && inNames.length > 0) {
      push(word, 'description', target.name, 3, `"${word}" names this dish and is in ${elsewhere} other names' descriptions`);
      break;
    }
  }
}

// Hand-written: compound name words typed as the two words they are made of ("ice cream" for
// "Icecream" in the issue), within 1 as whole names are.
for (const [q, name] of [
  ['cheese burger', 'Cheeseburger'],
  ['classic cheese burger', 'Classic Cheeseburger'],
  ['meat balls with sauce', 'Meatballs With Sauce'],
  ['cauli flower penne', 'Cauliflower Penne'],
  ['sea food paella', 'Seafood Paella'],
  ['risotto with sea food', 'Risotto With Seafood'],
  ['lemon ade', 'Fresh Lemonade'],
  ['fresh lemon ade', 'Fresh Lemonade'],
  ['tuna sa shimi', 'Tuna Sashimi'],
  ['pork belly bun s', 'Pork Belly Buns'],
] as const) {
  push(q, 'split', name, wholeNameWithin(counts.get(name)!), 'hand-written; a compound word typed apart');
}

// Hand-written misspellings guests really make (a first letter, both words, a common spelling),
// each kept only when every misspelt word passes the same test as the generated typos.
for (const [q, kind, name, intended] of [
  ['ceasar salad', 'transposition', 'Caesar Salad', { ceasar: 'caesar' }],
  ['vaesar salad', 'typo', 'Caesar Salad', { vaesar: 'caesar' }],
  ['caesar slaad', 'transposition', 'Caesar Salad', { slaad: 'salad' }],
  ['ceasar slaad', 'transposition', 'Caesar Salad', { ceasar: 'caesar', slaad: 'salad' }],
  ['spagetti carbonara', 'typo', 'Spaghetti Carbonara', { spagetti: 'spaghetti' }],
  ['expresso', 'typo', 'Espresso', { expresso: 'espresso' }],
  ['lasagna', 'typo', 'Lasagne', { lasagna: 'lasagne' }],
  ['fettucine alfredo', 'typo', 'Fettuccine Alfredo', { fettucine: 'fettuccine' }],
  ['pappardelle bolognaise', 'typo', 'Pappardelle Alla Bolognese', { bolognaise: 'bolognese' }],
  ['chili con carne', 'typo', 'Chilli Con Carne', { chili: 'chilli' }],
  ['cheesburger', 'typo', 'Cheeseburger', { cheesburger: 'cheeseburger' }],
  ['salmon nigri', 'typo', 'Salmon Nigiri', { nigri: 'nigiri' }],
  ['tiramisu', 'accent', 'Tiramisù', {}],
  ['margherita', 'exact', 'Pizza Margherita', {}],
  ['carbonara', 'exact', 'Pasta Carbonara', {}],
] as const) {
  const clear = Object.entries(intended).every(([typo, word]) => clearTypo(typo, word));
  const target = counts.get(name)!;
  // A whole name (as many words as the name, misspelt or not) as the generated cases; one word of it: top 3.
  const whole = words(q).length === words(name).length;
  if (clear) push(q, kind, name, whole ? wholeNameWithin(target) : 3, 'hand-written; a misspelling guests make, or one word of a name');
}

// Hand-written synonyms: the set (folded terms) is stored before the run, as staff would. Only
// where no name has the words typed, and the first word or the whole name anchors one dish (a bare
// "gyro" = "souvlaki" ties every "Greek Souvlaki" with "Souvlaki", so it says nothing).
for (const [q, name, set] of [
  ['fish and fries', 'Fish And Chips', ['chips', 'fries']],
  ['french chips with sausages', 'French Fries With Sausages', ['chips', 'fries']],
  ['fresh soda', 'Fresh Lemonade', ['lemonade', 'soda']],
  ['soft drink', 'Fresh Lemonade', ['lemonade', 'soft drink']],
  ['classic burger', 'Classic Cheeseburger', ['burger', 'cheeseburger']],
  ['bbq ribs', 'Barbecue Ribs', ['bbq', 'barbecue']],
  ['pappardelle ragu', 'Pappardelle Alla Bolognese', ['bolognese', 'ragu']],
  ['grilled trout', 'Grilled Salmon', ['salmon', 'trout']],
] as const) {
  const typed = words(q);
  const others = all.filter((entry) => entry.name !== name && typed.every((word) => words(entry.name).includes(word)));
  // A name with the very words typed is what the guest asked for: such a query is not a synonym case.
  if (others.length === 0) push(q, 'synonym', name, 1, `hand-written; synonym set ${set.join(' = ')}`, [...set]);
}

const file = path.join(process.cwd(), 'bench/search-relevance.json');
fs.writeFileSync(file, `${JSON.stringify(cases, null, 1).replace(/\n  +/g, ' ').replace(/\n }/g, ' }')}\n`);
const byKind = new Map<string, number>();
for (const item of cases) byKind.set(item.kind, (byKind.get(item.kind) ?? 0) + 1);
console.log(`${cases.length} cases → ${path.relative(process.cwd(), file)}: ${[...byKind].map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
