import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import { SLUG_PATTERN } from '../domain/slug';
import { CategoryRecord } from '../repositories/categories.repository';
import { Text, Uuid } from '@galley/platform';

export class CreateCategoryRequest {
  @Text({ max: 100, example: 'Pizza' }) name: string;

  @Text({
    max: 80,
    optional: true,
    allowEmpty: true,
    pattern: { regex: SLUG_PATTERN, message: 'slug must be lower-case letters and digits joined by single hyphens' },
    example: 'pizza',
    description: 'Unique; made from the name when left out',
  })
  slug?: string;

  @Uuid({ optional: 'nullable', description: 'The parent category (a tree)' }) parentId?: string | null;
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
