import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import { mapSynonymSet, SynonymSetListResponse, SynonymSetRequest, SynonymSetResponse } from '../dtos/search-synonyms.dto';
import { SearchSynonymsService } from '../services/search-synonyms.service';
import { InventoryErrorFilter } from './inventory-error.filter';

/** Staff edit the store's search synonyms ("soda" ↔ "soft drink"); search uses them at once. */
@ApiTags('catalog')
@UseFilters(InventoryErrorFilter)
@Controller('api/admin/search/synonyms')
export class SearchSynonymsController {
  constructor(private readonly synonyms: SearchSynonymsService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: "The store's search synonym sets" })
  @ApiOkResponse({ type: SynonymSetListResponse })
  async list(): Promise<SynonymSetListResponse> {
    return { items: (await this.synonyms.list()).map(mapSynonymSet), nextCursor: null };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a synonym set' })
  @ApiCreatedResponse({ type: SynonymSetResponse })
  @ApiBadRequestResponse({ description: 'Fewer than 2 different terms, more than 20, or a term of more than two words', type: ErrorResponse })
  async create(@Body() body: SynonymSetRequest): Promise<SynonymSetResponse> {
    return mapSynonymSet(await this.synonyms.create(body.terms));
  }

  @Put(':id')
  @Roles('admin')
  @ApiOperation({ summary: "Replace a synonym set's terms" })
  @ApiOkResponse({ type: SynonymSetResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async replace(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SynonymSetRequest): Promise<SynonymSetResponse> {
    return mapSynonymSet(await this.synonyms.replace(id, body.terms));
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a synonym set' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async delete(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.synonyms.delete(id);
  }
}
