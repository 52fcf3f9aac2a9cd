import { runService } from '@galley/platform';
import { PaymentsModule } from './payments.module';

void runService('payments', process.env, (config) => PaymentsModule.forRoot(config), 'Payments, refunds, Stripe webhooks and the ledger.');
