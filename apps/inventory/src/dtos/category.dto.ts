import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { SLUG_PATTERN } from '../domain/slug';
import { CategoryRecord } from '../repositories/categories.repository';
import { Trim } from '@galley/platform';

export class CreateCategoryRequest {
  @ApiProperty({ example: 'Pizza', maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: 'pizza', description: 'Unique; made from the name when left out', maxLength: 80 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(80)
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters and digits joined by single hyphens' })
  slug?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The parent category (a tree)' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

/** Most categories one reorder may name: a menu has a few dozen at most. */
export const MAX_CATEGORIES_ORDERED = 1000;

export class ReorderCategoriesRequest {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: MAX_CATEGORIES_ORDERED,
    description: 'Every category id exactly once, first to last; an unknown, repeated or missing id is a 400 and nothing changes',
  })
  @IsArray()
  @ArrayMaxSize(MAX_CATEGORIES_ORDERED)
  @IsUUID('all', { each: true })
  ids: string[];
}

export class CategoryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ description: 'Where staff placed it, 1 first; lists come in this order' }) position: number;
}

export class CategoryListResponse {
  @ApiProperty({ type: [CategoryResponse], description: 'Every category in the order staff chose; the tree is given by parentId' })
  items: CategoryResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: every category is listed' })
  nextCursor: null;
}

export function mapCategory(category: CategoryRecord): CategoryResponse {
  return { id: category.id, name: category.name, slug: category.slug, parentId: category.parentId, position: category.position };
}
