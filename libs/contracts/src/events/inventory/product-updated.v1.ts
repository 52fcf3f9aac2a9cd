import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../../contract';
import { MoneySchema } from '../../money';
import { TOPICS } from '../../topics';

export class ProductUpdatedModifierOptionV1 {
  @IsUUID()
  id!: string;

  @IsString()
  @IsNotEmpty()
  name!: string;

  @ValidateNested()
  @Type(() => MoneySchema)
  priceDelta!: MoneySchema;
}

export class ProductUpdatedModifierGroupV1 {
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
  @Type(() => ProductUpdatedModifierOptionV1)
  options!: ProductUpdatedModifierOptionV1[];
}

/** A full snapshot, not a patch: a read-model replaces its row with it. */
export class ProductUpdatedV1 {
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
  @Type(() => ProductUpdatedModifierGroupV1)
  modifierGroups!: ProductUpdatedModifierGroupV1[];

  @IsOptional()
  @IsString()
  sku?: string;
}

export const productUpdatedV1 = defineEvent({
  type: 'product.updated',
  version: 1,
  topic: TOPICS.inventory,
  producer: 'inventory',
  consumers: ['orders'],
  description:
    'Staff changed a product. The payload is the full product after the change (not a patch), so orders replaces ' +
    'its catalog read-model row; orders placed earlier keep the prices they were placed with.',
  payload: ProductUpdatedV1,
});
