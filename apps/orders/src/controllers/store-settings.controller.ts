import { Body, Controller, Get, Put, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import { StoreSettingsDto } from '../dtos/store-settings.dto';
import { StoreSettingsService } from '../services/store-settings.service';
import { OrdersErrorFilter } from './orders-error.filter';

/** Opening hours and kitchen capacity, which decide whether a new order is taken. */
@ApiTags('store')
@Roles('admin')
@UseFilters(OrdersErrorFilter)
@Controller('api/admin/store')
export class StoreSettingsController {
  constructor(private readonly settings: StoreSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Opening hours per weekday (store time zone) and kitchen capacity' })
  @ApiOkResponse({ type: StoreSettingsDto })
  get(): Promise<StoreSettingsDto> {
    return this.settings.current();
  }

  @Put()
  @ApiOperation({ summary: 'Replace the opening hours and kitchen capacity' })
  @ApiOkResponse({ type: StoreSettingsDto })
  @ApiBadRequestResponse({ type: ErrorResponse })
  put(@CurrentUser() user: AuthenticatedUser, @Body() body: StoreSettingsDto): Promise<StoreSettingsDto> {
    return this.settings.replace({ timeZone: body.timeZone, openingHours: body.openingHours, kitchenCapacity: body.kitchenCapacity ?? null }, user.id);
  }
}
