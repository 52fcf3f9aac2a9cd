import { ApiProperty } from '@nestjs/swagger';
import { PaymentsConfig } from '../config/payments-config';

export class PaymentsClientConfigResponse {
  @ApiProperty({ enum: ['stripe', 'simulated'], example: 'simulated', description: 'stripe: pay with Stripe Elements; simulated: no card form (development)' })
  provider: 'stripe' | 'simulated';

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Stripe publishable key (pk_…) for Stripe.js; null with the simulated provider or when not configured' })
  publishableKey: string | null;
}

/** What a browser needs to take a payment: which provider runs and, with Stripe, its publishable key. */
export function clientConfigOf(config: PaymentsConfig): PaymentsClientConfigResponse {
  const stripe = config.STRIPE_SECRET_KEY !== undefined;
  return { provider: stripe ? 'stripe' : 'simulated', publishableKey: stripe ? (config.STRIPE_PUBLISHABLE_KEY ?? null) : null };
}
