import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ProductRecord } from '../repositories/products.repository';
import { MoneyDto, PageQuery, Trim } from './common.dto';

/** May be left out of a PATCH, but never null. */
const NotNullWhenGiven = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class ModifierOptionRequest {
  @ApiProperty({ example: 'Large', maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ type: MoneyDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  priceDelta: MoneyDto;
}

export class ModifierGroupRequest {
  @ApiProperty({ example: 'Size', maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 1, minimum: 0 })
  @IsInt()
  @Min(0)
  minSelect: number;

  @ApiProperty({ example: 1, minimum: 0, description: 'At least minSelect, at most the number of options' })
  @IsInt()
  @Min(0)
  maxSelect: number;

  @ApiProperty({ type: [ModifierOptionRequest] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ModifierOptionRequest)
  options: ModifierOptionRequest[];
}

export class CreateProductRequest {
  @ApiProperty({ example: 'Margherita', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Tomato, mozzarella, basil', maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  description: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  categoryId: string;

  @ApiProperty({ type: MoneyDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  price: MoneyDto;

  @ApiPropertyOptional({ example: 'PIZ-MARG-01', maxLength: 64, description: 'Unique when given' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(64)
  @Matches(SKU, { message: 'sku must be letters, digits, dots, underscores and hyphens' })
  sku?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['vegetarian'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ type: [ModifierGroupRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ModifierGroupRequest)
  modifierGroups?: ModifierGroupRequest[];
}

/** Any subset of the fields; `sku: null` clears the SKU; modifierGroups replaces every group. */
export class UpdateProductRequest {
  @ApiPropertyOptional({ maxLength: 200 })
  @NotNullWhenGiven()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @NotNullWhenGiven()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @NotNullWhenGiven()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ type: MoneyDto })
  @NotNullWhenGiven()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  price?: MoneyDto;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 64 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(64)
  @Matches(SKU, { message: 'sku must be letters, digits, dots, underscores and hyphens' })
  sku?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @NotNullWhenGiven()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ type: [ModifierGroupRequest] })
  @NotNullWhenGiven()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ModifierGroupRequest)
  modifierGroups?: ModifierGroupRequest[];
}

export class ProductListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'A category id or slug (its subcategories are included)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;
}

export class ModifierOptionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: MoneyDto }) priceDelta: MoneyDto;
}

export class ModifierGroupResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() minSelect: number;
  @ApiProperty() maxSelect: number;
  @ApiProperty({ type: [ModifierOptionResponse] }) options: ModifierOptionResponse[];
}

export class RatingResponse {
  @ApiProperty({ example: 0 }) average: number;
  @ApiProperty({ example: 0 }) count: number;
}

export class ProductResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty({ type: MoneyDto }) price: MoneyDto;
  @ApiProperty({ type: String, nullable: true }) sku: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: [ModifierGroupResponse] }) modifierGroups: ModifierGroupResponse[];
  @ApiProperty({ description: 'Sellable stock: onHand - reserved' }) available: number;
  @ApiProperty({ type: RatingResponse }) rating: RatingResponse;
}

export class ProductListResponse {
  @ApiProperty({ type: [ProductResponse] }) items: ProductResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export function mapProduct(product: ProductRecord): ProductResponse {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    categoryId: product.categoryId,
    price: { amount: product.priceAmount, currency: product.currency },
    sku: product.sku,
    tags: product.tags,
    modifierGroups: product.modifierGroups.map((group) => ({
      id: group.id,
      name: group.name,
      minSelect: group.minSelect,
      maxSelect: group.maxSelect,
      options: group.options.map((option) => ({ id: option.id, name: option.name, priceDelta: { ...option.priceDelta } })),
    })),
    available: product.onHand - product.reserved,
    // Ratings live in the reviews service; until a read-model is kept here a product reads as unrated.
    rating: { average: 0, count: 0 },
  };
}
