import { Client } from 'pg';
import { SERVICE_NAMES, ServiceName, databaseRoleFor } from '@galley/config';
import { testEnvironment } from '@galley/testing';

async function connectAs(service: ServiceName): Promise<Client> {
  const client = new Client({
    host: testEnvironment.dbHost,
    port: testEnvironment.dbPort,
    database: testEnvironment.databaseName,
    user: databaseRoleFor(service),
    password: `galley_${service}_dev`,
  });
  await client.connect();
  return client;
}

const others = (service: ServiceName) => SERVICE_NAMES.filter((other) => other !== service);

describe('Service database roles', () => {
  it.each(SERVICE_NAMES.map((s) => [s]))('lets %s use its own schema and nothing of the others', async (service) => {
    const sut = await connectAs(service);
    try {
      // Its own schema: the migrated outbox is readable and it may create tables.
      await expect(sut.query(`SELECT count(*) FROM "${service}".outbox`)).resolves.toBeDefined();
      await sut.query(`CREATE TABLE "${service}".isolation_probe (id int); DROP TABLE "${service}".isolation_probe`);
      for (const other of others(service)) {
        await expect(sut.query(`SELECT count(*) FROM "${other}".outbox`)).rejects.toThrow(/permission denied/);
        await expect(sut.query(`INSERT INTO "${other}".inbox (event_id) VALUES (gen_random_uuid())`)).rejects.toThrow(/permission denied/);
        await expect(sut.query(`CREATE TABLE "${other}".intruder (id int)`)).rejects.toThrow(/permission denied/);
      }
      await expect(sut.query('CREATE TABLE public.intruder (id int)')).rejects.toThrow(/permission denied/);
    } finally {
      await sut.end();
    }
  });
});
