import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { getMetadataStorage, ValidationTypes } from 'class-validator';

/**
 * class-validator skips @ValidateNested() when the value is undefined, so a required nested object
 * whose only check is @ValidateNested() lets a body without it through to the service, which then
 * reads a property of undefined: a 500 (the API fuzz found POST /api/orders without `fulfillment`).
 * Every nested property of every request DTO is therefore either optional (@IsOptional) or also
 * checked by a validator that refuses undefined (@IsObject, @IsDefined, @IsArray...).
 */
describe('request DTOs', () => {
  const root = path.join(__dirname, '..', 'apps');
  const files = readdirSync(root).flatMap((app) => {
    const dir = path.join(root, app, 'src', 'dtos');
    try {
      return readdirSync(dir)
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
        .map((file) => path.join(dir, file));
    } catch {
      return [];
    }
  });
  let classes: { where: string; type: new () => object }[] = [];

  beforeAll(async () => {
    const modules = await Promise.all(files.map(async (file) => ({ file, exports: (await import(file)) as Record<string, unknown> })));
    classes = modules.flatMap(({ file, exports }) =>
      Object.entries(exports)
        .filter((entry): entry is [string, new () => object] => typeof entry[1] === 'function')
        .map(([name, type]) => ({ where: `${path.relative(root, file)} ${name}`, type })),
    );
  });

  it('are found', () => {
    expect(classes.length).toBeGreaterThan(20);
  });

  it('refuse a missing nested object unless it is optional', () => {
    const storage = getMetadataStorage();
    const unchecked: string[] = [];
    for (const { where, type } of classes) {
      const byProperty = new Map<string, string[]>();
      for (const metadata of storage.getTargetValidationMetadatas(type, '', true, false)) {
        byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata.type]);
      }
      for (const [property, types] of byProperty) {
        const nested = types.includes(ValidationTypes.NESTED_VALIDATION);
        const optional = types.includes(ValidationTypes.CONDITIONAL_VALIDATION);
        const refusesUndefined = types.some((t) => t === ValidationTypes.CUSTOM_VALIDATION || t === ValidationTypes.IS_DEFINED);
        if (nested && !optional && !refusesUndefined) unchecked.push(`${where}.${property}`);
      }
    }
    expect(unchecked).toEqual([]);
  });
});
