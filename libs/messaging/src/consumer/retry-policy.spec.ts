import { retryDelayMs } from './retry-policy';

describe(retryDelayMs.name, () => {
  it.each([
    // attempt, base, random, expected
    [1, 200, 0, 100],
    [1, 200, 1, 200],
    [2, 200, 1, 400],
    [3, 200, 0.5, 600],
    [4, 200, 1, 1600],
    [20, 200, 1, 10_000],
    [20, 200, 0, 5_000],
  ])('waits for attempt %i (base %i ms, random %f) %i ms', (attempt, base, random, expected) => {
    expect(retryDelayMs(attempt, base, 10_000, () => random)).toBe(expected);
  });
});
