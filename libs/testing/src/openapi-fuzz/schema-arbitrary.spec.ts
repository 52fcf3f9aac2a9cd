import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { Schema, SchemaArbitraries } from './schema-arbitrary';

const components: Record<string, Schema> = {
  Money: { type: 'object', properties: { amount: { type: 'integer', minimum: 0 }, currency: { type: 'string', example: 'USD' } }, required: ['amount', 'currency'] },
  Line: {
    type: 'object',
    properties: { productId: { type: 'string', format: 'uuid' }, quantity: { type: 'number', minimum: 1, maximum: 999 } },
    required: ['productId', 'quantity'],
  },
  Order: {
    type: 'object',
    properties: {
      lines: { type: 'array', items: { $ref: '#/components/schemas/Line' }, minItems: 1, maxItems: 100 },
      fulfillment: { allOf: [{ type: 'object', properties: { type: { type: 'string', enum: ['pickup', 'delivery'] } }, required: ['type'] }] },
      note: { type: 'string', maxLength: 20, nullable: true },
      total: { $ref: '#/components/schemas/Money' },
      tags: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 5 }, maxItems: 2 },
      rush: { type: 'boolean' },
    },
    required: ['lines', 'fulfillment'],
  },
};

/** The schema as Ajv reads it: refs resolved against `components`, `nullable` as a null type. */
function validator(schema: Schema) {
  const ajv = new Ajv({ strict: false, allowUnionTypes: true });
  addFormats(ajv);
  const resolve = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(resolve);
    if (!node || typeof node !== 'object') return node;
    const s = node as Schema;
    if (typeof s.$ref === 'string') return resolve(components[s.$ref.split('/').pop()!]);
    const out: Schema = Object.fromEntries(Object.entries(s).map(([key, value]) => [key, resolve(value)]));
    if (out.nullable === true) {
      delete out.nullable;
      return { anyOf: [out, { type: 'null' }] };
    }
    return out;
  };
  return ajv.compile(resolve(schema) as object);
}

describe(SchemaArbitraries.name, () => {
  const known = ['6f1c2a8e-4b7d-4e4f-9a51-0c2b3d4e5f60'];
  const sut = new SchemaArbitraries({ components, knownIds: { productId: known } });
  const order = { $ref: '#/components/schemas/Order' };
  const valid = validator(order);

  it('generates values the schema accepts', () => {
    fc.assert(
      fc.property(sut.valid(order), (value) => {
        if (!valid(value)) throw new Error(`refused: ${JSON.stringify(valid.errors)}`);
      }),
      { numRuns: 150, seed: 1 },
    );
  });

  it('generates hostile values, most of which the schema refuses (the others carry text or numbers the schema cannot rule out: NUL, -1, 300,000 characters)', () => {
    const values = fc.sample(sut.invalid(order), { numRuns: 500, seed: 1 });
    const refused = values.filter((value) => !valid(value)).length / values.length;
    expect(refused).toBeGreaterThan(0.6);
  });

  it('draws ids from the known ones of that name about half of the time, read at each draw', () => {
    const ids = fc.sample(sut.valid({ type: 'string', format: 'uuid' }, 'productId'), { numRuns: 200, seed: 1 });
    const share = ids.filter((id) => id === known[0]).length / ids.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.7);
    known.push('0b6d7c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e');
    expect(fc.sample(sut.valid({ type: 'string', format: 'uuid' }, 'productId'), { numRuns: 200, seed: 1 })).toContain(known[1]);
  });

  it('gives a hinted name values of its kind only', () => {
    for (const country of fc.sample(sut.valid({ type: 'string' }, 'country'), 50)) expect(country).toMatch(/^[A-Z]{2}$/);
    for (const time of fc.sample(sut.valid({ type: 'string' }, 'open'), 50)) expect(time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
  });
});
