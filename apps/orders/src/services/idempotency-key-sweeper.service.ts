import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { ORDERS_CONFIG, OrdersConfig } from '../config/orders-config';
import { OrdersStore } from '../repositories/orders-store';

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** Hourly, forgets Idempotency-Keys past their time to live so the table stays small. */
@Injectable()
export class IdempotencyKeySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly store: OrdersStore,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(IdempotencyKeySweeper.name);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async sweep(): Promise<number> {
    try {
      const removed = await this.store.read.idempotency.deleteOlderThan(this.config.IDEMPOTENCY_KEY_TTL_SECONDS);
      if (removed > 0) this.logger.info({ removed }, 'expired idempotency keys removed');
      return removed;
    } catch (error) {
      this.logger.warn({ err: error }, 'idempotency key sweep failed; retrying next interval');
      return 0;
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
