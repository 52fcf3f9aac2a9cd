import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import {
  CreateProductRequest,
  mapProduct,
  ProductAvailabilityListResponse,
  ProductAvailabilityQuery,
  ProductListQuery,
  ProductListResponse,
  ProductResponse,
  UpdateProductRequest,
} from '../dtos/product.dto';
import { CatalogService, MAX_AVAILABILITY_PAGE } from '../services/catalog.service';
import { ProductListingsService } from '../services/product-listings.service';
import { InventoryErrorFilter } from './inventory-error.filter';

const DEFAULT_LIMIT = 20;

/** Products: public reads of live products, admin writes (delete archives). */
@ApiTags('catalog')
@UseFilters(InventoryErrorFilter)
@Controller('api')
export class ProductsController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly listings: ProductListingsService,
  ) {}

  @Get('products')
  @Public()
  @ApiOperation({ summary: 'Search live products: q (ranked, typo-tolerant), category (id or slug), price range, inStock, sort, keyset cursor; with facets' })
  @ApiOkResponse({ type: ProductListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  list(@Query() query: ProductListQuery): Promise<ProductListResponse> {
    return this.listings.list({
      q: query.q,
      category: query.category,
      minPrice: query.minPrice,
      maxPrice: query.maxPrice,
      inStock: query.inStock === 'true',
      sort: query.sort,
      cursor: query.cursor,
      limit: query.limit ?? DEFAULT_LIMIT,
    });
  }

  // Declared before products/:id, which would otherwise take "availability" for an id.
  @Get('products/availability')
  @Public()
  @ApiOperation({
    summary: 'Sellable stock and on-sale flag of every live product (public): the snapshot the live availability stream starts from',
  })
  @ApiOkResponse({ type: ProductAvailabilityListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  availability(@Query() query: ProductAvailabilityQuery): Promise<ProductAvailabilityListResponse> {
    return this.catalog.availability({ cursor: query.cursor, limit: query.limit ?? MAX_AVAILABILITY_PAGE });
  }

  @Get('products/:id')
  @Public()
  @ApiOperation({ summary: 'A live product' })
  @ApiOkResponse({ type: ProductResponse })
  @ApiNotFoundResponse({ description: 'Unknown or archived', type: ErrorResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ProductResponse> {
    return mapProduct(await this.catalog.getProduct(id));
  }

  @Post('admin/products')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a product (starts with no stock)' })
  @ApiCreatedResponse({ type: ProductResponse })
  @ApiBadRequestResponse({ description: 'A bad field (named), or an unknown category', type: ErrorResponse })
  @ApiConflictResponse({ description: 'The SKU is used by another product', type: ErrorResponse })
  async create(@Body() body: CreateProductRequest): Promise<ProductResponse> {
    return mapProduct(await this.catalog.createProduct(body));
  }

  @Patch('admin/products/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change some fields of a product' })
  @ApiOkResponse({ type: ProductResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateProductRequest): Promise<ProductResponse> {
    return mapProduct(await this.catalog.updateProduct(id, body));
  }

  @Delete('admin/products/:id')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Archive a product: it leaves listings, past orders still resolve it' })
  @ApiNoContentResponse({ description: 'Archived' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async archive(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.catalog.archiveProduct(id);
  }
}
