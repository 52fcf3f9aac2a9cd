import { DataSource, EntityManager } from 'typeorm';
import { SqlExecutor } from '@galley/messaging';

/** A service's repositories bound to one transaction, and the executor its outbox rows are written through. */
export type StoreTransaction<Repositories extends object> = Repositories & { sql: SqlExecutor };

/**
 * A service's schema as its use cases see it: `read` outside any transaction, `transaction()` for work that commits
 * together (state and outbox rows), and `within()` for a transaction someone else opened (a consumer's inbox
 * transaction). Each service lists its repositories once, in the function it passes here; services never see TypeORM.
 */
export abstract class SchemaStore<Repositories extends object> {
  readonly read: Repositories;

  protected constructor(
    private readonly dataSource: DataSource,
    private readonly repositoriesOf: (manager: EntityManager) => Repositories,
  ) {
    this.read = repositoriesOf(dataSource.manager);
  }

  transaction<T>(work: (tx: StoreTransaction<Repositories>) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work({ ...this.repositoriesOf(manager), sql: manager }));
  }

  within(tx: SqlExecutor): StoreTransaction<Repositories> {
    return { ...this.repositoriesOf(tx as EntityManager), sql: tx };
  }

  /** A plain executor outside any transaction (read-only checks such as reconciliation). */
  get sql(): SqlExecutor {
    return this.dataSource.manager;
  }
}
