import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { INVENTORY_CONFIG } from '../config/inventory-config.token';
import { InventoryConfig } from '../config/inventory-config';
import { ReservationsService } from './reservations.service';

/** Every RESERVATION_SWEEP_INTERVAL_MS, releases reservations past their expiry. */
@Injectable()
export class ReservationSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly reservations: ReservationsService,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ReservationSweeper.name);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.RESERVATION_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  /** One pass; a pass still running is not started twice. */
  sweep(): Promise<unknown> {
    this.running ??= this.reservations
      .expireDue()
      .then((count) => {
        if (count > 0) this.logger.info({ count }, 'expired reservations released');
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'reservation sweep failed; retrying next interval'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
