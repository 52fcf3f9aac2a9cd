import fc from 'fast-check';
import { NASTY_NUMBERS, NASTY_STRINGS } from './nasty-values';

/** An OpenAPI 3.0 schema object, as the merged document has them (JSON Schema plus `nullable`, `example`). */
export type Schema = Record<string, unknown>;

export interface SchemaArbitraryOptions {
  /** `#/components/schemas/...` targets. */
  components: Record<string, Schema>;
  /**
   * Ids that exist, by the name of the property or parameter that takes them (`productId`,
   * `orderId`...): a `format: uuid` value of that name is one of these about half of the time (of
   * any kind when the name is not listed), so valid requests reach past the 404 of an unknown id.
   * The lists are read at each draw, so a run may add the ids its requests created.
   */
  knownIds?: Readonly<Record<string, readonly string[]>>;
  /** Longest array a valid value gets (documents allow 100 texts of 5,000 characters: too slow to fuzz). */
  maxItems?: number;
}

/**
 * Any storable code point, mostly printable ASCII: no NUL, no lone surrogate, no C0 control
 * (fast-check's `binary` unit is all of Unicode but about 80 times slower to generate).
 */
const CODE_POINT = fc
  .oneof({ weight: 3, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) }, fc.integer({ min: 0xa0, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0x10ffff }))
  .map((code) => String.fromCodePoint(code));

/** Valid values for a property by its name, where the schema alone would almost never produce one. */
const HINTS: Array<[RegExp, fc.Arbitrary<unknown>]> = [
  [/email/i, fc.emailAddress({ size: 'xsmall' })],
  [/^country$/, fc.constantFrom('GB', 'FR', 'US', 'DE')],
  [/^currency$/, fc.constantFrom('USD')],
  [/^timeZone$/, fc.constantFrom('Europe/Berlin', 'UTC', 'America/New_York')],
  [/^(open|close)$/, fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)],
  [/^date$/, fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))],
];

/**
 * fast-check arbitraries from the JSON schemas of an OpenAPI document: `valid` values that satisfy
 * the schema (with a bias to its examples and known ids, so requests get past validation), and
 * `invalid` ones that break it in exactly one place (a missing required property, a wrong type, a
 * value out of range, text Postgres cannot store...), shrinking towards the smallest such value.
 */
export class SchemaArbitraries {
  private readonly maxItems: number;

  constructor(private readonly options: SchemaArbitraryOptions) {
    this.maxItems = options.maxItems ?? 3;
  }

  /** The schema a `$ref` points to, `allOf` merged into one. */
  resolve(schema: Schema | undefined): Schema {
    let current = schema ?? {};
    for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
      const name = (current.$ref as string).replace('#/components/schemas/', '');
      const target = this.options.components[name];
      if (!target) throw new Error(`unknown schema ${current.$ref as string}`);
      current = target;
    }
    if (Array.isArray(current.allOf)) {
      const { allOf, ...rest } = current;
      return (allOf as Schema[])
        .map((part) => this.resolve(part))
        .reduce<Schema>(
          (merged, part) => ({
            ...merged,
            ...part,
            properties: { ...(merged.properties as object), ...(part.properties as object) },
            required: [...((merged.required as string[]) ?? []), ...((part.required as string[]) ?? [])],
          }),
          rest,
        );
    }
    return current;
  }

  valid(schema: Schema | undefined, name = '', depth = 0): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    const value = this.validNonNull(s, name, depth);
    return s.nullable === true ? fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }) : value;
  }

  private validNonNull(s: Schema, name: string, depth: number): fc.Arbitrary<unknown> {
    if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
    const choices = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
    if (choices) return fc.oneof(...choices.map((choice) => this.valid(choice, name, depth + 1)));
    const examples = s.example !== undefined ? [fc.constant(s.example)] : [];
    switch (typeOf(s)) {
      case 'object':
        return this.validObject(s, depth);
      case 'array': {
        const maxLength = Math.min(this.maxItems, (s.maxItems as number | undefined) ?? this.maxItems);
        const minLength = Math.min((s.minItems as number | undefined) ?? 0, maxLength);
        const items = fc.array(this.valid(s.items as Schema, name, depth + 1), { minLength, maxLength });
        return s.example !== undefined && Array.isArray(s.example) && s.example.length <= maxLength && s.example.length >= minLength
          ? fc.oneof(fc.constant(s.example), items)
          : items;
      }
      case 'integer':
      case 'number': {
        // Small non-negative integers unless the schema says otherwise: counts, amounts and limits are, and documents often leave it unsaid.
        const min = (s.minimum as number | undefined) ?? 0;
        const max = (s.maximum as number | undefined) ?? Math.max(min + 1000, 1000);
        const integers = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
        // Integers for `number` too: documents say number where the services want integers (quantity, limit); fractions are in `invalid`.
        return fc.oneof(...examples, integers);
      }
      case 'boolean':
        return fc.boolean();
      case 'string':
        return this.validString(s, name, examples);
      default:
        return fc.jsonValue({ maxDepth: 1 });
    }
  }

  private validString(s: Schema, name: string, examples: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown> {
    if (s.format === 'uuid') {
      const random = fc.uuid({ version: 4 });
      const byName = this.options.knownIds ?? {};
      // Read when a value is drawn: the lists may grow while the run goes (ids the API handed out).
      const known = fc.nat().map((i) => {
        const ids = byName[name] ?? Object.values(byName).flat();
        return ids.length ? ids[i % ids.length] : '00000000-0000-4000-8000-000000000000';
      });
      return fc.oneof(known, random);
    }
    if (s.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    if (s.format === 'binary') return fc.uint8Array({ maxLength: 64 });
    const minLength = (s.minLength as number | undefined) ?? 0;
    const maxLength = Math.min((s.maxLength as number | undefined) ?? 40, 60);
    const hinted = HINTS.filter(([pattern]) => pattern.test(name)).map(([, arbitrary]) => arbitrary);
    // One code point a unit, as JSON Schema (and class-validator) count a length (a grapheme may be several).
    const text = fc.string({ unit: CODE_POINT, minLength: Math.min(minLength, maxLength), maxLength: Math.max(minLength, maxLength) });
    // A hinted name (email, country, HH:MM...) takes only values of its kind: random text there is invalid, not valid.
    return hinted.length ? fc.oneof(...examples, ...hinted) : fc.oneof(...examples, text);
  }

  private validObject(s: Schema, depth: number): fc.Arbitrary<unknown> {
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    const required = new Set((s.required as string[] | undefined) ?? []);
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, property] of Object.entries(properties)) record[key] = this.valid(property, key, depth + 1);
    if (Object.keys(record).length === 0) return fc.constant({});
    return fc.record(record, { requiredKeys: [...required].filter((key) => key in record) });
  }

  /** A value of the schema's shape that breaks it in one place, or a value of another type altogether. */
  invalid(schema: Schema | undefined, name = '', depth = 0): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    const options: fc.Arbitrary<unknown>[] = [this.wrongType(s)];
    switch (typeOf(s)) {
      case 'object': {
        const properties = (s.properties ?? {}) as Record<string, Schema>;
        const keys = Object.keys(properties);
        const required = ((s.required as string[] | undefined) ?? []).filter((key) => key in properties);
        const base = this.validObject(s, depth + 1) as fc.Arbitrary<Record<string, unknown>>;
        if (required.length) {
          options.push(fc.tuple(base, fc.constantFrom(...required)).map(([value, key]) => withoutKey(value, key)));
        }
        if (keys.length && depth < 4) {
          options.push(fc.constantFrom(...keys).chain((key) => fc.tuple(base, this.invalid(properties[key], key, depth + 1)).map(([value, bad]) => ({ ...value, [key]: bad }))));
        }
        options.push(fc.tuple(base, fc.constantFrom('__proto__', 'constructor', 'unknownField', '$where', 'id', 'role')).map(([value, key]) => withKey(value, key, true)));
        break;
      }
      case 'array': {
        const items = s.items as Schema | undefined;
        if (items && depth < 4)
          options.push(fc.tuple(fc.array(this.valid(items, name, depth + 1), { maxLength: 2 }), this.invalid(items, name, depth + 1)).map(([good, bad]) => [...good, bad]));
        if (typeof s.minItems === 'number' && s.minItems > 0) options.push(fc.constant([]));
        if (typeof s.maxItems === 'number')
          options.push(fc.constant(Array.from({ length: (s.maxItems as number) + 1 }, () => (items && typeOf(this.resolve(items)) === 'string' ? 'x' : 1))));
        break;
      }
      case 'integer':
      case 'number': {
        options.push(fc.constantFrom(...NASTY_NUMBERS));
        if (typeof s.minimum === 'number') options.push(fc.constant(s.minimum - 1));
        if (typeof s.maximum === 'number') options.push(fc.constant(s.maximum + 1));
        options.push(fc.constantFrom(1.5, 0.1, -2.5));
        break;
      }
      case 'string': {
        options.push(fc.constantFrom(...NASTY_STRINGS));
        if (typeof s.maxLength === 'number') options.push(fc.constant('x'.repeat((s.maxLength as number) + 1)));
        if (typeof s.minLength === 'number' && s.minLength > 0) options.push(fc.constant(''));
        if (Array.isArray(s.enum)) options.push(fc.constantFrom(`${String(s.enum[0])} `, String(s.enum[0]).toUpperCase() + 'X', ''));
        if (s.format === 'uuid')
          options.push(fc.constantFrom('00000000-0000-0000-0000-000000000000', 'not-a-uuid', '6f1c2a8e-4b7d-4e4f-9a51-0c2b3d4e5f6', '6F1C2A8E-4B7D-4E4F-9A51-0C2B3D4E5F60'));
        break;
      }
      default:
        break;
    }
    return fc.oneof(...options);
  }

  /** Something of another JSON type than the schema's (null included, unless the schema allows it). */
  private wrongType(s: Schema): fc.Arbitrary<unknown> {
    const type = typeOf(s);
    const others: fc.Arbitrary<unknown>[] = [];
    if (type !== 'string') others.push(fc.constantFrom('1', 'true', '', '{}'));
    if (type !== 'number' && type !== 'integer') others.push(fc.constantFrom(0, -1, 1e21));
    if (type !== 'boolean') others.push(fc.constant(true));
    if (type !== 'object') others.push(fc.constant({ a: 1 }));
    if (type !== 'array') others.push(fc.constant(['x']));
    if (s.nullable !== true) others.push(fc.constant(null));
    return fc.oneof(...others);
  }
}

function typeOf(s: Schema): string | undefined {
  if (typeof s.type === 'string') return s.type;
  if (s.properties) return 'object';
  if (s.items) return 'array';
  return undefined;
}

function withoutKey(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = value;
  return rest;
}

/** A copy with an own enumerable property `key` (also `__proto__`, which JSON.stringify then writes). */
function withKey(value: Record<string, unknown>, key: string, extra: unknown): Record<string, unknown> {
  const copy = { ...value };
  Object.defineProperty(copy, key, { value: extra, enumerable: true, configurable: true, writable: true });
  return copy;
}
