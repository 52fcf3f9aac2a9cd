import { Injectable } from '@nestjs/common';
import { OrdersError, OrdersErrorCode } from '../domain/orders-error';
import { ALWAYS_OPEN, StoreSettings, storeSettingsProblems } from '../domain/store-hours';
import { OrdersRepositories, OrdersStore } from '../repositories/orders-store';

/** Opening hours and kitchen capacity; until an admin sets them the store is open around the clock. */
@Injectable()
export class StoreSettingsService {
  constructor(private readonly store: OrdersStore) {}

  async current(repositories: OrdersRepositories = this.store.read): Promise<StoreSettings> {
    const stored = await repositories.settings.get();
    return stored ? { timeZone: stored.timeZone, openingHours: stored.openingHours, kitchenCapacity: stored.kitchenCapacity } : ALWAYS_OPEN;
  }

  async replace(settings: StoreSettings, adminId: string): Promise<StoreSettings> {
    const problems = storeSettingsProblems(settings);
    if (problems.length > 0) throw new OrdersError(OrdersErrorCode.InvalidInput, problems.join('; '));
    await this.store.transaction((tx) => tx.settings.put(settings, adminId));
    return this.current();
  }
}
