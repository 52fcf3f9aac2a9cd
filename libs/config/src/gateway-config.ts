import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { IsAddressList } from './address-setting';
import { KafkaAppConfig } from './service-config';

const url = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** The gateway owns no data: it needs where each service listens, and the broker (KafkaAppConfig) for live order status. */
export class GatewayConfig extends KafkaAppConfig {
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

  /** Where the access-token public keys are served; defaults to the users service's JWKS. */
  @IsOptional()
  @IsUrl(url)
  JWT_JWKS_URL?: string;

  @IsInt()
  @Min(1)
  @Max(86400)
  JWT_JWKS_CACHE_SECONDS: number = 600;

  /** Browser origins allowed to call the API (comma-separated); `none` allows none (an empty value means the default). */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((origin) => origin.trim())
          .filter((origin) => origin && origin !== 'none')
      : value,
  )
  @IsString({ each: true })
  CORS_ORIGINS: string[] = ['http://localhost:3000', 'http://127.0.0.1:3000'];

  /** Largest request body the gateway forwards. */
  @IsInt()
  @Min(1024)
  @Max(64 * 1024 * 1024)
  MAX_BODY_BYTES: number = 1024 * 1024;

  /** Largest product image upload (multipart), the one route allowed past MAX_BODY_BYTES. */
  @IsInt()
  @Min(1024)
  @Max(64 * 1024 * 1024)
  MAX_IMAGE_UPLOAD_BYTES: number = 6 * 1024 * 1024;

  /** Seconds between keep-alive comments on an open order stream (proxies drop idle connections). */
  @IsInt()
  @Min(1)
  @Max(300)
  SSE_HEARTBEAT_SECONDS: number = 15;

  /**
   * How many proxies stand in front of the gateway (a load balancer, an ingress controller). The
   * gateway sends one X-Forwarded-For to the services: the socket's peer when 0 (the default: a
   * client's own X-Forwarded-For is ignored), else the right-most address those hops did not add.
   */
  @IsInt()
  @Min(0)
  @Max(10)
  TRUSTED_INGRESS_HOPS: number = 0;

  /** Addresses or CIDRs of trusted proxies in front of the gateway, trusted at any hop (comma-separated; also loopback, linklocal, uniquelocal). */
  @IsAddressList()
  TRUSTED_INGRESS_CIDRS: string = '';

  /**
   * Requests per client address and window at the gateway, every route but Stripe's webhook
   * (429 with Retry-After past it). Kept in memory per replica. Generous by default: it stops
   * floods, not a busy storefront behind one NAT; load tests raise it.
   */
  @IsInt()
  @Min(1)
  @Max(100000000)
  RATE_LIMIT_PER_ADDRESS: number = 6000;

  @IsInt()
  @Min(1)
  @Max(86400)
  RATE_LIMIT_WINDOW_SECONDS: number = 60;

  /**
   * The key of stream tickets (POST /api/stream-tickets), shared by every gateway replica so a
   * ticket issued by one opens a stream at another. Unset: a random key per process (one replica).
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'STREAM_TICKET_SECRET must be at least 32 characters (e.g. openssl rand -base64 32)' })
  STREAM_TICKET_SECRET?: string;

  /** Live streams (order status, order board) one account may hold open per gateway replica; the next answers 429. */
  @IsInt()
  @Min(1)
  @Max(1000)
  MAX_STREAMS_PER_ACCOUNT: number = 5;

  /** The web app's build (index.html, assets/) the gateway serves; relative paths are from the working directory (the repository root). */
  @IsString()
  WEB_DIST_DIR: string = 'apps/web/dist';

  /** Stripe's publishable key (pk_...) for the storefront's card form; when set, the pages' CSP allows js.stripe.com and api.stripe.com. */
  @IsOptional()
  @IsString()
  STRIPE_PUBLISHABLE_KEY?: string;
}
