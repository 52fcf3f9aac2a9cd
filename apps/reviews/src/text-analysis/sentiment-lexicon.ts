// Small hand-written lexicons used as extra, dense features next to the learned word weights.
// They let the model generalise to opinion words that the corpus never used ("scrumptious",
// "flimsy"): the classifier learns how much to trust "a positive word", not each word alone.
// Entries are matched after stemming, so list base forms.
import { stem } from './text-normalizer';

const POSITIVE_WORDS = `
good great excellent amazing awesome fantastic wonderful perfect perfectly love loved lovely liked nice
delicious tasty yummy scrumptious flavorful flavourful fresh crispy crunchy tender juicy moist fluffy hot
best better superb outstanding brilliant incredible impressive impressed pleased happy glad satisfied delighted
thrilled recommend recommended enjoy enjoyed favourite favorite beautiful gorgeous pretty elegant stylish cute comfy
comfortable cozy cosy soft sturdy solid durable reliable quality premium well-made fast quick quickly prompt speedy
efficient friendly helpful polite kind courteous attentive professional generous worth value bargain affordable
reasonable accurate easy simple smooth quiet clean spotless neat tidy convenient handy useful practical
works working flawless flawlessly exceptional stellar phenomenal spectacular marvellous marvelous
terrific fabulous splendid divine heavenly exquisite authentic rich creamy crisp balanced seasoned spot-on
recommendable grateful appreciate appreciated pleasant pleasantly smiling smile wow yum joy
bright vibrant sharp responsive powerful strong sturdy hardy lightweight roomy spacious generous plenty
awesome top-notch superb wonderful exceeded exceeds beats charm charming adorable super fine decent solid
on-time punctual fixed resolved keeper winner gem lifesaver delight gorgeous
crispiest tastiest freshest yummiest comfiest softest warmest best-ever obsessed addictive addicted
fire banging bangin lush fab brill ace sublime immaculate impeccable faultless superior
warming hearty wholesome succulent fragrant aromatic zesty tangy buttery flaky velvety silky luxurious
roomy breathable waterproof watertight leakproof sturdier lasts lasting durable snug cosy cozy
intuitive seamless effortless effortlessly instantly quickly swiftly promptly courteous accommodating
`;

const NEGATIVE_WORDS = `
bad terrible awful horrible horrid dreadful poor poorly worst worse disappointing disappointed disappointment
disgusting gross nasty vile inedible bland tasteless stale soggy greasy oily burnt burned overcooked undercooked
raw rubbery chewy dry salty oversalted watery mushy lukewarm cold rotten spoiled spoilt sour rancid mouldy moldy
cheaply flimsy fragile broken broke break breaks cracked crack chipped dented scratched torn ripped
stained faded shrunk shrink shrank pilling pilled frayed loose wobbly rickety unstable leak leaks leaking leaked
leaky wobble wobbles rusty rusted peeling smelly stinks stink smells odor odour noisy loud useless worthless waste wasted
rude unhelpful unfriendly ignored ignore slow slowly late delayed delay missing missed lost wrong incorrect
mistake error defective faulty fault malfunction dead died dies fails failed failure fail stopped unusable
uncomfortable itchy scratchy overpriced pricey expensive ripoff rip-off scam fake counterfeit misleading
refund refunded return returned returning complaint complain complained problem problems issue issues hassle
annoying annoyed frustrating frustrated angry furious upset unhappy sad sadly unfortunately regret avoid never
mediocre meh average underwhelming overrated subpar inferior sloppy messy dirty filthy sticky hair bug bugs
cockroach sick ill nauseous poisoning vomit hate hated dislike disliked unacceptable ridiculous pathetic
horrendous atrocious abysmal appalling joke junk trash garbage crap rubbish sucks sucked ugh overheats
overheating melted burnt-out dull blunt dim weak squashed spilled spilt leaked
damaged damage unresponsive laggy glitchy crashes crashed freezes froze drains cancelled canceled overdue
clump clumps clumpy smudge smudges bleed bleeds kink kinks drip drips dripping disconnect disconnects
sweaty itch itches chafe chafes blister blisters rash pixelated blurry grainy fuzzy tunnel tunnels
snag snags tear tears ripping shatter shattered sag sags sagging bend bends flicker flickers
lag lags jam jams overheat leaky rattly squeaky creaky creaks stiff heavy clunky bulky fiddly
underwhelmed letdown downhill shoddy tacky scratchy lumpy gritty chalky slimy gristly fatty bony
`;

// Domain complaints: words that are neutral in general English but describe a failed order or a
// faulty product. General-purpose lexicons miss exactly these, which is why they score ~60 %.
const COMPLAINT_WORDS = `
cold lukewarm soggy late missing forgot forgotten wrong leak leaks leaking leaked broken broke stopped crack
cracked stain stained refund refunded return returned replacement smaller tight loose shrunk shrank faded
peeled peeling ripped torn hole holes dent dented scratch scratched spill spilled spilt squashed melted
waited waiting chargeback dispute cancel cancelled canceled undercooked overcooked raw burnt hair plastic
drops dropped dropping disconnected overcharged overcharge charged twice
smelled stuck jammed rattle rattles squeak squeaks wobble wobbles wobbly frozen expired dead dies died
snapped snap unravelled unraveled frayed flaked flakes bent warped rusty rust mould mold sticky stale limp
`;

function toStemSet(list: string): ReadonlySet<string> {
  const set = new Set<string>();
  for (const word of list.split(/\s+/)) {
    if (!word) continue;
    // Hyphenated entries document intent only; the tokenizer splits "spot-on" into two words, and
    // adding "on" or "off" as opinion words would be wrong.
    if (!word.includes('-')) set.add(stem(word));
  }
  return set;
}

// Strong words get an extra feature: "terrible fit" should outweigh "pretty colour".
const STRONG_WORDS = `
amazing excellent fantastic perfect perfection superb outstanding brilliant incredible best delicious love loved
wonderful awesome flawless exceptional phenomenal heavenly divine stunning gorgeous faultless impeccable
terrible awful horrible horrid worst disgusting inedible useless rubbish garbage junk appalling atrocious abysmal
pathetic hate hated horrendous avoid vile nasty dreadful scam ripoff unacceptable ridiculous trash disaster
`;

export const POSITIVE_STEMS = toStemSet(POSITIVE_WORDS);
export const STRONG_STEMS = toStemSet(STRONG_WORDS);
export const NEGATIVE_STEMS = toStemSet(NEGATIVE_WORDS);
export const COMPLAINT_STEMS = toStemSet(COMPLAINT_WORDS);

/** Words that flip the polarity of what follows them in the same clause. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'none',
  'nobody',
  'nowhere',
  'neither',
  'nor',
  'without',
  'hardly',
  'barely',
  'scarcely',
  'lack',
  'lacks',
  'lacked',
  'lacking',
]);

/** Soften or strengthen the next word; kept as features, and used by the key-phrase extractor. */
export const INTENSIFIERS: ReadonlySet<string> = new Set([
  'very',
  'really',
  'so',
  'too',
  'extremely',
  'super',
  'incredibly',
  'absolutely',
  'totally',
  'completely',
  'utterly',
  'truly',
  'quite',
  'pretty',
  'highly',
  'seriously',
  'insanely',
  'ridiculously',
  'unbelievably',
  'exceptionally',
  'remarkably',
  'awfully',
  'terribly',
  'damn',
  'way',
  'beyond',
  'most',
  'more',
  'less',
  'bit',
  'slightly',
  'somewhat',
  'rather',
  'fairly',
  'kinda',
  'kind',
  'sort',
  'overly',
  'amazingly',
  'just',
]);

/** Contrast words: the clause after "but"/"however" outweighs the one before it. */
export const CONTRAST_AFTER: ReadonlySet<string> = new Set(['but', 'however', 'yet', 'except', 'though', 'nevertheless', 'nonetheless', 'unfortunately', 'sadly']);
/** Concessive openers: "although X, Y" — the clause they open is the weaker one. */
export const CONCESSIVE: ReadonlySet<string> = new Set(['although', 'though', 'despite', 'while', 'whilst', 'even']);

// Multi-word expressions whose words are neutral one by one. "*" matches any single word.
// Matched on stemmed tokens after contractions are expanded ("didn't" -> "did not").
const POSITIVE_PHRASES = `
worth every penny | worth the money | worth it | worth the wait | worth the price | to die for | melt in * mouth
out of their way | on the house | like a charm | hit the spot | hits the spot | made it right | spot on
top notch | a steal | go to | fell in love | in love with | blown away | over the moon | second to none
keeps * cold | keeps * hot | keeps * warm | kept * warm | kept * dry | stays cold | stays hot | still hot
piping hot | still works | still going | works like | as described | as pictured | true to size | fits perfectly
as expected | better than expected | more than expected | exceeded * expectations | does the job | did the job
does what it says | buy again | order again | ordered again | buying again | be back | come back | coming back
five stars | 5 stars | ten out of ten | 10 out of 10 | thank you | thanks so much | highly recommend
well made | well built | well packed | well packaged | well worth | well done | well priced | value for money
easy to use | easy to clean | easy to assemble | easy to set up | no time | in seconds | lasts all day
all day | for hours | so comfy | fit perfectly | right away | straight away | same day | next day | on time
early | earlier than | ahead of time | no complaints | no issues | no problems | no problem | zero issues
zero complaints | nothing to complain | never lets * down | never let * down | never fails | never disappoints
can't wait | cannot wait | can't beat | can't go wrong | can't fault | couldn't fault | would buy again | again and again
first time | every time I | made a difference | big difference | love it | loved it | love them | love this
a star | a gem | a hit | a winner | a keeper | a treat | a delight | a lifesaver | a bargain | a must
`;

const NEGATIVE_PHRASES = `
send * back | sent * back | sending * back | take * back | took * back | money back | my money | asked for a refund
fell apart | falls apart | falling apart | came apart | come apart | came off | come off | came loose | fell off
falls off | gave up | give up | went off | gone off | turned off | shut off | stopped working | stop working
quit working | no longer works | took * hours | took * hour | took * minutes | took * weeks | took * days
took ages | took forever | takes forever | hours late | hour late | minutes late | days late | weeks late
still waiting | on hold | never came | never arrived | never showed | never turned up | never received
not received | not recieved | not as described | not as pictured | not as advertised | nothing like
smaller than | thinner than | shorter than | lighter than the | darker than | different from the | different than
instead of | wrong size | wrong colour | wrong color | wrong item | wrong order | wrong address
in the bin | in the trash | straight in the bin | threw * away | thrown away | waste of | a joke | let down
letdown | rip off | ripped off | you get what you pay for | at best | so called | wouldn't recommend
last time | used to be | not the same | no longer | once again | yet again | every time
too small | too big | too tight | too short | too long | too thin | too salty | too sweet | too greasy
zero stars | one star | 1 star | no stars | give it zero | minus stars | too expensive | too loud | too hot to | too late | too slow | too much | went wrong
let * down | lets * down | let down | fobbed off | passed around | no reply | no response | no answer | no one
not worth | won't be back | will not be back | not again | never again | not coming back | not ordering again
dead on arrival | doa | out of the box | within a week | within a month | after a week | after a month
after two weeks | after a few uses | after one wash | after the first wash | first wash | a few days later
in pieces | in half | all over | leaked all over | everywhere | mostly ice | mostly bone | half empty | half the
only work | only works | only worked | only one | only half | only charges | only lasted | only lasts
`;

function toPhraseTable(list: string): ReadonlyMap<string, string[][]> {
  const table = new Map<string, string[][]>();
  for (const phrase of list.split(/[|\n]/)) {
    const words = phrase.trim().split(/\s+/).filter(Boolean);
    if (!words.length) continue;
    // Contractions in phrase entries are expanded like the tokenizer does ("wouldn't" -> "would not").
    const stems = words.flatMap((w) => (w.endsWith("n't") ? [w.slice(0, -3), 'not'] : [w])).map((w) => (w === '*' ? w : stem(w)));
    const bucket = table.get(stems[0]) ?? [];
    bucket.push(stems);
    table.set(stems[0], bucket);
  }
  return table;
}

export const POSITIVE_PHRASE_TABLE = toPhraseTable(POSITIVE_PHRASES);
export const NEGATIVE_PHRASE_TABLE = toPhraseTable(NEGATIVE_PHRASES);

/** Length of the longest phrase of `table` that starts at `stems[i]`, or 0. */
export function matchPhrase(table: ReadonlyMap<string, string[][]>, stems: readonly string[], i: number): number {
  let best = 0;
  for (const phrase of table.get(stems[i]) ?? []) {
    if (phrase.length <= best || i + phrase.length > stems.length) continue;
    if (phrase.every((p, k) => p === '*' || p === stems[i + k])) best = phrase.length;
  }
  return best;
}
