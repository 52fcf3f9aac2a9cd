import { EntityManager } from 'typeorm';
import { queryRow } from '@galley/platform';
import { StoreSettings } from '../domain/store-hours';

/** Everything stored about the store: its hours and capacity, its public name and description, a staff pause. */
export interface StoredStoreSettings extends StoreSettings {
  name: string;
  description: string;
  pausedUntil: Date | null;
  pauseReason: string | null;
  updatedAt: Date;
}

/** The single row of store settings; no rules (the default lives in the service). */
export class StoreSettingsRepository {
  constructor(private readonly manager: EntityManager) {}

  async get(): Promise<StoredStoreSettings | null> {
    return queryRow<StoredStoreSettings>(
      this.manager,
      `SELECT time_zone, opening_hours, kitchen_capacity, name, description, paused_until, pause_reason, updated_at FROM orders.store_settings WHERE id`,
    );
  }

  /** Replaces hours, capacity, name and description; a running pause is left as it is. */
  async put(settings: StoreSettings & { name: string; description: string }, updatedBy: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO orders.store_settings (id, time_zone, opening_hours, kitchen_capacity, name, description, updated_at, updated_by)
       VALUES (true, $1, $2, $3, $4, $5, now(), $6)
       ON CONFLICT (id) DO UPDATE SET time_zone = $1, opening_hours = $2, kitchen_capacity = $3, name = $4, description = $5,
         updated_at = now(), updated_by = $6`,
      [settings.timeZone, JSON.stringify(settings.openingHours), settings.kitchenCapacity, settings.name, settings.description, updatedBy],
    );
  }

  /** Sets (or with null lifts) the pause; `defaults` make the row when no settings were stored yet. */
  async setPause(pause: { until: Date | null; reason: string | null }, defaults: StoreSettings, updatedBy: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO orders.store_settings (id, time_zone, opening_hours, kitchen_capacity, paused_until, pause_reason, updated_at, updated_by)
       VALUES (true, $1, $2, $3, $4, $5, now(), $6)
       ON CONFLICT (id) DO UPDATE SET paused_until = $4, pause_reason = $5, updated_at = now(), updated_by = $6`,
      [defaults.timeZone, JSON.stringify(defaults.openingHours), defaults.kitchenCapacity, pause.until, pause.reason, updatedBy],
    );
  }
}
