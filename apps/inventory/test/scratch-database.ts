import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadServiceConfig } from '@galley/config';
import { serviceDataSourceOptions } from '@galley/platform';
import { adminPoolConfig, uniqueSuffix } from '@galley/testing';
import { inventorySchema } from '../src/schema/inventory.schema';

const INVENTORY_PASSWORD = process.env.DB_PASSWORD_INVENTORY ?? 'galley_inventory_dev';

/**
 * A throwaway database holding only a migrated `inventory` schema (same role, same extensions as
 * provisioning makes), for tests that need an empty catalog without touching the shared
 * galley_test data other tests rely on. `drop()` removes it.
 */
export class ScratchDatabase {
  private constructor(readonly name: string) {}

  static async create(): Promise<ScratchDatabase> {
    const name = `galley_scratch_${uniqueSuffix()}`;
    const admin = new Client({ ...adminPoolConfig(), database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    const db = new Client({ ...adminPoolConfig(), database: name });
    await db.connect();
    try {
      await db.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
      await db.query('CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public');
      await db.query('CREATE SCHEMA inventory AUTHORIZATION galley_inventory');
      await db.query(`GRANT CONNECT, TEMPORARY ON DATABASE "${name}" TO galley_inventory`);
      await db.query('GRANT USAGE ON SCHEMA public TO galley_inventory');
      await db.query(`ALTER ROLE galley_inventory IN DATABASE "${name}" SET search_path = inventory, public`);
    } finally {
      await db.end();
    }
    const config = loadServiceConfig('inventory', { DB_NAME: name, DB_USER: 'galley_inventory', DB_PASSWORD: INVENTORY_PASSWORD });
    const dataSource = new DataSource(serviceDataSourceOptions('inventory', config, inventorySchema));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    return new ScratchDatabase(name);
  }

  /** Settings that point InventoryTestApp (or a pool) at this database as the inventory role. */
  get env(): Record<string, string> {
    return { DB_NAME: this.name, DB_USER: 'galley_inventory', DB_PASSWORD: INVENTORY_PASSWORD };
  }

  async drop(): Promise<void> {
    const admin = new Client({ ...adminPoolConfig(), database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}
