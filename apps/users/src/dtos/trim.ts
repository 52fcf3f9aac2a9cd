import { Transform } from 'class-transformer';

/** Trims strings before validation (other values pass through and fail their type check). */
export const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
