import { OpenApiResponseValidator } from './openapi-response-validator';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const document = {
  paths: {
    '/api/things/{id}': {
      get: {
        responses: {
          '200': { description: 'ok', ...json({ $ref: '#/components/schemas/Thing' }) },
          '4XX': { description: 'error', ...json({ $ref: '#/components/schemas/Error' }) },
        },
      },
    },
    '/api/things/stream': { get: { responses: { '200': { description: 'sse', content: { 'text/event-stream': { schema: { type: 'string' } } } } } } },
    '/api/things': { delete: { responses: { '204': { description: 'gone' } } } },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'note', 'price'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          note: { type: 'string', nullable: true },
          price: { $ref: '#/components/schemas/Money' },
        },
      },
      Money: { type: 'object', required: ['amount'], properties: { amount: { type: 'integer' } } },
      Error: { type: 'object', required: ['statusCode'], properties: { statusCode: { type: 'number' } } },
    },
  },
};
const thing = { id: '3f2a7c1e-9d4b-4c61-8f0a-2b6e5d7c9a10', note: null, price: { amount: 100 } };
const answer = (overrides: object) => ({
  method: 'GET',
  path: `/api/things/${thing.id}?x=1`,
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: thing,
  ...overrides,
});

describe(OpenApiResponseValidator.name, () => {
  const sut = new OpenApiResponseValidator(document);

  it.each([
    ['a documented body', {}],
    ['a status matched by its 4XX range', { status: 404, body: { statusCode: 404 } }],
    ['an empty documented answer', { method: 'DELETE', path: '/api/things', status: 204, body: undefined, contentType: null }],
    ['an event stream on a literal path before the template', { path: '/api/things/stream', contentType: 'text/event-stream', body: 'id: 1' }],
  ])('accepts %s', (_case, overrides) => {
    expect(sut.problems(answer(overrides))).toEqual([]);
  });

  it.each([
    ['an undocumented operation', { method: 'POST' }, 'POST /api/things/3f2a7c1e-9d4b-4c61-8f0a-2b6e5d7c9a10 is not a documented operation'],
    ['an undocumented status', { status: 500 }, 'GET /api/things/{id} answered 500, which is not documented (documented: 200, 4XX)'],
    ['a wrong type behind a $ref', { body: { ...thing, price: { amount: 1.5 } } }, 'GET /api/things/{id} 200: body/price/amount must be integer'],
    ['an undocumented property', { body: { ...thing, secret: 1 } }, 'GET /api/things/{id} 200: body must NOT have additional properties (secret)'],
    ['a bad format', { body: { ...thing, id: 'nope' } }, 'GET /api/things/{id} 200: body/id must match format "uuid"'],
    [
      'a JSON body where none is documented',
      { method: 'DELETE', path: '/api/things', status: 204 },
      'DELETE /api/things 204 answered a JSON body, but the document gives it no application/json schema',
    ],
  ])('names %s', (_case, overrides, problem) => {
    expect(sut.problems(answer(overrides))).toContain(problem);
  });

  it('throws with the problems, the body and how to turn the check off', () => {
    expect(() => sut.assert(answer({ status: 500, body: { boom: true } }))).toThrow(/answered 500[\s\S]*"boom":true[\s\S]*GALLEY_VALIDATE_RESPONSES=0/);
  });
});
