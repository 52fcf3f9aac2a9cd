/** The star ratings a review can give. */
export const STARS = [1, 2, 3, 4, 5] as const;
export type Star = (typeof STARS)[number];

/** How many visible reviews gave each star rating; keys are the ratings as strings, as on the wire. */
export type RatingDistribution = Record<'1' | '2' | '3' | '4' | '5', number>;

/** A product's rating over its visible reviews. */
export interface RatingSummary {
  average: number;
  count: number;
  distribution: RatingDistribution;
}

export function emptyDistribution(): RatingDistribution {
  return { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
}

export function isStar(value: number): value is Star {
  return Number.isInteger(value) && value >= 1 && value <= 5;
}

/** The distribution of these ratings (what counts as visible is the caller's choice). */
export function distributionOf(ratings: Iterable<number>): RatingDistribution {
  const distribution = emptyDistribution();
  for (const rating of ratings) {
    if (!isStar(rating)) throw new RangeError(`${rating} is not a star rating`);
    distribution[String(rating) as keyof RatingDistribution] += 1;
  }
  return distribution;
}

/** The distribution from per-rating counts (as a GROUP BY gives them). */
export function distributionFromCounts(counts: Iterable<{ rating: number; count: number }>): RatingDistribution {
  const distribution = emptyDistribution();
  for (const { rating, count } of counts) {
    if (!isStar(rating)) throw new RangeError(`${rating} is not a star rating`);
    distribution[String(rating) as keyof RatingDistribution] += count;
  }
  return distribution;
}

/**
 * Count and mean of a distribution; the mean is rounded to two decimals (what clients show and
 * sort by) and is 0 when there are no ratings.
 */
export function summarize(distribution: RatingDistribution): RatingSummary {
  let count = 0;
  let sum = 0;
  for (const star of STARS) {
    const n = distribution[String(star) as keyof RatingDistribution];
    count += n;
    sum += star * n;
  }
  return { average: count === 0 ? 0 : Math.round((sum * 100) / count) / 100, count, distribution: { ...distribution } };
}

export function sameDistribution(a: RatingDistribution, b: RatingDistribution): boolean {
  return STARS.every((star) => a[String(star) as keyof RatingDistribution] === b[String(star) as keyof RatingDistribution]);
}

/**
 * How far a stored distribution is from the one the reviews give: per star, actual minus stored.
 * Only stars that differ are listed; an empty object means no drift.
 */
export function driftOf(stored: RatingDistribution, actual: RatingDistribution): Partial<RatingDistribution> {
  const drift: Partial<RatingDistribution> = {};
  for (const star of STARS) {
    const key = String(star) as keyof RatingDistribution;
    if (stored[key] !== actual[key]) drift[key] = actual[key] - stored[key];
  }
  return drift;
}

/** What of a review matters to its product's rating: whether it counts, and its stars. */
export interface RatedState {
  visible: boolean;
  rating: number;
}

/** Whether going from `before` to `after` (null: no review) changes the product's rating. */
export function affectsRating(before: RatedState | null, after: RatedState | null): boolean {
  const counted = (state: RatedState | null) => (state?.visible ? state.rating : null);
  return counted(before) !== counted(after);
}
