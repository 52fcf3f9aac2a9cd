import { randomUUID } from 'node:crypto';
import { AnalysedReview, buildInsights, disagreementOf, DisagreementKind, isoWeekOf, SentimentLabel } from './review-insights';

describe(disagreementOf.name, () => {
  it.each<[number, SentimentLabel, DisagreementKind | null]>([
    [5, 'negative', 'high_rating_negative_text'],
    [4, 'negative', 'high_rating_negative_text'],
    [5, 'positive', null],
    [5, 'neutral', null],
    [3, 'negative', null],
    [3, 'positive', null],
    [2, 'positive', 'low_rating_positive_text'],
    [1, 'positive', 'low_rating_positive_text'],
    [1, 'negative', null],
    [1, 'neutral', null],
  ])('%i stars reading %s: %s', (rating, label, kind) => {
    expect(disagreementOf(rating, label)).toBe(kind);
  });
});

describe(isoWeekOf.name, () => {
  it.each<[string, string, string]>([
    ['2025-03-05T12:00:00Z', '2025-W10', '2025-03-03'],
    ['2025-03-03T00:00:00Z', '2025-W10', '2025-03-03'],
    ['2025-03-09T23:59:59Z', '2025-W10', '2025-03-03'],
    // Week 1 is the week with the year's first Thursday: 2024-12-30 belongs to 2025-W01.
    ['2024-12-30T08:00:00Z', '2025-W01', '2024-12-30'],
    // 2021-01-01 is a Friday: it belongs to the last week of 2020 (W53).
    ['2021-01-01T08:00:00Z', '2020-W53', '2020-12-28'],
    ['2026-12-31T08:00:00Z', '2026-W53', '2026-12-28'],
  ])('puts %s in %s starting %s', (at, week, weekStart) => {
    expect(isoWeekOf(new Date(at))).toEqual({ week, weekStart });
  });
});

describe(buildInsights.name, () => {
  const review = (rating: number, label: SentimentLabel, score: number, keyPhrases: string[], at: string): AnalysedReview => ({
    id: randomUUID(),
    rating,
    title: null,
    body: `${rating} stars`,
    sentimentLabel: label,
    sentimentScore: score,
    keyPhrases,
    createdAt: new Date(at),
  });

  it('summarises nothing as zeros', () => {
    expect(buildInsights([])).toEqual({
      reviewCount: 0,
      averageRating: 0,
      averageSentiment: 0,
      sentiment: { positive: 0, negative: 0, neutral: 0 },
      topPositivePhrases: [],
      topNegativePhrases: [],
      weekly: [],
      disagreements: [],
    });
  });

  it('counts labels and phrases per review, groups by ISO week and lists disagreements newest first', () => {
    const complaint = review(5, 'negative', -0.8, ['cold pizza', 'rude staff'], '2025-03-11T10:00:00Z');
    const praise = review(1, 'positive', 0.6, ['friendly staff'], '2025-03-04T10:00:00Z');
    const reviews = [
      review(5, 'positive', 0.9, ['crispy crust', 'Friendly staff', 'friendly staff'], '2025-03-03T10:00:00Z'),
      review(4, 'positive', 0.5, ['crispy crust'], '2025-03-05T10:00:00Z'),
      praise,
      review(2, 'negative', -0.7, ['cold pizza'], '2025-03-10T10:00:00Z'),
      complaint,
      review(3, 'neutral', 0, ['delivery time'], '2025-03-12T10:00:00Z'),
    ];
    const sut = buildInsights(reviews);
    expect(sut).toMatchObject({
      reviewCount: 6,
      averageRating: 3.33,
      averageSentiment: 0.08,
      sentiment: { positive: 3, negative: 2, neutral: 1 },
      // Ties in alphabetical order; "Friendly staff" twice in one review counts once.
      topPositivePhrases: [
        { phrase: 'crispy crust', count: 2 },
        { phrase: 'friendly staff', count: 2 },
      ],
      topNegativePhrases: [
        { phrase: 'cold pizza', count: 2 },
        { phrase: 'rude staff', count: 1 },
      ],
      weekly: [
        { week: '2025-W10', weekStart: '2025-03-03', reviewCount: 3, averageRating: 3.33, averageSentiment: 0.67, sentiment: { positive: 3, negative: 0, neutral: 0 } },
        { week: '2025-W11', weekStart: '2025-03-10', reviewCount: 3, averageRating: 3.33, averageSentiment: -0.5, sentiment: { positive: 0, negative: 2, neutral: 1 } },
      ],
    });
    expect(sut.disagreements.map((d) => [d.reviewId, d.kind])).toEqual([
      [complaint.id, 'high_rating_negative_text'],
      [praise.id, 'low_rating_positive_text'],
    ]);
  });

  it('cuts long bodies to an excerpt', () => {
    const long = { ...review(5, 'negative', -0.9, [], '2025-03-03T10:00:00Z'), body: 'x'.repeat(500) };
    const [disagreement] = buildInsights([long]).disagreements;
    expect(disagreement.excerpt).toHaveLength(200);
    expect(disagreement.excerpt.endsWith('…')).toBe(true);
  });
});
