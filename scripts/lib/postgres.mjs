// Makes sure the local Postgres server runs and holds a database with one schema and one login
// role per service. Each role owns its schema and has no rights on any other.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';
import { step } from './log.mjs';

export const SERVICES = ['users', 'inventory', 'orders', 'payments', 'reviews'];

export function superuserConnection(database = 'postgres') {
  return {
    host: process.env.PGHOST_ADMIN ?? process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 5432),
    user: process.env.PGUSER_ADMIN ?? 'postgres',
    password: process.env.PGPASSWORD_ADMIN ?? undefined,
    database,
  };
}

async function canConnect() {
  const client = new pg.Client({ ...superuserConnection(), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts the Debian cluster if nothing answers on the configured port. */
export async function ensurePostgresRunning() {
  if (await canConnect()) {
    step('Postgres: running');
    return;
  }
  const versions = fs.existsSync('/etc/postgresql') ? fs.readdirSync('/etc/postgresql') : [];
  if (versions.length === 0) throw new Error('Postgres does not answer and no local cluster is installed (/etc/postgresql)');
  step(`Postgres: starting cluster ${versions[0]}/main`);
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0], 'main', 'start'], { stdio: 'inherit' });
  for (let i = 0; i < 60; i += 1) {
    if (await canConnect()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('Postgres did not start within 30 s');
}

export function roleOf(service) {
  return `galley_${service}`;
}

export function passwordOf(service) {
  return process.env[`DB_PASSWORD_${service.toUpperCase()}`] ?? `galley_${service}_dev`;
}

const ident = (name) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad identifier ${name}`);
  return `"${name}"`;
};

/** Creates the database, roles and schemas that are missing; safe to run again. */
export async function ensureDatabase(database) {
  const admin = new pg.Client(superuserConnection());
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      step(`Postgres: creating database ${database}`);
      await admin.query(`CREATE DATABASE ${ident(database)}`);
    }
    for (const service of SERVICES) {
      const role = roleOf(service);
      const found = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = found.rowCount === 0 ? 'CREATE' : 'ALTER';
      await admin.query(`${verb} ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${passwordOf(service).replace(/'/g, "''")}'`);
    }
  } finally {
    await admin.end();
  }

  const db = new pg.Client(superuserConnection(database));
  await db.connect();
  try {
    await db.query(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`);
    await db.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
    // Extensions need a superuser; services use them from their own schemas.
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
    await db.query('CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public');
    for (const service of SERVICES) {
      const role = roleOf(service);
      await db.query(`CREATE SCHEMA IF NOT EXISTS ${ident(service)} AUTHORIZATION ${ident(role)}`);
      await db.query(`ALTER SCHEMA ${ident(service)} OWNER TO ${ident(role)}`);
      await db.query(`REVOKE ALL ON SCHEMA ${ident(service)} FROM PUBLIC`);
      await db.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(database)} TO ${ident(role)}`);
      // Extension functions live in public; roles may call them but not create anything there.
      await db.query(`GRANT USAGE ON SCHEMA public TO ${ident(role)}`);
      await db.query(`ALTER ROLE ${ident(role)} IN DATABASE ${ident(database)} SET search_path = ${ident(service)}, public`);
    }
  } finally {
    await db.end();
  }
  step(`Postgres: database ${database} has schemas and roles for ${SERVICES.join(', ')}`);
}
