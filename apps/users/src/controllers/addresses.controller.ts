import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@galley/auth';
import { AddressListResponse, AddressResponse, CreateAddressRequest, mapAddress, UpdateAddressRequest } from '../dtos/address.dto';
import { ErrorResponse } from '@galley/platform';
import { AddressesService } from '../services/addresses.service';
import { UsersErrorFilter } from './users-error.filter';

/** The caller's delivery addresses; another account's address answers 404. */
@ApiTags('users')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing, invalid or expired access token', type: ErrorResponse })
@UseFilters(UsersErrorFilter)
@Controller('api/users/me/addresses')
export class AddressesController {
  constructor(private readonly addresses: AddressesService) {}

  @Get()
  @ApiOperation({ summary: 'The addresses of the signed-in account, oldest first' })
  @ApiOkResponse({ type: AddressListResponse })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<AddressListResponse> {
    return { items: (await this.addresses.list(user.id)).map(mapAddress), nextCursor: null };
  }

  @Post()
  @ApiOperation({ summary: 'Add an address' })
  @ApiCreatedResponse({ type: AddressResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiConflictResponse({ description: 'The account already has the maximum number of addresses', type: ErrorResponse })
  async add(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateAddressRequest): Promise<AddressResponse> {
    return mapAddress(await this.addresses.add(user.id, body));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change some fields of an address (null clears an optional one)' })
  @ApiOkResponse({ type: AddressResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async update(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateAddressRequest): Promise<AddressResponse> {
    return mapAddress(await this.addresses.update(user.id, id, body));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete an address' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.addresses.remove(user.id, id);
  }
}
