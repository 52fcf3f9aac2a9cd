import { errorBody } from './error-body';

describe(errorBody.name, () => {
  it.each([
    [400, ['name must be a string', 'price must be an integer'], 'Bad Request', 'name must be a string; price must be an integer', 2],
    [404, 'Cannot GET /nope', 'Not Found', 'Cannot GET /nope', undefined],
    [502, 'orders is unavailable', 'Bad Gateway', 'orders is unavailable', undefined],
  ])('maps %s with %j to the JSON error shape', (status, message, error, text, detailCount) => {
    const sut = errorBody(status, message, 'req-1');
    expect(sut).toMatchObject({ statusCode: status, error, message: text, requestId: 'req-1' });
    expect(sut.details?.length).toBe(detailCount);
  });
});
