import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Put, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import { mapStoreSettings, PauseStoreRequest, StoreSettingsDto, StoreSettingsRequest } from '../dtos/store-settings.dto';
import { StoreSettingsService } from '../services/store-settings.service';
import { OrdersErrorFilter } from './orders-error.filter';

/** Opening hours, kitchen capacity and pauses, which decide whether a new order is taken; the name and description customers see. */
@ApiTags('store')
@Roles('admin')
@UseFilters(OrdersErrorFilter)
@Controller('api/admin/store')
export class StoreSettingsController {
  constructor(private readonly settings: StoreSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Name, description, opening hours per weekday (store time zone), kitchen capacity and a running pause' })
  @ApiOkResponse({ type: StoreSettingsDto })
  async get(): Promise<StoreSettingsDto> {
    return mapStoreSettings(await this.settings.current());
  }

  @Put()
  @ApiOperation({ summary: 'Replace the opening hours and kitchen capacity (and name/description when given; a pause is kept)' })
  @ApiOkResponse({ type: StoreSettingsDto })
  @ApiBadRequestResponse({ type: ErrorResponse })
  async put(@CurrentUser() user: AuthenticatedUser, @Body() body: StoreSettingsRequest): Promise<StoreSettingsDto> {
    return mapStoreSettings(
      await this.settings.replace(
        { timeZone: body.timeZone, openingHours: body.openingHours, kitchenCapacity: body.kitchenCapacity ?? null, name: body.name, description: body.description },
        user.id,
      ),
    );
  }

  @Post('pause')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Pause new orders for some minutes (e.g. the kitchen is swamped); replaces a running pause and lifts by itself' })
  @ApiOkResponse({ type: StoreSettingsDto })
  @ApiBadRequestResponse({ type: ErrorResponse })
  async pause(@CurrentUser() user: AuthenticatedUser, @Body() body: PauseStoreRequest): Promise<StoreSettingsDto> {
    return mapStoreSettings(await this.settings.pause(body.minutes, body.reason || null, user.id));
  }

  @Delete('pause')
  @ApiOperation({ summary: 'Take new orders again now (ends a pause; nothing happens when not paused)' })
  @ApiOkResponse({ type: StoreSettingsDto })
  async resume(@CurrentUser() user: AuthenticatedUser): Promise<StoreSettingsDto> {
    return mapStoreSettings(await this.settings.resume(user.id));
  }
}
