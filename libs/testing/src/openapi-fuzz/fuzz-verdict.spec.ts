import { FuzzRequest } from './fuzz-requests';
import { ExpectedAccess, FuzzAnswer, fuzzAnswerProblems } from './fuzz-verdict';

const request: FuzzRequest = { operation: 'GET /api/orders', method: 'GET', url: '/api/orders', caller: { name: 'anonymous' }, headers: {}, intent: 'valid' };
const answer = (status: number, text = '{}', headers: Record<string, string> = {}): FuzzAnswer => ({ status, text, headers: new Headers(headers), millis: 1 });
const BEARER = { 'www-authenticate': 'Bearer' };

describe(fuzzAnswerProblems.name, () => {
  it.each<[string, FuzzAnswer, ExpectedAccess, string[]]>([
    ['a 200 where allowed', answer(200), 'allow', []],
    ['a 400 where allowed', answer(400, '{"message":"limit must not be less than 1"}'), 'allow', []],
    ['a 500', answer(500), 'allow', ['answered 500']],
    ['a 503', answer(503), 'allow', ['answered 503']],
    ['a stack trace in JSON', answer(400, '{"message":"x","stack":"Error: x\\n    at Foo.bar (/app/dist/x.js:10:5)"}'), 'allow', ['the body shows a stack trace']],
    ['a file position', answer(404, 'not found in orders.service.ts:42:7'), 'allow', ['the body shows a stack trace']],
    ['a Postgres error', answer(400, '{"message":"invalid input syntax for type uuid: \\"x\\""}'), 'allow', ['the body shows SQL or a database error']],
    ['a query', answer(400, '{"message":"SELECT id FROM orders.orders WHERE id = $1"}'), 'allow', ['the body shows SQL or a database error']],
    ['a constraint', answer(409, 'duplicate key value violates unique constraint "x"'), 'allow', ['the body shows SQL or a database error']],
    ['an echoed quote', answer(400, `{"message":"email must be an email"}`), 'allow', []],
    ['a 401 challenge where a token is needed', answer(401, '{}', BEARER), 'unauthenticated', []],
    ['a 200 where a token is needed', answer(200), 'unauthenticated', ['the policy needs a token this caller lacks, yet it answered 200 (expected 401 with a Bearer challenge)']],
    [
      'a 401 without a challenge where a token is needed',
      answer(401),
      'unauthenticated',
      ['the policy needs a token this caller lacks, yet it answered 401 (expected 401 with a Bearer challenge)'],
    ],
    ['a 403 where the role is too low', answer(403), 'forbidden', []],
    ['a 201 where the role is too low', answer(201), 'forbidden', ['the policy refuses this role, yet it answered 201 (expected 403)']],
    ['a 404 where no route exists', answer(404), 'no route', []],
    ['a 401 where no route exists', answer(401, '{}', BEARER), 'no route', ['no route exists, yet it answered 401 (expected 404)']],
    ['a gateway refusal of an allowed caller', answer(401, '{}', BEARER), 'allow', ['the policy lets this caller in, yet it was refused with a Bearer challenge (401)']],
    ["a route's own 401 (wrong password)", answer(401), 'allow', []],
    ['the rate limit before the policy', answer(429), 'forbidden', []],
  ])('%s', (_case, given, expected, problems) => {
    expect(fuzzAnswerProblems(request, given, expected)).toEqual(problems);
  });

  it('counts no answer as a problem, unless the request was past the limits', () => {
    const none: FuzzAnswer = { ...answer(0, ''), error: 'fetch failed (ECONNRESET)' };
    expect(fuzzAnswerProblems(request, none, 'allow')).toEqual(['no answer: fetch failed (ECONNRESET)']);
    expect(fuzzAnswerProblems({ ...request, url: `/api/orders?q=${'x'.repeat(9000)}` }, none, 'allow')).toEqual([]);
  });
});
