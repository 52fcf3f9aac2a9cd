import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PUBLIC_SORTS } from '../domain/product-search';
import { imageUrlOf } from '../domain/image-rules';
import { ProductImageRecord } from '../repositories/product-images.repository';
import { ProductView } from '../services/catalog.service';
import { PageQuery, Trim } from '@galley/platform';
import { MoneyDto } from './common.dto';

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

  @ApiPropertyOptional({ type: String, nullable: true, example: 'PIZ-MARG-01', maxLength: 64, description: 'Unique when given' })
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

  @ApiPropertyOptional({ example: true, default: true, description: 'false: listed as unavailable and cannot be ordered' })
  @IsOptional()
  @IsBoolean()
  onSale?: boolean;

  @ApiPropertyOptional({ type: 'integer', example: 12, default: 10, minimum: 0, maximum: 240, description: 'Minutes the kitchen needs for one' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  preparationMinutes?: number;
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

  @ApiPropertyOptional({ example: false, description: 'false: take it off sale (listed as unavailable, cannot be ordered); true: back on sale' })
  @NotNullWhenGiven()
  @IsBoolean()
  onSale?: boolean;

  @ApiPropertyOptional({ type: 'integer', example: 12, minimum: 0, maximum: 240, description: 'Minutes the kitchen needs for one' })
  @NotNullWhenGiven()
  @IsInt()
  @Min(0)
  @Max(240)
  preparationMinutes?: number;
}

/** A blank query string is no query. */
const BlankAsAbsent = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  });

export class ProductListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Full-text query over name, tags and description, ranked and typo-tolerant on the name', maxLength: 200 })
  @BlankAsAbsent()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'A category id or slug (its subcategories are included)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ description: 'Lowest price, integer minor units', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minPrice?: number;

  @ApiPropertyOptional({ description: 'Highest price, integer minor units, at least minPrice', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  maxPrice?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only products with available stock' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'inStock must be true or false' })
  inStock?: string;

  @ApiPropertyOptional({
    enum: PUBLIC_SORTS,
    description: 'relevance (default with q; needs q), price, -price, rating, newest (default without q)',
  })
  @IsOptional()
  @IsIn(PUBLIC_SORTS, { message: `sort must be one of ${PUBLIC_SORTS.join(', ')}` })
  sort?: string;
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

export class ProductImageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '/api/images/3f7a…e1.webp', description: 'WebP about 320 px wide; cacheable forever' }) thumbUrl: string;
  @ApiProperty({ example: '/api/images/9b1c…04.webp', description: 'WebP about 1280 px wide (never upscaled); cacheable forever' }) largeUrl: string;
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
  @ApiProperty({ example: true, description: 'false: staff took it off sale; show it as unavailable (it cannot be ordered)' }) onSale: boolean;
  @ApiProperty({ type: 'integer', example: 10, description: 'Minutes the kitchen needs for one' }) preparationMinutes: number;
  @ApiProperty({ type: RatingResponse }) rating: RatingResponse;
  @ApiProperty({ type: [ProductImageResponse], description: 'In upload order' }) images: ProductImageResponse[];
}

export class CategoryFacetResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Matching products directly in this category' }) count: number;
}

export class PriceBandFacetResponse {
  @ApiProperty({ description: 'Inclusive, minor units', example: 500 }) min: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Exclusive, minor units; null for the open top band', example: 1000 }) max: number | null;
  @ApiProperty() count: number;
}

export class ProductFacetsResponse {
  @ApiProperty({ type: [CategoryFacetResponse] }) categories: CategoryFacetResponse[];
  @ApiProperty({ type: [PriceBandFacetResponse], description: 'Fixed bands: 0-500, 500-1000, 1000-2000, 2000-5000, 5000+' })
  priceBands: PriceBandFacetResponse[];
}

export class TextSpanResponse {
  @ApiProperty({ type: 'integer', description: 'UTF-16 offset of the first matched character' }) start: number;
  @ApiProperty({ type: 'integer', description: 'UTF-16 offset just after the last matched character' }) end: number;
}

export class ProductListItemResponse extends ProductResponse {
  @ApiProperty({ type: [TextSpanResponse], description: 'The parts of the name the query matched (for highlighting); empty without q' })
  nameHighlights: TextSpanResponse[];
}

export class ProductListResponse {
  @ApiProperty({ type: [ProductListItemResponse] }) items: ProductListItemResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'The query as understood when a word was corrected or split ("showing results for …"); null otherwise' })
  correctedQuery: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Opaque; pass as cursor with the same query for the next page' })
  nextCursor: string | null;
  @ApiProperty({ type: ProductFacetsResponse, description: 'Counts over every match of the query, not only this page; with 2000 or more matches they may be up to 30 s old' })
  facets: ProductFacetsResponse;
}

export class ProductAvailabilityResponse {
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ type: 'integer', example: 12, description: 'Sellable stock: onHand - reserved' }) available: number;
  @ApiProperty({ example: true, description: 'false: off sale, cannot be ordered whatever the stock' }) onSale: boolean;
}

export class ProductAvailabilityListResponse {
  @ApiProperty({ type: [ProductAvailabilityResponse] }) items: ProductAvailabilityResponse[];
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Opaque; null when this page holds every live product (up to 5000 per page)' })
  nextCursor: string | null;
}

export class ProductAvailabilityQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 5000, default: 5000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cursor?: string;
}

export function mapProductImage(image: ProductImageRecord): ProductImageResponse {
  return { id: image.id, thumbUrl: imageUrlOf(image.thumbKey), largeUrl: imageUrlOf(image.largeKey) };
}

export function mapProduct(product: ProductView): ProductResponse {
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
    onSale: product.onSale,
    preparationMinutes: product.preparationMinutes,
    // Kept from reviews events (rating_average, rating_count); a product without reviews reads as unrated.
    rating: { average: product.ratingAverage, count: product.ratingCount },
    images: product.images.map(mapProductImage),
  };
}
