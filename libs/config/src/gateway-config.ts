import { IsUrl } from 'class-validator';
import { AppConfig } from './service-config';

const url = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** The gateway owns no data: it needs only where each service listens. */
export class GatewayConfig extends AppConfig {
  PORT: number = 8080;

  @IsUrl(url)
  USERS_URL: string = 'http://127.0.0.1:3001';

  @IsUrl(url)
  INVENTORY_URL: string = 'http://127.0.0.1:3002';

  @IsUrl(url)
  ORDERS_URL: string = 'http://127.0.0.1:3003';

  @IsUrl(url)
  PAYMENTS_URL: string = 'http://127.0.0.1:3004';

  @IsUrl(url)
  REVIEWS_URL: string = 'http://127.0.0.1:3005';
}
