import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PUBLIC_SORTS } from '../domain/product-search';
import { imageUrlOf } from '../domain/image-rules';
import { ProductImageRecord } from '../repositories/product-images.repository';
import { ProductView } from '../services/catalog.service';
import { Bool, Int, Nested, NestedList, PageQuery, PatchType, Text, TextList, Uuid } from '@galley/platform';
import { MoneyDto } from './common.dto';

const SKU = { regex: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, message: 'sku must be letters, digits, dots, underscores and hyphens' };

export class ModifierOptionRequest {
  @Text({ max: 100, example: 'Large' }) name: string;
  @Nested(() => MoneyDto) priceDelta: MoneyDto;
}

export class ModifierGroupRequest {
  @Text({ max: 100, example: 'Size' }) name: string;
  @Int({ min: 0, example: 1 }) minSelect: number;
  @Int({ min: 0, example: 1, description: 'At least minSelect, at most the number of options' }) maxSelect: number;
  @NestedList(() => ModifierOptionRequest, { maxItems: 50 }) options: ModifierOptionRequest[];
}

export class CreateProductRequest {
  @Text({ max: 200, example: 'Margherita' }) name: string;
  @Text({ max: 5000, trim: false, allowEmpty: true, example: 'Tomato, mozzarella, basil' }) description: string;
  @Uuid() categoryId: string;
  @Nested(() => MoneyDto) price: MoneyDto;
  @Text({ max: 64, optional: 'nullable', pattern: SKU, example: 'PIZ-MARG-01', description: 'Unique when given; null clears it' }) sku?: string | null;
  @TextList({ max: 50, maxItems: 30, optional: true, example: ['vegetarian'] }) tags?: string[];
  @NestedList(() => ModifierGroupRequest, { maxItems: 50, optional: true, description: 'In a PATCH: replaces every group' }) modifierGroups?: ModifierGroupRequest[];
  @Bool({ optional: true, default: true, example: true, description: 'false: off sale (listed as unavailable, cannot be ordered); true: on sale' }) onSale?: boolean;
  @Int({ min: 0, max: 240, default: 10, optional: true, example: 12, description: 'Minutes the kitchen needs for one' }) preparationMinutes?: number;
}

/** Any subset of the fields; `sku: null` clears the SKU; modifierGroups replaces every group. */
export class UpdateProductRequest extends PatchType(CreateProductRequest) {}

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

  @Int({ optional: true, fromQuery: true, min: 0, max: Number.MAX_SAFE_INTEGER, description: 'Lowest price, integer minor units' }) minPrice?: number;
  @Int({ optional: true, fromQuery: true, min: 0, max: Number.MAX_SAFE_INTEGER, description: 'Highest price, integer minor units, at least minPrice' }) maxPrice?: number;

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
  @Int({ optional: true, fromQuery: true, min: 1, max: 5000, default: 5000 }) limit?: number;
  @Text({ optional: true, max: 100, trim: false, allowEmpty: true, description: 'nextCursor of the previous page' }) cursor?: string;
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
