import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@galley/auth';
import { PAYMENTS_CONFIG } from '../config/payments-config.token';
import { PaymentsConfig } from '../config/payments-config';
import { clientConfigOf, PaymentsClientConfigResponse } from '../dtos/payments-config.dto';

/** Public: the storefront asks before it shows a payment step. */
@ApiTags('payments')
@Controller('api/payments')
export class PaymentsConfigController {
  constructor(@Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig) {}

  @Get('config')
  @Public()
  @ApiOperation({ summary: 'The payment provider and, with Stripe, the publishable key for the card form (public)' })
  @ApiOkResponse({ type: PaymentsClientConfigResponse })
  get(): PaymentsClientConfigResponse {
    return clientConfigOf(this.config);
  }
}
