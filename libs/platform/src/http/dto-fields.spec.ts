import { plainToInstance } from 'class-transformer';
import { IsInt, validateSync } from 'class-validator';
import { Bool, Int, Nested, NestedList, PatchType, Text, TextList, Uuid } from './dto-fields';

class AmountDto {
  @Int({ min: 0 }) amount: number;
}

class CreateThing {
  @Text({ max: 5, example: 'Pizza' }) name: string;
  @Text({ max: 5, optional: 'nullable', description: 'null clears it' }) note?: string | null;
  @Uuid() ownerId: string;
  @Nested(() => AmountDto) price: AmountDto;
  @NestedList(() => AmountDto, { maxItems: 2, optional: true }) extras?: AmountDto[];
  @TextList({ max: 3, maxItems: 2, optional: true }) tags?: string[];
  @Bool({ optional: true, default: true }) onSale?: boolean;
  @Int({ optional: true, fromQuery: true, min: 1, max: 10, default: 5 }) limit?: number;
  /** Validated but left out of the OpenAPI document. */
  @IsInt() internal: number;
}

class UpdateThing extends PatchType(CreateThing) {}

const OWNER = '3f2a7c1e-9d4b-4c61-8f0a-2b6e5d7c9a10';
const VALID = { name: 'Tea', ownerId: OWNER, price: { amount: 1 }, internal: 1 };

/** The fields a body fails on, the way the global ValidationPipe checks it. */
function failing(type: new () => object, body: Record<string, unknown>): string[] {
  return validateSync(plainToInstance(type, body), { whitelist: true, forbidNonWhitelisted: true })
    .map((error) => error.property)
    .sort();
}

describe(Text.name, () => {
  it.each<[Record<string, unknown>, string[]]>([
    [{}, []],
    [{ name: '  Tea  ' }, []],
    [{ name: '   ' }, ['name']],
    [{ name: 'Teapot' }, ['name']],
    [{ name: 7 }, ['name']],
    [{ note: null }, []],
    [{ ownerId: 'nope' }, ['ownerId']],
    [{ price: { amount: -1 } }, ['price']],
    [{ price: undefined }, ['price']],
    [{ internal: undefined }, ['internal']],
    [{ extras: [{ amount: 1 }, { amount: 2 }, { amount: 3 }] }, ['extras']],
    [{ tags: ['long'] }, ['tags']],
    [{ limit: '11' }, ['limit']],
    [{ colour: 'red' }, ['colour']],
  ])('and the other composites check a create body changed by %j: fails on %j', (change, fields) => {
    expect(failing(CreateThing, { ...VALID, ...change })).toEqual(fields);
  });

  it('trims before checking and hands the trimmed text on', () => {
    expect(plainToInstance(CreateThing, { name: '  Tea  ' }).name).toBe('Tea');
  });
});

describe(PatchType.name, () => {
  it.each<[Record<string, unknown>, string[]]>([
    [{}, []],
    [{ name: 'Cake' }, []],
    [{ name: null }, ['name']],
    [{ name: 'Teapot' }, ['name']],
    [{ note: null }, []],
    [{ price: null }, ['price']],
    [{ price: { amount: -1 } }, ['price']],
    [{ tags: null }, ['tags']],
    [{ onSale: null }, ['onSale']],
    [{ onSale: false }, []],
    [{ extras: [{ amount: 'x' }] }, ['extras']],
    [{ internal: null }, ['internal']],
    [{ internal: 2 }, []],
    [{ colour: 'red' }, ['colour']],
  ])('checks a PATCH body %j: fails on %j (left out is fine, null only where the create DTO documents it)', (body, fields) => {
    expect(failing(UpdateThing, body)).toEqual(fields);
  });

  it('keeps the transformations of the create DTO (trimming, nested classes, query numbers)', () => {
    const sut = plainToInstance(UpdateThing, { name: ' Cake ', price: { amount: 2 }, limit: '3' });
    expect(sut.name).toBe('Cake');
    expect(sut.price).toBeInstanceOf(AmountDto);
    expect(sut.limit).toBe(3);
  });

  it('documents every field as optional, without the create defaults', () => {
    const fields = Reflect.getMetadata('swagger/apiModelPropertiesArray', UpdateThing.prototype) as string[];
    expect(fields).toEqual([':name', ':note', ':ownerId', ':price', ':extras', ':tags', ':onSale', ':limit']);
    const schema = (field: string) => Reflect.getMetadata('swagger/apiModelProperties', UpdateThing.prototype, field) as Record<string, unknown>;
    expect(schema('name')).toMatchObject({ required: false, maxLength: 5, example: 'Pizza' });
    expect(schema('note')).toMatchObject({ required: false, nullable: true, description: 'null clears it' });
    expect(schema('onSale')).not.toHaveProperty('default');
    expect(schema('limit')).toMatchObject({ required: false, minimum: 1, maximum: 10 });
    expect(schema('limit')).not.toHaveProperty('default');
  });
});
