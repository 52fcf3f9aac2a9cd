import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';

/** published: counted and listed; held: waiting for a moderator (abusive language); hidden: removed by a moderator. */
export const REVIEW_STATUSES = ['published', 'held', 'hidden'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export type ModerationAction = 'hide' | 'restore';

// Built once: compiling the dataset's patterns is the expensive part.
const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/** The distinct abusive words found in the text (obscenity's English dataset, with its variant-folding transformers). */
export function abusiveWordsIn(text: string): string[] {
  const words = matcher.getAllMatches(text, true).map((match) => englishDataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord ?? 'unknown');
  return [...new Set(words)];
}

export interface ModerationOutcome {
  status: ReviewStatus;
  /** Why a review is held or hidden; null when it is published. */
  reason: string | null;
}

/**
 * The status of a review after its author wrote (or rewrote) it. A moderator's hide stands
 * through edits; otherwise abusive language holds the review and clean text publishes it (so an
 * author who cleans up a held review gets it published).
 */
export function statusAfterWrite(previous: ModerationOutcome | undefined, text: { title: string | null; body: string }): ModerationOutcome {
  if (previous?.status === 'hidden') return previous;
  const words = abusiveWordsIn([text.title ?? '', text.body].join('\n'));
  return words.length > 0 ? { status: 'held', reason: `abusive language: ${words.join(', ')}` } : { status: 'published', reason: null };
}

/** A moderator's decision; both are idempotent, and restoring a held review publishes it. */
export function statusAfterModeration(action: ModerationAction): ModerationOutcome {
  switch (action) {
    case 'hide':
      return { status: 'hidden', reason: 'hidden by a moderator' };
    case 'restore':
      return { status: 'published', reason: null };
    default:
      return unknownAction(action);
  }
}

function unknownAction(action: never): never {
  throw new Error(`unknown moderation action ${String(action)}`);
}

/** Only published reviews are listed publicly and count in the product's rating. */
export function isVisible(status: ReviewStatus): boolean {
  return status === 'published';
}
