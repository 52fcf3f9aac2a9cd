import { Controller, Headers, HttpCode, HttpStatus, Post, RawBodyRequest, Req, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { Public } from '@galley/auth';
import { ErrorResponse, recordWebhookOutcome } from '@galley/platform';
import { WebhookResponse } from '../dtos/payment.dto';
import { StripeWebhooksService } from '../services/stripe-webhooks.service';
import { PaymentsErrorFilter } from './payments-error.filter';

/** Where Stripe delivers events; authenticated by the signature over the raw body, not a token. */
@ApiTags('payments')
@Public()
@UseFilters(PaymentsErrorFilter)
@Controller('api/webhooks')
export class StripeWebhookController {
  constructor(private readonly webhooks: StripeWebhooksService) {}

  @Post('stripe')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Stripe webhook endpoint (payment_intent.*, charge.refunded, refund.*, charge.dispute.created)' })
  @ApiHeader({ name: 'Stripe-Signature', required: true, description: 'Checked with STRIPE_WEBHOOK_SECRET' })
  @ApiOkResponse({ description: 'Recorded (a repeated event id has no second effect; unknown types are recorded and ignored)', type: WebhookResponse })
  @ApiBadRequestResponse({ description: 'Missing or bad signature, or the body is not an event; nothing changes', type: ErrorResponse })
  async receive(@Req() req: RawBodyRequest<Request>, @Headers('stripe-signature') signature: string | undefined): Promise<WebhookResponse> {
    const result = await this.webhooks.receive(req.rawBody, signature).catch((error: unknown) => {
      recordWebhookOutcome('stripe', 'rejected');
      throw error;
    });
    recordWebhookOutcome('stripe', result.outcome);
    return { received: true, duplicate: result.duplicate };
  }
}
