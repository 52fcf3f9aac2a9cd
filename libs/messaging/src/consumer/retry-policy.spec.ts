import { DomainError, ErrorTransports } from '@galley/errors';
import { isPermanentEventFailure, PermanentEventError, retryDelayMs } from './retry-policy';

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

class TestError extends DomainError<'GONE' | 'BUSY'> {
  constructor(code: 'GONE' | 'BUSY') {
    super(code, `test ${code}`);
  }

  get transports(): ErrorTransports<'GONE' | 'BUSY'> {
    return { httpStatus: (code) => (code === 'GONE' ? 404 : 503), event: (code) => (code === 'GONE' ? 'dead-letter' : 'retry') };
  }
}

describe(isPermanentEventFailure.name, () => {
  it.each([
    ['a PermanentEventError', new PermanentEventError('no such order'), true],
    ['a domain error its service maps to dead-letter', new TestError('GONE'), true],
    ['a domain error its service maps to retry', new TestError('BUSY'), false],
    ['any other error (a dropped connection)', new Error('Connection terminated unexpectedly'), false],
    ['a thrown non-error', 'oops', false],
  ])('is %s when given %s', (_what, error, expected) => {
    expect(isPermanentEventFailure(error)).toBe(expected);
  });
});
