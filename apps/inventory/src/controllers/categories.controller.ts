import { Body, Controller, Get, Post, Put, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@galley/auth';
import { CategoryListResponse, CategoryResponse, CreateCategoryRequest, mapCategory, ReorderCategoriesRequest } from '../dtos/category.dto';
import { ErrorResponse } from '@galley/platform';
import { CatalogService } from '../services/catalog.service';
import { InventoryErrorFilter } from './inventory-error.filter';

/** The category tree: public reads, admin writes. */
@ApiTags('catalog')
@UseFilters(InventoryErrorFilter)
@Controller('api')
export class CategoriesController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('categories')
  @Public()
  @ApiOperation({ summary: 'Every category in the order staff chose; the tree is given by parentId' })
  @ApiOkResponse({ type: CategoryListResponse })
  async list(): Promise<CategoryListResponse> {
    return { items: (await this.catalog.listCategories()).map(mapCategory), nextCursor: null };
  }

  @Post('admin/categories')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a category (slug made from the name when left out)' })
  @ApiCreatedResponse({ type: CategoryResponse })
  @ApiBadRequestResponse({ description: 'Bad field, or parentId names no category', type: ErrorResponse })
  @ApiConflictResponse({ description: 'The slug is taken', type: ErrorResponse })
  async create(@Body() body: CreateCategoryRequest): Promise<CategoryResponse> {
    return mapCategory(await this.catalog.createCategory(body));
  }

  @Put('admin/categories/order')
  @Roles('admin')
  @ApiOperation({ summary: 'Put the categories in a new order (the menu follows it): the full list of ids, first to last' })
  @ApiOkResponse({ type: CategoryListResponse, description: 'Every category in the new order' })
  @ApiBadRequestResponse({ description: 'An id that is not a uuid, names no category, is repeated, or a category left out; nothing changed', type: ErrorResponse })
  async reorder(@Body() body: ReorderCategoriesRequest): Promise<CategoryListResponse> {
    return { items: (await this.catalog.reorderCategories(body.ids)).map(mapCategory), nextCursor: null };
  }
}
