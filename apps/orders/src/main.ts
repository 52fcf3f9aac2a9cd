import { ConfigValidationError } from '@galley/config';
import { runService } from '@galley/platform';
import { loadOrdersConfig, OrdersConfig } from './config/orders-config';
import { OrdersModule } from './orders.module';

/** Orders settings are validated before anything starts, like the service settings in runService. */
function ordersConfigOrExit(env: NodeJS.ProcessEnv): OrdersConfig {
  try {
    return loadOrdersConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    console.error(`galley-orders: ${error.message}`);
    process.exit(78); // EX_CONFIG
  }
}

const orders = ordersConfigOrExit(process.env);
void runService('orders', process.env, (config) => OrdersModule.forRoot(config, orders), 'Orders, their status history and the checkout saga.');
