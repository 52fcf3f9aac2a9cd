import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { loadServiceConfig } from '@galley/config';
import { queryRow, queryRows, serviceDataSourceOptions } from '@galley/platform';
import { adminPoolConfig, testEnvironment } from '@galley/testing';

/** A service's DataSource on galley_test, as the apps build it: what rows look like through queryRows. */
describe('rows on a service DataSource', () => {
  let sut: DataSource;

  beforeAll(async () => {
    const config = loadServiceConfig('orders', {
      DB_HOST: testEnvironment.dbHost,
      DB_PORT: String(testEnvironment.dbPort),
      DB_NAME: testEnvironment.databaseName,
      DB_USER: 'galley_orders',
      DB_PASSWORD: process.env.DB_PASSWORD_ORDERS ?? 'galley_orders_dev',
      DB_POOL_SIZE: '1',
    });
    sut = await new DataSource(serviceDataSourceOptions('orders', config, { entities: [], migrations: [] })).initialize();
  });

  afterAll(async () => {
    await sut?.destroy();
  });

  it('reads int8 (bigint, count(*), sum of ints) as numbers, numeric as exact text and columns camelCased', async () => {
    const row = await queryRow(
      sut.manager,
      `SELECT 9007199254740991::bigint AS largest_amount, count(*) AS row_count, sum(x) AS total_quantity, 4.3333333333333333::numeric AS rating_average,
              now() AS created_at
         FROM (VALUES (1), (2)) v(x)`,
    );
    expect(row).toEqual({
      largestAmount: Number.MAX_SAFE_INTEGER,
      rowCount: 2,
      totalQuantity: 3,
      ratingAverage: '4.3333333333333333',
      createdAt: expect.any(Date),
    });
  });

  it('fails the query on an int8 past 2^53 instead of rounding it, and the connection stays usable', async () => {
    await expect(queryRows(sut.manager, `SELECT 9007199254740993::bigint AS amount`)).rejects.toThrow(/int8 value 9007199254740993 is beyond the integers a number holds exactly/);
    expect(await queryRow(sut.manager, `SELECT 1::bigint AS one`)).toEqual({ one: 1 });
  });

  it('answers the rows of UPDATE … RETURNING inside a transaction', async () => {
    const rows = await sut.transaction(async (manager) => {
      await manager.query(`CREATE TEMP TABLE service_rows_probe (id int PRIMARY KEY, paid_amount bigint NOT NULL) ON COMMIT DROP`);
      await manager.query(`INSERT INTO service_rows_probe VALUES (1, 100), (2, 200)`);
      return queryRows(manager, `UPDATE service_rows_probe SET paid_amount = paid_amount + 1 RETURNING id, paid_amount`);
    });
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: 1, paidAmount: 101 },
        { id: 2, paidAmount: 201 },
      ]),
    );
  });

  it('leaves other pools of the process with pg defaults (int8 as text)', async () => {
    const pool = new Pool(adminPoolConfig({ max: 1 }));
    try {
      const { rows } = await pool.query(`SELECT 42::bigint AS n`);
      expect(rows[0].n).toBe('42');
    } finally {
      await pool.end();
    }
  });
});
