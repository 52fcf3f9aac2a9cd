import { runService } from '@galley/platform';
import { OrdersModule } from './orders.module';

void runService('orders', process.env, (config) => OrdersModule.forRoot(config), 'Orders, their status history and the checkout saga.');
