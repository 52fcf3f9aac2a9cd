import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryRows, registerOrderStateReader } from '@galley/platform';

/**
 * Orders by status for /metrics (galley_orders), read on each scrape: one grouped count over the
 * status column, so an order stuck in NEEDS_ATTENTION can raise an alert.
 */
@Injectable()
export class OrderStateMetrics implements OnModuleInit, OnModuleDestroy {
  private unregister?: () => void;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.unregister = registerOrderStateReader('orders', () => this.countByStatus());
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }

  private async countByStatus(): Promise<Record<string, number>> {
    const rows = await queryRows<{ status: string; count: number }>(this.dataSource, `SELECT status, count(*) AS count FROM "orders".orders GROUP BY status`);
    return Object.fromEntries(rows.map((row) => [row.status, row.count]));
  }
}
