import { EntityManager } from 'typeorm';
import { StoreSettings } from '../domain/store-hours';

/** The single row of store settings; no rules (the default lives in the service). */
export class StoreSettingsRepository {
  constructor(private readonly manager: EntityManager) {}

  async get(): Promise<(StoreSettings & { updatedAt: Date }) | null> {
    const rows: Array<StoreSettings & { updatedAt: Date }> = await this.manager.query(
      `SELECT time_zone AS "timeZone", opening_hours AS "openingHours", kitchen_capacity AS "kitchenCapacity", updated_at AS "updatedAt"
         FROM orders.store_settings WHERE id`,
    );
    return rows[0] ?? null;
  }

  async put(settings: StoreSettings, updatedBy: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO orders.store_settings (id, time_zone, opening_hours, kitchen_capacity, updated_at, updated_by) VALUES (true, $1, $2, $3, now(), $4)
       ON CONFLICT (id) DO UPDATE SET time_zone = $1, opening_hours = $2, kitchen_capacity = $3, updated_at = now(), updated_by = $4`,
      [settings.timeZone, JSON.stringify(settings.openingHours), settings.kitchenCapacity, updatedBy],
    );
  }
}
