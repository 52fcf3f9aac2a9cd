import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, verifierFromSettings } from '@galley/auth';
import { ServiceConfig, verifierSettingsOf } from '@galley/config';
import { ServicePlatformModule } from '@galley/platform';
import { PaymentsConfig } from './config/payments-config';
import { PAYMENTS_CONFIG } from './config/payments-config.token';
import { OrderAwaitingPaymentConsumer } from './consumers/order-awaiting-payment.consumer';
import { OrderCancelledConsumer } from './consumers/order-cancelled.consumer';
import { OrderConfirmedConsumer } from './consumers/order-confirmed.consumer';
import { OrderNeedsAttentionConsumer } from './consumers/order-needs-attention.consumer';
import { OrderPlacedConsumer } from './consumers/order-placed.consumer';
import { OrderRejectedConsumer } from './consumers/order-rejected.consumer';
import { AdminRefundsController } from './controllers/admin-refunds.controller';
import { DevSimulationController } from './controllers/dev-simulation.controller';
import { OrderPaymentController } from './controllers/order-payment.controller';
import { PaymentsConfigController } from './controllers/payments-config.controller';
import { StripeWebhookController } from './controllers/stripe-webhook.controller';
import { PAYMENT_PROVIDER, PaymentProvider } from './providers/payment-provider';
import { SimulatedPaymentProvider } from './providers/simulated.provider';
import { StripePaymentProvider } from './providers/stripe.provider';
import { PaymentsStore } from './repositories/payments-store';
import { paymentsSchema } from './schema/payments.schema';
import { DevSimulationService } from './services/dev-simulation.service';
import { OrderPaymentsService } from './services/order-payments.service';
import { PaymentQueriesService } from './services/payment-queries.service';
import { PaymentRecorder } from './services/payment-recorder.service';
import { RefundsService } from './services/refunds.service';
import { StripeWebhooksService } from './services/stripe-webhooks.service';

/** Stripe through its SDK when a secret key is configured, else the local simulation. */
export function providerFor(config: PaymentsConfig): PaymentProvider {
  if (!config.STRIPE_SECRET_KEY) return new SimulatedPaymentProvider();
  return new StripePaymentProvider({
    secretKey: config.STRIPE_SECRET_KEY,
    host: config.STRIPE_API_HOST,
    port: config.STRIPE_API_PORT,
    protocol: config.STRIPE_API_PROTOCOL,
    maxNetworkRetries: config.STRIPE_MAX_NETWORK_RETRIES,
    timeoutMs: config.STRIPE_TIMEOUT_MS,
  });
}

@Module({})
export class PaymentsModule {
  static forRoot(config: ServiceConfig, payments: PaymentsConfig, provider: PaymentProvider = providerFor(payments)): DynamicModule {
    return {
      module: PaymentsModule,
      imports: [
        ServicePlatformModule.forRoot({ service: 'payments', config, schema: paymentsSchema }),
        // Every route needs a valid access token unless @Public() (the Stripe webhook); keys come from users' JWKS.
        AuthModule.forRoot(verifierFromSettings(verifierSettingsOf(payments))),
      ],
      controllers: [
        OrderPaymentController,
        StripeWebhookController,
        // Paying without paying exists only where nothing is really charged: not with Stripe keys, whatever NODE_ENV says.
        ...(provider.name === 'simulated' ? [DevSimulationController] : []),
        AdminRefundsController,
        PaymentsConfigController,
        // Event handlers (@HandlesEvent), served by Galley's event transport.
        OrderPlacedConsumer,
        OrderAwaitingPaymentConsumer,
        OrderCancelledConsumer,
        OrderRejectedConsumer,
        OrderNeedsAttentionConsumer,
        OrderConfirmedConsumer,
      ],
      providers: [
        { provide: PAYMENTS_CONFIG, useValue: payments },
        { provide: PAYMENT_PROVIDER, useValue: provider },
        PaymentsStore,
        PaymentRecorder,
        OrderPaymentsService,
        StripeWebhooksService,
        RefundsService,
        PaymentQueriesService,
        DevSimulationService,
      ],
    };
  }
}
