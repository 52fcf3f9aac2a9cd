import { Injectable } from '@nestjs/common';
import { OrdersError, OrdersErrorCode } from '../domain/orders-error';
import { ALWAYS_OPEN, StoreSettings, storeSettingsProblems } from '../domain/store-hours';
import { activePause, DEFAULT_STORE_NAME, pauseEnd, StoreProfile, StoreStatus, storeStatus } from '../domain/store-status';
import { OrdersRepositories, OrdersStore } from '../repositories/orders-store';

export interface StoreSettingsChange extends StoreSettings {
  /** Left out: the stored name (or the default) stays. */
  name?: string;
  description?: string;
}

/** Opening hours, kitchen capacity, name, description and pause; until an admin sets them the store is open around the clock. */
@Injectable()
export class StoreSettingsService {
  constructor(private readonly store: OrdersStore) {}

  async current(repositories: OrdersRepositories = this.store.read, now = new Date()): Promise<StoreProfile> {
    const stored = await repositories.settings.get();
    if (!stored) return { ...ALWAYS_OPEN, name: DEFAULT_STORE_NAME, description: '', pausedUntil: null, pauseReason: null };
    const pausedUntil = activePause(stored.pausedUntil, now);
    return {
      timeZone: stored.timeZone,
      openingHours: stored.openingHours,
      kitchenCapacity: stored.kitchenCapacity,
      name: stored.name,
      description: stored.description,
      pausedUntil,
      pauseReason: pausedUntil ? stored.pauseReason : null,
    };
  }

  /** The settings with what they mean at `now` (open, next change, taking orders). */
  async publicView(now = new Date()): Promise<{ profile: StoreProfile; status: StoreStatus }> {
    const profile = await this.current(this.store.read, now);
    return { profile, status: storeStatus(profile, profile.pausedUntil, now) };
  }

  async replace(settings: StoreSettingsChange, adminId: string): Promise<StoreProfile> {
    const problems = storeSettingsProblems(settings);
    if (problems.length > 0) throw new OrdersError(OrdersErrorCode.InvalidInput, problems.join('; '));
    await this.store.transaction(async (tx) => {
      const before = await this.current(tx);
      await tx.settings.put(
        {
          timeZone: settings.timeZone,
          openingHours: settings.openingHours,
          kitchenCapacity: settings.kitchenCapacity,
          name: settings.name ?? before.name,
          description: settings.description ?? before.description,
        },
        adminId,
      );
    });
    return this.current();
  }

  /** Refuses new orders for `minutes` from now (replacing a running pause); it lifts by itself. */
  async pause(minutes: number, reason: string | null, adminId: string, now = new Date()): Promise<StoreProfile> {
    await this.store.transaction((tx) => tx.settings.setPause({ until: pauseEnd(now, minutes), reason }, ALWAYS_OPEN, adminId));
    return this.current(this.store.read, now);
  }

  async resume(adminId: string): Promise<StoreProfile> {
    await this.store.transaction((tx) => tx.settings.setPause({ until: null, reason: null }, ALWAYS_OPEN, adminId));
    return this.current();
  }
}
