import { Body, Controller, HttpCode, HttpStatus, Post, UseFilters } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@galley/auth';
import { ErrorResponse, recordWebhookOutcome } from '@galley/platform';
import { SimulateRequest, SimulateResponse } from '../dtos/payment.dto';
import { DevSimulationService } from '../services/dev-simulation.service';
import { PaymentsErrorFilter } from './payments-error.filter';

/** Development only: pay (or fail to pay) an order without Stripe. */
@ApiTags('payments')
@ApiBearerAuth()
@UseFilters(PaymentsErrorFilter)
@Controller('api/payments/dev')
export class DevSimulationController {
  constructor(private readonly simulation: DevSimulationService) {}

  @Post('simulate')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Sends a signed Stripe-format payment_intent.succeeded/payment_failed for the order through the webhook path (not in production)' })
  @ApiAcceptedResponse({ type: SimulateResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ description: "Another customer's order, an unknown order, or NODE_ENV=production", type: ErrorResponse })
  @ApiConflictResponse({ description: 'The order has no PaymentIntent yet', type: ErrorResponse })
  async simulate(@CurrentUser() user: AuthenticatedUser, @Body() body: SimulateRequest): Promise<SimulateResponse> {
    const result = await this.simulation.simulate(body.orderId, body.outcome, user);
    recordWebhookOutcome('simulated', result.outcome);
    return { eventId: result.eventId, outcome: result.outcome };
  }
}
