/**
 * The one thing the messaging layer needs from a database connection: run a statement and get
 * rows back. A TypeORM EntityManager inside a transaction and a `pg` client both fit (see
 * `fromPgClient`), so services keep their own transaction handling.
 */
export interface SqlExecutor {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Runs `work` inside one database transaction and commits only if it resolves. */
export type TransactionRunner = <T>(work: (tx: SqlExecutor) => Promise<T>) => Promise<T>;

export interface PgQueryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Adapts a `pg` client so that `query` resolves to rows, as TypeORM's does for SELECT/INSERT. */
export function fromPgClient(client: PgQueryable): SqlExecutor {
  return { query: async (sql, params) => (await client.query(sql, params)).rows };
}

export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : [];
}

/** Schema names are interpolated into SQL, so only plain identifiers are accepted. */
export function assertIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`"${name}" is not a valid schema name`);
  }
  return name;
}

/** A TransactionRunner over a plain `pg` pool (for code that does not use TypeORM). */
export function pgTransactionRunner(pool: { connect(): Promise<PgQueryable & { release(): void }> }): TransactionRunner {
  return async (work) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(fromPgClient(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}
