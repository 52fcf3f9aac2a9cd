import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { MessagingRuntime } from '../messaging/messaging.runtime';

const STALE_OUTBOX_MS = 60_000;

/** The broker answers, and the relay keeps up (its oldest pending row is young). */
@Injectable()
export class MessagingHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly runtime: MessagingRuntime,
  ) {}

  async broker() {
    const check = this.indicators.check('broker');
    try {
      const brokers = await this.runtime.describeBrokers();
      return check.up({ brokers });
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }

  async relay() {
    const check = this.indicators.check('outbox');
    try {
      const lag = await this.runtime.outboxLag();
      const details = { pending: lag.pending, oldestPendingAgeMs: lag.oldestPendingAgeMs };
      return lag.oldestPendingAgeMs > STALE_OUTBOX_MS ? check.down(details) : check.up(details);
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : 'unknown' });
    }
  }
}
