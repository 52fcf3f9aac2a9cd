import { Controller, Get, Inject, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@galley/auth';
import { ORDERS_CONFIG, OrdersConfig } from '../config/orders-config';
import { mapPublicStore, PublicStoreDto } from '../dtos/store-settings.dto';
import { StoreSettingsService } from '../services/store-settings.service';
import { OrdersErrorFilter } from './orders-error.filter';

/** The store as every visitor sees it: name, currency, hours and whether an order would be taken now. */
@ApiTags('store')
@UseFilters(OrdersErrorFilter)
@Controller('api/store')
export class StoreController {
  constructor(
    private readonly settings: StoreSettingsService,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The store: name, description, currency, opening hours, whether it is open and taking orders now (public)' })
  @ApiOkResponse({ type: PublicStoreDto })
  async get(): Promise<PublicStoreDto> {
    const now = new Date();
    const { profile, status } = await this.settings.publicView(now);
    return mapPublicStore(profile, status, this.config.GALLEY_CURRENCY);
  }
}
