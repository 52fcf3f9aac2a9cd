import { ConfigValidationError } from '@galley/config';
import { runService } from '@galley/platform';
import { loadPaymentsConfig, PaymentsConfig } from './config/payments-config';
import { PaymentsModule } from './payments.module';

/** Payments settings are validated before anything starts, like the service settings in runService. */
function paymentsConfigOrExit(env: NodeJS.ProcessEnv): PaymentsConfig {
  try {
    return loadPaymentsConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    console.error(`galley-payments: ${error.message}`);
    process.exit(78); // EX_CONFIG
  }
}

const payments = paymentsConfigOrExit(process.env);
void runService('payments', process.env, (config) => PaymentsModule.forRoot(config, payments), 'Payments, refunds, Stripe webhooks and the ledger.');
