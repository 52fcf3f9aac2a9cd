import { Controller, Get, Param, ParseUUIDPipe, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import { mapPayment, PaymentResponse } from '../dtos/payment.dto';
import { PaymentQueriesService } from '../services/payment-queries.service';
import { PaymentsErrorFilter } from './payments-error.filter';

/** The payment of an order, for its customer (or staff). */
@ApiTags('payments')
@ApiBearerAuth()
@UseFilters(PaymentsErrorFilter)
@Controller('api/orders')
export class OrderPaymentController {
  constructor(private readonly queries: PaymentQueriesService) {}

  @Get(':id/payment')
  @ApiOperation({ summary: "The order's PaymentIntent (client secret for Stripe.js), status and refunds" })
  @ApiOkResponse({ type: PaymentResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ description: "No intent yet, or another customer's order", type: ErrorResponse })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) orderId: string): Promise<PaymentResponse> {
    const { payment, refunds, lines } = await this.queries.ofOrder(orderId, user);
    return mapPayment(payment, refunds, lines);
  }
}
