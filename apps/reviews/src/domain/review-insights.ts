import { distributionOf, summarize } from './rating-aggregate';

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

/** What the insights need of one review. */
export interface AnalysedReview {
  id: string;
  rating: number;
  title: string | null;
  body: string;
  sentimentLabel: SentimentLabel;
  /** Polarity in [-1, 1]: P(positive) - P(negative). */
  sentimentScore: number;
  keyPhrases: readonly string[];
  createdAt: Date;
}

export type DisagreementKind = 'high_rating_negative_text' | 'low_rating_positive_text';

/**
 * When a rating and the text's sentiment disagree: 4–5 stars that read negative, or 1–2 stars
 * that read positive (3 stars and neutral text never disagree). Such reviews are worth a look:
 * a mis-click, sarcasm, or a complaint hidden behind a polite rating.
 */
export function disagreementOf(rating: number, label: SentimentLabel): DisagreementKind | null {
  if (rating >= 4 && label === 'negative') return 'high_rating_negative_text';
  if (rating <= 2 && label === 'positive') return 'low_rating_positive_text';
  return null;
}

export interface IsoWeek {
  /** `2025-W01` style, ISO 8601 week-numbering year. */
  week: string;
  /** The Monday the week starts on (UTC), `YYYY-MM-DD`. */
  weekStart: string;
}

const DAY_MS = 86_400_000;

/** The ISO 8601 week of an instant, in UTC. */
export function isoWeekOf(at: Date): IsoWeek {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = day - weekday * DAY_MS;
  // The week belongs to the year of its Thursday.
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { week: `${year}-W${String(week).padStart(2, '0')}`, weekStart: new Date(monday).toISOString().slice(0, 10) };
}

export interface SentimentCounts {
  positive: number;
  negative: number;
  neutral: number;
}

export interface PhraseCount {
  phrase: string;
  /** How many reviews mention it (a review repeating a phrase counts once). */
  count: number;
}

export interface WeeklyInsight extends IsoWeek {
  reviewCount: number;
  averageRating: number;
  /** Mean sentiment polarity of the week's reviews, in [-1, 1]. */
  averageSentiment: number;
  sentiment: SentimentCounts;
}

export interface Disagreement {
  reviewId: string;
  kind: DisagreementKind;
  rating: number;
  sentiment: { label: SentimentLabel; score: number };
  title: string | null;
  excerpt: string;
  createdAt: Date;
}

export interface ReviewInsights {
  reviewCount: number;
  averageRating: number;
  averageSentiment: number;
  sentiment: SentimentCounts;
  topPositivePhrases: PhraseCount[];
  topNegativePhrases: PhraseCount[];
  weekly: WeeklyInsight[];
  disagreements: Disagreement[];
}

export const INSIGHT_LIMITS = { phrases: 10, disagreements: 50, excerptChars: 200 } as const;

const round2 = (value: number) => Math.round(value * 100) / 100;

function emptyCounts(): SentimentCounts {
  return { positive: 0, negative: 0, neutral: 0 };
}

function meanSentiment(reviews: readonly AnalysedReview[]): number {
  return reviews.length === 0 ? 0 : round2(reviews.reduce((sum, review) => sum + review.sentimentScore, 0) / reviews.length);
}

function countLabels(reviews: readonly AnalysedReview[]): SentimentCounts {
  const counts = emptyCounts();
  for (const review of reviews) counts[review.sentimentLabel] += 1;
  return counts;
}

/** Phrases of the reviews with this label, by how many reviews mention them; ties alphabetical. */
function topPhrases(reviews: readonly AnalysedReview[], label: SentimentLabel): PhraseCount[] {
  const counts = new Map<string, number>();
  for (const review of reviews) {
    if (review.sentimentLabel !== label) continue;
    for (const phrase of new Set(review.keyPhrases.map((p) => p.trim().toLowerCase()).filter(Boolean))) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  }
  return [...counts]
    .map(([phrase, count]) => ({ phrase, count }))
    .sort((a, b) => b.count - a.count || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0))
    .slice(0, INSIGHT_LIMITS.phrases);
}

function excerptOf(body: string): string {
  return body.length <= INSIGHT_LIMITS.excerptChars ? body : `${body.slice(0, INSIGHT_LIMITS.excerptChars - 1)}…`;
}

/** Everything the insights report says about a product's reviews (the caller picks which reviews). */
export function buildInsights(reviews: readonly AnalysedReview[]): ReviewInsights {
  const byWeek = new Map<string, { week: IsoWeek; reviews: AnalysedReview[] }>();
  for (const review of reviews) {
    const week = isoWeekOf(review.createdAt);
    const bucket = byWeek.get(week.week) ?? { week, reviews: [] };
    bucket.reviews.push(review);
    byWeek.set(week.week, bucket);
  }
  const weekly = [...byWeek.values()]
    .sort((a, b) => (a.week.weekStart < b.week.weekStart ? -1 : 1))
    .map(({ week, reviews: inWeek }) => ({
      ...week,
      reviewCount: inWeek.length,
      averageRating: summarize(distributionOf(inWeek.map((r) => r.rating))).average,
      averageSentiment: meanSentiment(inWeek),
      sentiment: countLabels(inWeek),
    }));
  const disagreements = reviews
    .flatMap((review) => {
      const kind = disagreementOf(review.rating, review.sentimentLabel);
      return kind
        ? [
            {
              reviewId: review.id,
              kind,
              rating: review.rating,
              sentiment: { label: review.sentimentLabel, score: review.sentimentScore },
              title: review.title,
              excerpt: excerptOf(review.body),
              createdAt: review.createdAt,
            },
          ]
        : [];
    })
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.reviewId < b.reviewId ? 1 : -1))
    .slice(0, INSIGHT_LIMITS.disagreements);
  return {
    reviewCount: reviews.length,
    averageRating: summarize(distributionOf(reviews.map((r) => r.rating))).average,
    averageSentiment: meanSentiment(reviews),
    sentiment: countLabels(reviews),
    topPositivePhrases: topPhrases(reviews, 'positive'),
    topNegativePhrases: topPhrases(reviews, 'negative'),
    weekly,
    disagreements,
  };
}
