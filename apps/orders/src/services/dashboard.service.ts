import { Inject, Injectable } from '@nestjs/common';
import { Money } from '@galley/contracts';
import { ORDERS_CONFIG, OrdersConfig } from '../config/orders-config';
import { dateIn, everyHour, isCalendarDate } from '../domain/dashboard-day';
import { OrdersError, OrdersErrorCode } from '../domain/orders-error';
import { TopItem } from '../repositories/dashboard.repository';
import { OrdersStore } from '../repositories/orders-store';

const TOP_ITEMS = 5;

export interface DaySummary {
  date: string;
  timeZone: string;
  orders: number;
  revenue: Money;
  averageConfirmedToReadySeconds: number | null;
  topItems: TopItem[];
  byHour: { hour: number; orders: number }[];
}

/** The staff dashboard's day: orders placed and paid that day (store time zone), revenue, kitchen speed, top items. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly store: OrdersStore,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  async summary(date: string | undefined, now = new Date()): Promise<DaySummary> {
    const timeZone = (await this.store.read.settings.get())?.timeZone ?? 'UTC';
    const day = date ?? dateIn(timeZone, now);
    if (!isCalendarDate(day)) throw new OrdersError(OrdersErrorCode.InvalidInput, 'date must be a calendar date written YYYY-MM-DD');
    const dashboard = this.store.read.dashboard;
    const [totals, topItems, hours] = await Promise.all([dashboard.totals(day, timeZone), dashboard.topItems(day, timeZone, TOP_ITEMS), dashboard.ordersByHour(day, timeZone)]);
    return {
      date: day,
      timeZone,
      orders: totals.orders,
      revenue: { amount: totals.revenue, currency: this.config.GALLEY_CURRENCY },
      averageConfirmedToReadySeconds: totals.averageConfirmedToReadySeconds,
      topItems,
      byHour: everyHour(hours),
    };
  }
}
