import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../contract';
import { MoneySchema } from '../../money';
import { TOPICS } from '../../topics';

export class ProductCreatedModifierOptionV1 {
  @IsUUID()
  id!: string;

  @IsString()
  @IsNotEmpty()
  name!: string;

  @ValidateNested()
  @Type(() => MoneySchema)
  priceDelta!: MoneySchema;
}

export class ProductCreatedModifierGroupV1 {
  @IsUUID()
  id!: string;

  @IsString()
  @IsNotEmpty()
  name!: string;

  @IsInt()
  @Min(0)
  minSelect!: number;

  @IsInt()
  @Min(0)
  maxSelect!: number;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ProductCreatedModifierOptionV1)
  options!: ProductCreatedModifierOptionV1[];
}

export class ProductCreatedV1 {
  @IsUUID()
  productId!: string;

  @IsString()
  @IsNotEmpty()
  name!: string;

  @IsUUID()
  categoryId!: string;

  @ValidateNested()
  @Type(() => MoneySchema)
  price!: MoneySchema;

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProductCreatedModifierGroupV1)
  modifierGroups!: ProductCreatedModifierGroupV1[];

  @IsOptional()
  @IsString()
  sku?: string;

  /** False: staff took it off sale (it stays listed as unavailable). Absent in older events: on sale. */
  @IsOptional()
  @IsBoolean()
  onSale?: boolean;

  /** Minutes the kitchen needs for one; absent in older events (readers default it). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  preparationMinutes?: number;
}

export const productCreatedV1 = defineEvent({
  type: 'product.created',
  version: 1,
  topic: TOPICS.inventory,
  producer: 'inventory',
  consumers: ['orders', 'gateway'],
  description:
    'Staff added a product to the catalog. Carries everything server-side pricing needs (price, modifier groups ' +
    'and option price deltas), whether it is on sale and its preparation time (both optional: absent means on sale and ' +
    'the default time); orders adds it to its catalog read-model. New products start with no stock.',
  payload: ProductCreatedV1,
});
