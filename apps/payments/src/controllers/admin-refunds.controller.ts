import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res, UseFilters } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Response } from 'express';
import { AuthenticatedUser, CurrentUser, Roles } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import { PaymentError, PaymentErrorCode } from '../domain/payment-error';
import { mapRefund, RefundRequestBody, RefundResponse } from '../dtos/payment.dto';
import { RefundsService } from '../services/refunds.service';
import { PaymentsErrorFilter } from './payments-error.filter';

/** Refunds staff make (all or part of what was captured). */
@ApiTags('payments')
@Roles('admin')
@UseFilters(PaymentsErrorFilter)
@Controller('api/admin/orders')
export class AdminRefundsController {
  constructor(private readonly refunds: RefundsService) {}

  @Post(':id/refund')
  @ApiOperation({
    summary: 'Refund an order (all that is left, an amount, or chosen lines)',
    description:
      'With an Idempotency-Key the request is safe to repeat: the same key returns the same refund (never a second one) and the same key ' +
      'with another body is a 422. Without a key, two identical requests make two refunds.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Up to 255 characters' })
  @ApiCreatedResponse({ description: 'Refunded', type: RefundResponse })
  @ApiAcceptedResponse({ description: 'The provider is still processing the refund', type: RefundResponse })
  @ApiBadRequestResponse({ description: 'A bad amount or line, a line the order does not have, or amount and lines together', type: ErrorResponse })
  @ApiNotFoundResponse({ description: 'No payment for this order', type: ErrorResponse })
  @ApiConflictResponse({ description: 'More than is refundable (the message says how much is), or nothing to refund', type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ description: 'Idempotency-Key reused with another request', type: ErrorResponse })
  @ApiBadGatewayResponse({ description: 'The provider refused the refund (recorded as failed, payment.refund_failed)', type: ErrorResponse })
  @ApiServiceUnavailableResponse({ description: 'The provider did not answer; repeat with the same Idempotency-Key', type: ErrorResponse })
  async refund(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) orderId: string,
    @Body() body: RefundRequestBody,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RefundResponse> {
    if (idempotencyKey !== undefined && (idempotencyKey.trim() === '' || idempotencyKey.length > 255)) {
      throw new PaymentError(PaymentErrorCode.InvalidInput, 'Idempotency-Key must be 1 to 255 characters');
    }
    const refund = await this.refunds.refund({ orderId, amount: body.amount, lines: body.lines, reason: body.reason, idempotencyKey, actorId: user.id });
    res.status(refund.status === 'succeeded' ? 201 : 202);
    return mapRefund(refund);
  }
}
