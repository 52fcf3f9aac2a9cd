import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
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

export class CategoryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
}

export class CategoryListResponse {
  @ApiProperty({ type: [CategoryResponse], description: 'Every category; the tree is given by parentId' })
  items: CategoryResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: every category is listed' })
  nextCursor: null;
}

export function mapCategory(category: CategoryRecord): CategoryResponse {
  return { id: category.id, name: category.name, slug: category.slug, parentId: category.parentId };
}
