/**
 * Composite field decorators for request DTOs: one decorator per field states its documentation and
 * its validation together, so the OpenAPI document and the ValidationPipe cannot drift apart.
 */

import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { inheritTransformationMetadata } from '@nestjs/mapped-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  getMetadataStorage,
  IS_OPTIONAL,
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Trim } from './http-dtos';

// Where @nestjs/swagger keeps each class's documented fields (DECORATORS in its dist/constants, which
// its package exports do not expose); dto-fields.spec checks that a PATCH type's documentation is read.
const SWAGGER_FIELDS = 'swagger/apiModelPropertiesArray';
const SWAGGER_FIELD = 'swagger/apiModelProperties';

/** Whether a field may be left out: no (the default), yes (`true`), or also be null to clear it (`'nullable'`). */
export type Presence = boolean | 'nullable';

interface FieldOptions {
  optional?: Presence;
  example?: unknown;
  description?: string;
}

/** Decorators applied as if written one above the other in this order (the last runs first, as TypeScript does). */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorator of [...decorators].reverse()) decorator(target, key);
  };
}

function documented(options: FieldOptions, schema: ApiPropertyOptions): PropertyDecorator {
  const optional = options.optional !== undefined && options.optional !== false;
  return ApiProperty({
    ...schema,
    ...(options.optional === 'nullable' ? { nullable: true } : {}),
    ...(options.example !== undefined ? { example: options.example } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
    required: !optional,
  } as ApiPropertyOptions);
}

function presence(options: FieldOptions): PropertyDecorator[] {
  return options.optional ? [IsOptional()] : [];
}

export interface TextOptions extends FieldOptions {
  max: number;
  /** The fewest characters (documented; above 1 also checked, 1 is what non-empty already means). */
  min?: number;
  /** Trim before validating (default true). */
  trim?: boolean;
  /** Accept '' (default false: a given text has at least one character after trimming). */
  allowEmpty?: boolean;
  pattern?: { regex: RegExp; message: string };
}

/** A string of at most `max` characters, trimmed and non-empty unless told otherwise. */
export function Text(options: TextOptions): PropertyDecorator {
  return stacked(
    documented(options, { type: String, ...(options.min !== undefined ? { minLength: options.min } : {}), maxLength: options.max }),
    ...presence(options),
    ...(options.trim === false ? [] : [Trim()]),
    IsString(),
    ...(options.allowEmpty ? [] : [IsNotEmpty()]),
    ...(options.min !== undefined && options.min > 1 ? [MinLength(options.min)] : []),
    MaxLength(options.max),
    ...(options.pattern ? [Matches(options.pattern.regex, { message: options.pattern.message })] : []),
  );
}

/** A list of at most `maxItems` non-empty strings of at most `max` characters each. */
export function TextList(options: FieldOptions & { max: number; maxItems: number }): PropertyDecorator {
  return stacked(
    documented(options, { type: [String] }),
    ...presence(options),
    IsArray(),
    ArrayMaxSize(options.maxItems),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(options.max, { each: true }),
  );
}

/** A UUID (any version). */
export function Uuid(options: FieldOptions = {}): PropertyDecorator {
  return stacked(documented(options, { type: String, format: 'uuid' }), ...presence(options), IsUUID());
}

/** An integer in [min, max]; `fromQuery` converts a query string's text first. */
export function Int(options: FieldOptions & { min?: number; max?: number; default?: number; fromQuery?: boolean }): PropertyDecorator {
  return stacked(
    documented(options, {
      type: 'integer',
      ...(options.min !== undefined ? { minimum: options.min } : {}),
      ...(options.max !== undefined ? { maximum: options.max } : {}),
      ...(options.default !== undefined ? { default: options.default } : {}),
    }),
    ...presence(options),
    ...(options.fromQuery ? [Type(() => Number)] : []),
    IsInt(),
    ...(options.min !== undefined ? [Min(options.min)] : []),
    ...(options.max !== undefined ? [Max(options.max)] : []),
  );
}

/** true or false. */
export function Bool(options: FieldOptions & { default?: boolean } = {}): PropertyDecorator {
  return stacked(documented(options, { type: Boolean, ...(options.default !== undefined ? { default: options.default } : {}) }), ...presence(options), IsBoolean());
}

/** One object validated by its own class (e.g. MoneyDto). */
export function Nested(type: () => ClassType<unknown>, options: FieldOptions = {}): PropertyDecorator {
  return stacked(documented(options, { type: type() }), ...(options.optional ? [IsOptional()] : [IsDefined()]), IsObject(), ValidateNested(), Type(type));
}

/** A list of `minItems` (default 0) to `maxItems` objects, each validated by its own class. */
export function NestedList(type: () => ClassType<unknown>, options: FieldOptions & { minItems?: number; maxItems: number }): PropertyDecorator {
  return stacked(
    documented(options, { type: [type()] }),
    ...presence(options),
    IsArray(),
    ...(options.minItems !== undefined ? [ArrayMinSize(options.minItems)] : []),
    ArrayMaxSize(options.maxItems),
    ValidateNested({ each: true }),
    Type(type),
  );
}

/**
 * The PATCH body of a create DTO: every field optional. A field the create DTO documents as nullable
 * may be null (to clear it); any other may be left out but never null, which IsOptional alone would
 * let through to a NOT NULL column. Validation, transformation and documentation come from `create`
 * (`default`s are dropped: a PATCH that leaves a field out keeps its value).
 */
export function PatchType<T>(create: ClassType<T>): ClassType<Partial<T>> {
  abstract class Patch {}
  const storage = getMetadataStorage();
  const fields = (Reflect.getMetadata(SWAGGER_FIELDS, create.prototype) as string[] | undefined)?.map((field) => field.replace(/^:/, '')) ?? [];
  const nullable = new Set(fields.filter((field) => schemaOf(create, field).nullable === true));
  const validated = new Set<string>();
  for (const metadata of storage.getTargetValidationMetadatas(create, '', false, false)) {
    validated.add(metadata.propertyName);
    // Presence is decided below, per field.
    if (metadata.name === IS_OPTIONAL) continue;
    const designType: unknown = Reflect.getMetadata('design:type', create.prototype, metadata.propertyName);
    if (designType) Reflect.defineMetadata('design:type', designType, Patch.prototype, metadata.propertyName);
    storage.addValidationMetadata({ ...metadata, target: Patch });
  }
  inheritTransformationMetadata(create, Patch);
  for (const field of fields) {
    const { default: _default, ...schema } = schemaOf(create, field);
    ApiProperty({ ...schema, required: false } as ApiPropertyOptions)(Patch.prototype, field);
  }
  for (const field of new Set([...fields, ...validated])) {
    (nullable.has(field) ? IsOptional() : ValidateIf((_object: object, value: unknown) => value !== undefined))(Patch.prototype, field);
  }
  Object.defineProperty(Patch, 'name', { value: `Patch${create.name}` });
  return Patch as ClassType<Partial<T>>;
}

function schemaOf(type: ClassType<unknown>, field: string): ApiPropertyOptions & { nullable?: boolean; default?: unknown } {
  return (Reflect.getMetadata(SWAGGER_FIELD, type.prototype, field) as ApiPropertyOptions | undefined) ?? {};
}

/** `limit` and `cursor` of every keyset-paginated list. */
export class PageQuery {
  @Int({ min: 1, max: 100, default: 20, optional: true, fromQuery: true })
  limit?: number;

  @Text({ max: 200, optional: true, trim: false, allowEmpty: true, description: 'The `nextCursor` of the previous page' })
  cursor?: string;
}
